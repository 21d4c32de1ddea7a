package org.latticespark.analysis;

import java.util.Arrays;

/**
 * Autocovariance Γ(t) of centred replicas, combined as in pyerrors:
 * Γ(t) = Σ_r Σ_i δ_r(i) δ_r(i+t) / Σ_r max(N_r - t, 0), so Γ(0) is the variance with divisor N.
 *
 * <p>Lags are computed on demand, directly in O(N) each; once more than {@code fftFromLag} lags are asked
 * for, all lags up to the maximum are computed at once by FFT in O(N log N) instead. Either way the result
 * is a deterministic function of the input.
 */
final class Autocovariance {
    /** Direct sums of about 500 lags cost as much as one FFT of all lags (measured for N = 10^4 .. 10^6). */
    static final int DEFAULT_FFT_FROM_LAG = 512;

    private final double[][] deltas;
    private final int maxLag;
    private final int fftFromLag;
    private double[] gamma = new double[0];

    Autocovariance(double[][] deltas, int maxLag, int fftFromLag) {
        this.deltas = deltas;
        this.maxLag = maxLag;
        this.fftFromLag = fftFromLag;
    }

    /**
     * Γ(0..k) for some k with {@code min(lag, maxLag) <= k <= maxLag}. A returned value never changes
     * on later calls unless the FFT takes over, which replaces all values at once.
     */
    double[] upTo(int lag) {
        int wanted = Math.min(lag, maxLag);
        if (wanted < gamma.length) {
            return gamma;
        }
        if (wanted > fftFromLag && gamma.length <= maxLag) {
            gamma = normalise(viaFft());
            return gamma;
        }
        int known = gamma.length;
        gamma = Arrays.copyOf(gamma, wanted + 1);
        for (int t = known; t <= wanted; t++) {
            gamma[t] = direct(t) / pairs(t);
        }
        return gamma;
    }

    private double direct(int t) {
        double sum = 0;
        for (double[] d : deltas) {
            for (int i = 0, end = d.length - t; i < end; i++) {
                sum += d[i] * d[i + t];
            }
        }
        return sum;
    }

    private double[] viaFft() {
        double[] sums = new double[maxLag + 1];
        for (double[] d : deltas) {
            double[] c = Fft.autocorrelation(d, Math.min(maxLag, d.length - 1));
            for (int t = 0; t < c.length; t++) {
                sums[t] += c[t];
            }
        }
        return sums;
    }

    private double[] normalise(double[] sums) {
        for (int t = 0; t < sums.length; t++) {
            sums[t] /= pairs(t);
        }
        return sums;
    }

    /** Number of products at lag t; at least 1 for every lag used, since maxLag < longest / 2. */
    private double pairs(int t) {
        long n = 0;
        for (double[] d : deltas) {
            n += Math.max(d.length - t, 0);
        }
        return n;
    }
}
