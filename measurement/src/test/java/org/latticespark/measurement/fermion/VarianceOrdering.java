package org.latticespark.measurement.fermion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** The Gaussian estimator's variance exceeds the Z2 and Z4 ones, exactly and visibly in the samples. */
final class VarianceOrdering {
    private static final double VISIBLE_Z = 3;

    private VarianceOrdering() {}

    static void assertGaussianLargest(String what, Map<NoiseKind, Samples> samples, Map<NoiseKind, Double> exact) {
        Samples gauss = samples.get(NoiseKind.GAUSSIAN);
        for (NoiseKind kind : new NoiseKind[] {NoiseKind.Z2, NoiseKind.Z4}) {
            assertTrue(exact.get(NoiseKind.GAUSSIAN) > exact.get(kind),
                    what + ": exact Gaussian variance not above " + kind);
            Samples s = samples.get(kind);
            double z = (gauss.variance() - s.variance()) / Math.hypot(gauss.varianceError(), s.varianceError());
            assertTrue(z > VISIBLE_Z, what + ": sample variance Gaussian " + gauss.variance() + " vs " + kind + " "
                    + s.variance() + " (z = " + z + ")");
        }
    }
}
