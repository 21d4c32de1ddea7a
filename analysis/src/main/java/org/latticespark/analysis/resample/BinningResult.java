package org.latticespark.analysis.resample;

/**
 * Error of the mean of one observable versus bin size, from {@link BinningAnalysis}. Entry i belongs to bin size
 * {@code binSizes[i]}. The arrays are not copied: treat them as read-only.
 *
 * @param binSizes       bin sizes b
 * @param bins           number of bins n_b = Σ_r floor(N_r / b)
 * @param errors         err(b) = sqrt(Σ_k (x_k - x̄)² / (n_b (n_b - 1))) over the bin means x_k of all replicas,
 *                       x̄ their mean
 * @param errorsOfErrors err(b) / sqrt(2 (n_b - 1)), the standard deviation of err(b) for independent, normally
 *                       distributed bin means (leading order; too small while bins are still correlated)
 * @param tauInt         τ(b) = ½ (err(b) / err(1))², the integrated autocorrelation time implied by err(b)
 *                       (convention τ_int = ½ for uncorrelated data, as {@link org.latticespark.analysis.GammaMethod})
 * @param tauIntErrors   τ(b) · sqrt(2 / (n_b - 1)), propagated from errorsOfErrors; the much smaller fluctuation
 *                       of err(1) is neglected
 * @param unbinnedError  err(1), from all samples
 */
public record BinningResult(int[] binSizes, int[] bins, double[] errors, double[] errorsOfErrors, double[] tauInt,
                            double[] tauIntErrors, double unbinnedError) {
}
