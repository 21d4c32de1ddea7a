package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mean and standard error of a statistic over independent seeds, with 4-sigma checks. */
final class SeedStats {
    static final double SIGMAS = 4;

    private final double[] values;

    SeedStats(double[] values) {
        this.values = values.clone();
    }

    double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    double standardError() {
        double mean = mean();
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1) / values.length);
    }

    /** Whether the mean agrees with expected within 4 standard errors. */
    boolean meanIs(double expected) {
        return Math.abs(mean() - expected) < SIGMAS * standardError();
    }

    void assertMean(double expected, String what) {
        assertTrue(meanIs(expected), what + ": mean over seeds " + mean() + " +- " + standardError()
                + ", expected " + expected);
    }

    /** Squared deviations from a given centre. */
    SeedStats squaredAbout(double centre) {
        double[] s = new double[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (values[i] - centre) * (values[i] - centre);
        }
        return new SeedStats(s);
    }

    /** z-scores: mean 0 and mean square 1, each within 4 standard errors. */
    void assertStandardNormal(String what) {
        assertMean(0, what + " pull");
        squaredAbout(0).assertMean(1, what + " pull squared");
    }

    /**
     * Kolmogorov–Smirnov probability that these values are uniform on [0, 1] (asymptotic distribution of
     * sqrt(N) D with the usual small-N correction of Stephens).
     */
    double uniformKsProbability() {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            d = Math.max(d, Math.max((i + 1.0) / n - sorted[i], sorted[i] - (double) i / n));
        }
        double sqrtN = Math.sqrt(n);
        double lambda = (sqrtN + 0.12 + 0.11 / sqrtN) * d;
        if (lambda < 0.2) {
            return 1;
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            sum += (k % 2 == 1 ? 2 : -2) * Math.exp(-2.0 * k * k * lambda * lambda);
        }
        return Math.min(1, Math.max(0, sum));
    }
}
