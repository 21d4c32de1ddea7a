package org.latticespark.generation.flow;

/**
 * Effective sample size of importance weights w_i = e^{log w_i}, as a fraction of N:
 * ESS/N = (Σ w)² / (N Σ w²), in (0, 1], equal to 1 for a perfect flow (constant weights). Computed with
 * w_i = e^{log w_i − max log w}, so it neither overflows nor underflows.
 */
public final class EffectiveSampleSize {
    private EffectiveSampleSize() {}

    /** ESS/N of the given log weights; NaN if any is NaN or +∞ or there are none, 0 if all are −∞. */
    public static double fraction(double[] logWeights) {
        int n = logWeights.length;
        if (n == 0) return Double.NaN;
        double max = Double.NEGATIVE_INFINITY;
        for (double lw : logWeights) {
            if (Double.isNaN(lw) || lw == Double.POSITIVE_INFINITY) return Double.NaN;
            max = Math.max(max, lw);
        }
        if (max == Double.NEGATIVE_INFINITY) return 0;
        double sum = 0;
        double sumSquares = 0;
        for (double lw : logWeights) {
            double w = StrictMath.exp(lw - max);
            sum += w;
            sumSquares += w * w;
        }
        return sum * sum / (n * sumSquares);
    }
}
