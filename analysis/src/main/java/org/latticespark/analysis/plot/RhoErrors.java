package org.latticespark.analysis.plot;

/**
 * Statistical error of the normalised autocorrelation function, M. Lüscher, hep-lat/0409106, eq. (E.11):
 * δρ(t)² ≈ (1/N) Σ_{k=1}^{t+W} [ρ(k+t) + ρ(k−t) − 2ρ(k)ρ(t)]², with ρ(−m) = ρ(m) and Λ = W as the upper
 * cut-off.
 *
 * <p>The sum starts at k = 1 for every t. Wolff's UWerr, which uses the same formula, starts it at
 * k = max(1, t − W); the two agree for t ≤ W + 1. For larger t the terms k = 1 .. t − W − 1 are summed here
 * as well: in each of them ρ(k+t), ρ(t−k) and ρ(t) lie at lags beyond W, where the true ρ is negligible, so
 * with the estimated ρ each such term is of the order of the variance of ρ̂ at those lags, O(τ_int/N), against
 * about 1 for the term k = t. They raise δρ(t) by a relative O((t − W) τ_int/N).
 *
 * <p>Only ρ(0..L) is known. A term that needs ρ at a lag beyond L uses 0 there, i.e. the sums over
 * ρ(k+t) and ρ(k) are truncated at the array end while the ρ(k−t) terms keep running to k = t + W. This is
 * the assumption the window already makes (ρ negligible beyond it; L ≥ min(W_max, 2W) in
 * {@link org.latticespark.analysis.GammaResult}), and it keeps δρ(t) at its noise level for large t instead
 * of letting it fall to 0 at the array end, as a sum cut at k + t ≤ L would. pyerrors cuts at the array end
 * and sums over all stored lags instead of up to t + W.
 */
final class RhoErrors {
    private RhoErrors() {
    }

    /**
     * @param rho     ρ(0..L), ρ(0) = 1
     * @param window  W, 0 ≤ W ≤ L
     * @param samples N
     * @return δρ(0..L); δρ(0) = 0
     */
    static double[] of(double[] rho, int window, long samples) {
        int last = rho.length - 1;
        double[] errors = new double[rho.length];
        for (int t = 1; t <= last; t++) {
            double sum = 0;
            for (int k = 1; k <= t + window; k++) {
                double term = at(rho, k + t) + at(rho, Math.abs(k - t)) - 2 * at(rho, k) * rho[t];
                sum += term * term;
            }
            errors[t] = Math.sqrt(sum / samples);
        }
        return errors;
    }

    private static double at(double[] rho, int lag) {
        return lag < rho.length ? rho[lag] : 0;
    }
}
