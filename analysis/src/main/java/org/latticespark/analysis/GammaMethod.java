package org.latticespark.analysis;

/**
 * Error analysis of one primary observable by the Γ-method of U. Wolff, "Monte Carlo errors with less
 * errors", Comput. Phys. Commun. 156 (2004) 143, hep-lat/0306017, with the conventions of pyerrors'
 * {@code Obs.gamma_method} (read at fjosw/pyerrors commit 00b05b4, {@code pyerrors/obs.py}), so that both
 * give the same numbers up to rounding.
 *
 * <p>The input is one ensemble: {@code replicas[r]} is the time series of the r-th independent Markov chain,
 * samples one update apart; lengths N_r may differ; N = Σ N_r.
 *
 * <h2>Conventions (all as pyerrors unless marked "differs")</h2>
 * <ul>
 *   <li>value = mean over all N samples (pyerrors: Σ N_r · mean_r / N, the same up to rounding).</li>
 *   <li>Each replica is centred on its <em>own</em> mean, δ_r(i) = x_r(i) - mean_r. Hence the scatter of
 *       the replica means does not enter the error. (Wolff's reference code UWerr centres on the global
 *       mean instead; pyerrors and we do not.)</li>
 *   <li>Γ(t) = Σ_r Σ_{i=1}^{N_r-t} δ_r(i) δ_r(i+t) / Σ_r max(N_r - t, 0); Γ(0) thus has divisor N, not N-1.
 *       pyerrors gets the divisors from an FFT of ones, we count them exactly.</li>
 *   <li>ρ(t) = Γ(t)/Γ(0); τ_int(W) = 1/2 + Σ_{t=1}^{W} ρ(t) (uncorrelated data: 1/2); values
 *       {@code <= 1/2} are replaced by 1/2 + 2^-52.</li>
 *   <li>Largest window W_max = floor(max_r N_r / 2) - 1.</li>
 *   <li>Window: the first W in 1..W_max with g(W) = exp(-W/τ) - τ/sqrt(W N) &lt; 0, where
 *       τ = S / ln((2τ_int(W)+1)/(2τ_int(W)-1)) (Wolff eqs. 50-52); default S = 2.</li>
 *   <li>Bias correction (Wolff eq. 49, in pyerrors' form):
 *       tauInt = τ_int(W) · (1 + (2W+1)/N) / (1 + 1/N). It is applied with the total N even though R
 *       replica means were subtracted, as in pyerrors.</li>
 *   <li>error = sqrt(2 · tauInt · Γ(0) · (1 + 1/N) / N), i.e. sqrt(C_F(W) (1 + (2W+1)/N) / N).</li>
 *   <li>errorOfError = error · sqrt((W + 1/2) / N) (Wolff eq. 44).</li>
 *   <li>tauIntError = 2 τ_int(W) sqrt(|W + 1/2 - τ_int(W)| / N) (Wolff eq. 42) with the
 *       <em>uncorrected</em> τ_int(W), as pyerrors.</li>
 *   <li>Constant data (every δ exactly 0, e.g. each replica constant): value, error 0, errorOfError 0,
 *       tauInt 1/2, tauIntError 0, window 0, rho = {1}. pyerrors tests |Γ(0)| &lt; 10 · Double.MIN_NORMAL
 *       instead; the results differ only for data whose variance underflows.</li>
 * </ul>
 *
 * <h2>Differences from pyerrors</h2>
 * <ul>
 *   <li>If no W &lt;= W_max gives g(W) &lt; 0 we throw {@link IllegalArgumentException}; pyerrors then
 *       silently uses W = W_max. This can only happen when the series are short compared with τ_int
 *       (for a single replica it cannot happen at all); an error from such data would look reliable
 *       but is not, so we refuse it.</li>
 *   <li>S must be finite and &gt; 0. pyerrors' S = 0 (error without autocorrelation) and its
 *       τ_exp tail, N_σ and irregular chains (gaps, {@code idl}) are not supported.</li>
 *   <li>Minimum length: each replica 2 samples and the longest {@value CenteredReplicas#MIN_LONGEST}
 *       (so that W_max &gt;= 1); pyerrors asks for 5 in every replica.</li>
 *   <li>{@code rho} holds ρ(0..min(W_max, max(10, 2W))), the range pyerrors plots, not all lags.</li>
 *   <li>Γ is summed directly, or by an FFT once more than {@value Autocovariance#DEFAULT_FFT_FROM_LAG}
 *       lags are needed; pyerrors always uses an FFT. Results agree to rounding (~1e-14 relative).</li>
 * </ul>
 *
 * <p>Numerics: data are rescaled by an exact power of two (no overflow or underflow), means use compensated
 * summation, Γ is formed from mean-subtracted values, and transcendental functions come from
 * {@link StrictMath}, so the same input gives the same output bit for bit on any JVM. Cost O(N · W), at most
 * O(N log N).
 */
