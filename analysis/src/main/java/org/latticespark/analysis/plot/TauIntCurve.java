package org.latticespark.analysis.plot;

/**
 * τ_int as a function of the summation window, as {@link org.latticespark.analysis.GammaMethod} and pyerrors
 * compute it before choosing W: τ_int(W) = 1/2 + Σ_{t=1}^{W} ρ(t), without the bias correction, each value
 * at most 1/2 raised to 1/2 + 2^−52; error δτ_int(W) = 2 τ_int(W) sqrt(|W + 1/2 − τ_int(W)| / N)
 * (Wolff, hep-lat/0306017, eq. 42). At the chosen W these reproduce the raw τ_int and the reported
 * {@code tauIntError} of {@link org.latticespark.analysis.GammaResult}.
 */
final class TauIntCurve {
    private static final double FLOOR = 0.5 + Math.ulp(1.0);

    private TauIntCurve() {
    }

    /** τ_int(W) for W = 0..rho.length − 1. */
    static double[] values(double[] rho) {
        double[] tau = new double[rho.length];
        double sum = 0.5;
        for (int w = 0; w < rho.length; w++) {
            if (w > 0) {
                sum += rho[w];
            }
            tau[w] = sum <= 0.5 ? FLOOR : sum;
        }
        return tau;
    }

    /** δτ_int(W) for the values of {@link #values(double[])}; δτ_int(0) = 0, as pyerrors sets it. */
    static double[] errors(double[] tau, long samples) {
        double[] errors = new double[tau.length];
        for (int w = 1; w < tau.length; w++) {
            errors[w] = tau[w] * 2 * Math.sqrt(Math.abs(w + 0.5 - tau[w]) / samples);
        }
        return errors;
    }
}
