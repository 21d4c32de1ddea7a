package org.latticespark.measurement;

import java.util.List;
import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/** The average plaquette, normalised to 1 on the unit configuration. */
public final class PlaquetteStage implements MeasurementStage {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() { return "plaquette"; }

    @Override
    public List<String> observables() { return List.of("plaquette"); }

    @Override
    public List<Measurement> measure(GaugeField field, MeasurementContext context) {
        return List.of(new Measurement("plaquette", 0, Plaquettes.average(field, Parallelism.serial())));
    }
}
