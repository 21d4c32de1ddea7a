package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Right after an exact heat bath a pseudofermion action is |χ|² for k complex Gaussian components of unit variance:
 * Gamma(k, 1), mean k and variance k. Checks both with z-scores; the variance of the sample variance of Gamma(k, 1) is
 * (2k² + 6k)/n (fourth cumulant 6k).
 */
final class GammaLaw {
    private GammaLaw() {}

    static void assertGamma(double[] s, double k, String name) {
        int n = s.length;
        double mean = 0;
        for (double v : s) mean += v / n;
        double var = 0;
        for (double v : s) var += (v - mean) * (v - mean) / (n - 1);
        double zMean = (mean - k) / Math.sqrt(k / n);
        double zVar = (var - k) / Math.sqrt((2 * k * k + 6 * k) / n);
        assertTrue(Math.abs(zMean) < 4, name + ": <S> = " + mean + " for k = " + k + ", z = " + zMean);
        assertTrue(Math.abs(zVar) < 4, name + ": var S = " + var + " for k = " + k + ", z = " + zVar);
    }
}
