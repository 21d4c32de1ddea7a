package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mean and standard error over seeds, with 4-sigma assertions on them. */
public final class Stats {
    private static final double SIGMAS = 4;

    private final double[] values;

    public Stats(double[] values) {
        this.values = values.clone();
    }

    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    public double standardError() {
        double mean = mean();
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1) / values.length);
    }

    public Stats squared() {
        double[] squares = new double[values.length];
        for (int i = 0; i < squares.length; i++) {
            squares[i] = values[i] * values[i];
        }
        return new Stats(squares);
    }

    /** Fraction of values with |v| < 1. */
    public double fractionWithinOne() {
        int inside = 0;
        for (double v : values) {
            inside += Math.abs(v) < 1 ? 1 : 0;
        }
        return (double) inside / values.length;
    }

    public void assertMean(double expected, String what) {
        double mean = mean();
        double se = standardError();
        assertTrue(Math.abs(mean - expected) < SIGMAS * se,
                what + ": mean over seeds " + mean + " +- " + se + ", expected " + expected);
    }

    /** z-scores (estimate - exact) / claimed error: no bias and unit variance, both within 4 standard errors. */
    public void assertStandardNormal(String what) {
        assertMean(0, what + " z-score");
        squared().assertMean(1, what + " z-score squared");
    }

    public void assertMeanBelow(double bound, String what) {
        double mean = mean();
        double se = standardError();
        assertTrue(mean + SIGMAS * se < bound, what + ": mean over seeds " + mean + " +- " + se + " not below " + bound);
    }

    /** At least the Gaussian 68.3% within one claimed error, minus 4 binomial standard deviations. */
    public void assertCoverageAtLeastGaussian(String what) {
        double p = 0.6827;
        double bound = p - SIGMAS * Math.sqrt(p * (1 - p) / values.length);
        double fraction = fractionWithinOne();
        assertTrue(fraction >= bound, what + ": only " + fraction + " of seeds within one error, need " + bound);
    }

    /** Mean differs from {@code other} by more than 4 standard errors (shows that a test can see an effect). */
    public void assertMeanAway(double other, String what) {
        double mean = mean();
        double se = standardError();
        assertTrue(Math.abs(mean - other) > SIGMAS * se,
                what + ": mean over seeds " + mean + " +- " + se + " should differ from " + other);
    }

    /** Fraction of values in [lower, upper] is p within 4 binomial standard deviations. */
    public static void assertFraction(int inside, int total, double p, String what) {
        double fraction = (double) inside / total;
        double sd = Math.sqrt(p * (1 - p) / total);
        assertTrue(Math.abs(fraction - p) < SIGMAS * sd,
                what + ": fraction " + fraction + ", expected " + p + " +- " + sd);
    }

    /** Mean is not above {@code bound} by more than 4 standard errors. */
    public void assertMeanNotAbove(double bound, String what) {
        double mean = mean();
        double se = standardError();
        assertTrue(mean - SIGMAS * se < bound, what + ": mean over seeds " + mean + " +- " + se + " above " + bound);
    }

    /** Mean lies inside (lower, upper) by more than 4 standard errors. */
    public void assertMeanBetween(double lower, double upper, String what) {
        double mean = mean();
        double se = standardError();
        assertTrue(mean - SIGMAS * se > lower && mean + SIGMAS * se < upper,
                what + ": mean over seeds " + mean + " +- " + se + " not inside (" + lower + ", " + upper + ")");
    }

    @Override
    public String toString() {
        return mean() + " +- " + standardError();
    }
}
