package org.latticespark.lattice.backend;

import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/** Plain Java loops over sites. */
public final class JavaPlaquetteBackend implements PlaquetteBackend {
    @Override
    public double plaquetteSum(GaugeField field, Parallelism par) {
        return Plaquettes.sum(field, par);
    }

    @Override
    public String description() { return "java"; }
}
