package org.latticespark.measurement.fermion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Assertions that a list of one-vector estimates is a sample of the exact mean and variance. */
final class NoiseChecks {
    static final double MEAN_Z = 4;
    static final double VARIANCE_Z = 5;

    private NoiseChecks() {}

    static Samples assertConsistent(String what, List<NoiseEstimate> estimates, double exactMean,
            double exactVariance) {
        Samples s = Samples.of(estimates);
        double zMean = (s.mean() - exactMean) / s.meanError();
        double zVariance = (s.variance() - exactVariance) / s.varianceError();
        assertTrue(Math.abs(zMean) < MEAN_Z, what + ": mean " + s.mean() + " ± " + s.meanError() + " vs exact "
                + exactMean + " (z = " + zMean + ")");
        assertTrue(Math.abs(zVariance) < VARIANCE_Z, what + ": variance " + s.variance() + " ± " + s.varianceError()
                + " vs exact " + exactVariance + " (z = " + zVariance + ")");
        return s;
    }
}
