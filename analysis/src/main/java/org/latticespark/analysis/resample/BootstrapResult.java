package org.latticespark.analysis.resample;

import java.util.Arrays;

/**
 * Bootstrap estimate of a quantity f from its value on the original data and B bootstrap samples f_j.
 *
 * <ul>
 *   <li>{@link #value()} = f(original data);</li>
 *   <li>{@link #mean()} = (1/B) Σ_j f_j;</li>
 *   <li>{@link #error()} = sqrt(Σ_j (f_j - mean)² / (B - 1)), the standard deviation of the bootstrap samples
 *       with divisor B - 1;</li>
 *   <li>{@link #percentileInterval(double)}: empirical quantiles of the f_j.</li>
 * </ul>
 */
public final class BootstrapResult {
    /** Probability mass within one standard deviation of a normal distribution, erf(1/√2). */
    public static final double ONE_SIGMA = 0.6826894921370859;

    private final double value;
    private final double mean;
    private final double error;
    private final double[] samples;

    private BootstrapResult(double value, double mean, double error, double[] samples) {
        this.value = value;
        this.mean = mean;
        this.error = error;
        this.samples = samples;
    }

    /**
     * Builds the result from bootstrap samples made elsewhere, e.g. fits to each sample of
     * {@link Bootstrap#meanSamples(Samples, int, int, long)}.
     *
     * @param value   f on the original data
     * @param samples f_j for j = 0 .. B-1, B &gt;= 2; copied
     * @throws IllegalArgumentException for fewer than 2 samples or a non-finite number
     */
    public static BootstrapResult of(double value, double[] samples) {
        if (samples == null) {
            throw new IllegalArgumentException("bootstrap samples must not be null");
        }
        if (samples.length < 2) {
            throw new IllegalArgumentException("need at least 2 bootstrap samples, got " + samples.length);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value on the original data is " + value + ", not finite");
        }
        for (int j = 0; j < samples.length; j++) {
            if (!Double.isFinite(samples[j])) {
                throw new IllegalArgumentException("bootstrap sample " + j + " is " + samples[j] + ", not finite");
            }
        }
        double[] copy = samples.clone();
        double mean = Moments.mean(copy);
        double squares = Moments.sumOfProducts(copy, mean, copy, mean);
        return new BootstrapResult(value, mean, Math.sqrt(squares / (copy.length - 1)), copy);
    }

    /** f on the original data. */
    public double value() {
        return value;
    }

    /** Mean of the bootstrap samples. */
    public double mean() {
        return mean;
    }

    /** Standard deviation of the bootstrap samples, divisor B - 1. */
    public double error() {
        return error;
    }

    /**
     * Standard deviation of {@link #error()} due to the finite number B of resamples alone (not the statistical
     * uncertainty of the data): error / sqrt(2 (B - 1)), exact to leading order for normally distributed f_j.
     */
    public double resamplingNoise() {
        return error / Math.sqrt(2.0 * (samples.length - 1));
    }

    /**
     * Central percentile interval: the (1 - c)/2 and (1 + c)/2 quantiles of the bootstrap samples. The
     * q-quantile of the sorted samples s_0 &lt;= ... &lt;= s_{B-1} is s_i + (h - i)(s_{i+1} - s_i) with h = (B - 1) q,
     * i = floor(h) (linear interpolation, Hyndman-Fan type 7, numpy's default).
     *
     * @param confidence c in (0, 1), e.g. {@link #ONE_SIGMA}
     * @throws IllegalArgumentException for c outside (0, 1)
     */
    public ConfidenceInterval percentileInterval(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new ConfidenceInterval(quantile(sorted, (1 - confidence) / 2), quantile(sorted, (1 + confidence) / 2));
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    /** Number B of bootstrap samples. */
    public int count() {
        return samples.length;
    }

    /** The bootstrap samples f_j in the order drawn (a copy). */
    public double[] samples() {
        return samples.clone();
    }
}