public final class GammaMethod {
    /** Wolff's S, as pyerrors' {@code Obs.S_global}. */
    public static final double DEFAULT_S = 2.0;

    private static final int FIRST_LAGS = 32;
    private static final int MIN_RHO_LAGS = 10;

    private GammaMethod() {
    }

    /** Analysis with {@link #DEFAULT_S}; see {@link #analyze(double[][], double)}. */
    public static GammaResult analyze(double[][] replicas) {
        return analyze(replicas, DEFAULT_S);
    }

    /**
     * @param replicas {@code replicas[r]} is the time series of replica r (independent chains of one
     *                 ensemble); lengths may differ
     * @param s        Wolff's S, finite and &gt; 0
     * @throws IllegalArgumentException for no replicas, a null or too short replica, a non-finite value,
     *                                  a bad S, or when the automatic window does not close
     */
    public static GammaResult analyze(double[][] replicas, double s) {
        return analyze(replicas, s, Autocovariance.DEFAULT_FFT_FROM_LAG);
    }

    static GammaResult analyze(double[][] replicas, double s, int fftFromLag) {
        checkS(s);
        return analyze(CenteredReplicas.of(replicas), s, fftFromLag);
    }

    /**
     * The Γ-method on fluctuations that are already centred per replica (a derived observable's
     * {@code Σ_i ∂f/∂x_i δ_i}), with the given central value; nothing is re-centred.
     */
    static GammaResult analyzeDeltas(double value, double[][] deltas, double s) {
        checkS(s);
        return analyze(CenteredReplicas.ofDeltas(value, deltas), s, Autocovariance.DEFAULT_FFT_FROM_LAG);
    }

    private static void checkS(double s) {
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("S must be finite and > 0, got " + s);
        }
    }

    private static GammaResult analyze(CenteredReplicas data, double s, int fftFromLag) {
        long n = data.total();
        if (data.isConstant()) {
            return new GammaResult(data.value(), 0, 0, 0.5, 0, 0, n, data.count(), new double[] {1.0});
        }
        int maxWindow = data.longest() / 2 - 1;
        Autocovariance gammas = new Autocovariance(data.deltas(), maxWindow, fftFromLag);
        int lags = Math.min(maxWindow, FIRST_LAGS);
        while (true) {
            double[] gamma = gammas.upTo(lags);
            int known = gamma.length - 1;
            double[] tauInt = AutomaticWindow.tauInt(gamma);
            int window = AutomaticWindow.find(tauInt, n, s);
            if (window < 0 && known == maxWindow) {
                throw new IllegalArgumentException("automatic window did not close up to the largest window "
                        + maxWindow + " (longest replica " + data.longest() + " of " + n + " samples in "
                        + data.count() + " replicas): the replicas are too short for their autocorrelation time,"
                        + " so no reliable error can be given; use longer replicas");
            }
            int rhoLags = window < 0 ? 2 * known : Math.min(maxWindow, Math.max(MIN_RHO_LAGS, 2 * window));
            if (window > 0 && rhoLags <= known) {
                return result(data, gamma, tauInt, window, rhoLags);
            }
            lags = rhoLags;
        }
    }

    private static GammaResult result(CenteredReplicas data, double[] gamma, double[] tauInt, int w, int rhoLags) {
        double n = data.total();
        double raw = tauInt[w];
        double tau = raw * (1 + (2 * w + 1) / n) / (1 + 1 / n);
        double tauError = raw * 2 * Math.sqrt(Math.abs(w + 0.5 - raw) / n);
        double error = Math.sqrt(2 * tau * gamma[0] * (1 + 1 / n) / n);
        double errorOfError = error * Math.sqrt((w + 0.5) / n);
        double[] rho = new double[rhoLags + 1];
        for (int t = 0; t <= rhoLags; t++) {
            rho[t] = gamma[t] / gamma[0];
        }
        return new GammaResult(data.value(), data.unscale(error), data.unscale(errorOfError), tau, tauError, w,
                data.total(), data.count(), rho);
    }
}
