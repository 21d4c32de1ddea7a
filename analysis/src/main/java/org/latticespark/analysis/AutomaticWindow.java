package org.latticespark.analysis;

/**
 * Wolff's automatic window (hep-lat/0306017, eqs. 50-52) with pyerrors' details: the first W >= 1 with
 * g(W) = exp(-W/τ(W)) - τ(W)/sqrt(W N) < 0, where τ(W) = S / ln((2τ_int(W) + 1) / (2τ_int(W) - 1)).
 */
final class AutomaticWindow {
    /** pyerrors replaces τ_int(W) <= 1/2 by 1/2 + this (numpy's float64 eps), which makes g(W) negative. */
    static final double TAU_FLOOR_OFFSET = Math.ulp(1.0);

    private AutomaticWindow() {
    }

    /** τ_int(W) = 1/2 + Σ_{t=1..W} Γ(t)/Γ(0) for W = 0..gamma.length-1, each raised above 1/2 as in pyerrors. */
    static double[] tauInt(double[] gamma) {
        double[] tau = new double[gamma.length];
        double sum = 0.5;
        for (int w = 0; w < gamma.length; w++) {
            if (w > 0) {
                sum += gamma[w] / gamma[0];
            }
            tau[w] = sum <= 0.5 ? 0.5 + TAU_FLOOR_OFFSET : sum;
        }
        return tau;
    }

    /** The window W in 1..tauInt.length-1, or -1 when g(W) >= 0 for all of them. */
    static int find(double[] tauInt, long samples, double s) {
        for (int w = 1; w < tauInt.length; w++) {
            double t = tauInt[w];
            double tau = s / StrictMath.log((2 * t + 1) / (2 * t - 1));
            double g = StrictMath.exp(-w / tau) - tau / Math.sqrt(w * (double) samples);
            if (g < 0) {
                return w;
            }
        }
        return -1;
    }
}
