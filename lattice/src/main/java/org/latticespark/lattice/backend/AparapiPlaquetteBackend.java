package org.latticespark.lattice.backend;

import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/** Placeholder until the Aparapi kernel lands: delegates to Java. */
public final class AparapiPlaquetteBackend implements PlaquetteBackend {
    private final JavaPlaquetteBackend fallback = new JavaPlaquetteBackend();

    @Override
    public double plaquetteSum(GaugeField field, Parallelism par) {
        return fallback.plaquetteSum(field, par);
    }

    @Override
    public String description() { return "java (aparapi pending)"; }
}
