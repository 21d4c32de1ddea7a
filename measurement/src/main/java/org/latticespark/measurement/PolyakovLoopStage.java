package org.latticespark.measurement;

import java.util.List;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.observable.PolyakovLoop;

/** The spatially averaged Polyakov loop: Re L, Im L and |L|. */
public final class PolyakovLoopStage implements MeasurementStage {
    private static final long serialVersionUID = 1L;

    @Override
    public String name() { return "polyakov"; }

    @Override
    public List<String> observables() { return List.of("polyakov_re", "polyakov_im", "polyakov_abs"); }

    @Override
    public List<Measurement> measure(GaugeField field, MeasurementContext context) {
        double[] l = PolyakovLoop.compute(field);
        return List.of(new Measurement("polyakov_re", 0, l[0]), new Measurement("polyakov_im", 0, l[1]),
                new Measurement("polyakov_abs", 0, Math.hypot(l[0], l[1])));
    }
}
