package org.latticespark.lattice.backend;

import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/** The compute-backend seam, tried first on the plaquette sum Σ_n Σ_{μ<ν} Re tr U_μν(n). */
public interface PlaquetteBackend extends AutoCloseable {
    double plaquetteSum(GaugeField field, Parallelism par);

    /** What actually ran, e.g. "java" or "aparapi:OpenCL:<device>" or "aparapi:JTP"; recorded with a run. */
    String description();

    @Override
    default void close() {}
}
