package org.latticespark.measurement.scalar;

import java.io.Serializable;
import java.util.List;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;

/** A measurement on one scalar-field configuration; stages are stateless and serializable. */
public interface ScalarMeasurementStage extends Serializable {
    String name();

    /** The observables this stage writes, in order. */
    List<String> observables();

    /** The measurements on {@code field}, the configuration {@code context} names. */
    List<Measurement> measure(ScalarField field, MeasurementContext context);
}
