package org.latticespark.measurement;

import java.io.Serializable;
import java.util.List;
import org.latticespark.lattice.field.GaugeField;

/** A measurement on one gauge configuration; stages are stateless and serializable. */
public interface MeasurementStage extends Serializable {
    String name();

    /** The observables this stage writes, in order. */
    List<String> observables();

    /** The measurements on {@code field}, the configuration {@code context} names. */
    List<Measurement> measure(GaugeField field, MeasurementContext context);
}
