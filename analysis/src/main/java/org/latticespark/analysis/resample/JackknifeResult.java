package org.latticespark.analysis.resample;

/**
 * Jackknife estimate of a quantity f from its value on all n bins and its n delete-one-bin samples f_k.
 *
 * <ul>
 *   <li>{@link #value()} = f(all bins), the plain estimate;</li>
 *   <li>{@link #mean()} = f̄ = (1/n) Σ_k f_k;</li>
 *   <li>{@link #bias()} = (n - 1)(f̄ - f(all)), the jackknife estimate of the O(1/n) bias of f(all);</li>
 *   <li>{@link #biasCorrected()} = n·f(all) - (n - 1)·f̄ = f(all) - bias, free of O(1/n) bias;</li>
 *   <li>{@link #error()} = sqrt((n - 1)/n · Σ_k (f_k - f̄)²), the error of either estimate.</li>
 * </ul>
 * For f = mean of one observable and single-sample bins the error equals the naive standard error
 * sqrt(Σ(x - x̄)² / (N (N - 1))) exactly.
 */
public final class JackknifeResult {
    private final double value;
    private final double mean;
    private final double error;
    private final double[] samples;

    private JackknifeResult(double value, double mean, double error, double[] samples) {
        this.value = value;
        this.mean = mean;
        this.error = error;
        this.samples = samples;
    }

    /**
     * Builds the result from jackknife samples made elsewhere, e.g. fit parameters obtained on each
     * jackknife sample of {@link Jackknife#meanSamples(Samples, int)}.
     *
     * @param value   f on all bins
     * @param samples f_k for k = 0 .. n-1, n &gt;= 2; copied
     * @throws IllegalArgumentException for fewer than 2 samples or a non-finite number
     */
    public static JackknifeResult of(double value, double[] samples) {
        if (samples == null) {
            throw new IllegalArgumentException("jackknife samples must not be null");
        }
        if (samples.length < 2) {
            throw new IllegalArgumentException("need at least 2 jackknife samples, got " + samples.length);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value on all bins is " + value + ", not finite");
        }
        for (int k = 0; k < samples.length; k++) {
            if (!Double.isFinite(samples[k])) {
                throw new IllegalArgumentException("jackknife sample " + k + " is " + samples[k] + ", not finite");
            }
        }
        double[] copy = samples.clone();
        double mean = Moments.mean(copy);
        int n = copy.length;
        double squares = Moments.sumOfProducts(copy, mean, copy, mean);
        return new JackknifeResult(value, mean, Math.sqrt((n - 1.0) / n * squares), copy);
    }

    /** f on all bins. */
    public double value() {
        return value;
    }

    /** n·f(all) - (n - 1)·f̄. */
    public double biasCorrected() {
        return value - bias();
    }

    /** (n - 1)(f̄ - f(all)). */
    public double bias() {
        return (samples.length - 1) * (mean - value);
    }

    /** f̄, the mean of the jackknife samples. */
    public double mean() {
        return mean;
    }

    /** sqrt((n - 1)/n · Σ_k (f_k - f̄)²). */
    public double error() {
        return error;
    }

    /** Number n of jackknife samples (= bins). */
    public int count() {
        return samples.length;
    }

    /** The jackknife samples f_k (a copy). */
    public double[] samples() {
        return samples.clone();
    }
}
