package org.latticespark.generation.scalar;

/**
 * Mean and error of a Markov-chain time series by the Γ method: τ_int(W) = ½ + Σ_{t=1}^{W} Γ(t)/Γ(0) with the
 * Madras–Sokal window (the smallest W ≥ 6 τ_int(W)), error² = 2 τ_int Γ(0)/N.
 */
record Autocorrelated(double mean, double error, double tauInt) {

    static Autocorrelated of(double[] a) {
        int n = a.length;
        double mean = 0;
        for (double v : a) mean += v;
        mean /= n;
        double gamma0 = autocovariance(a, mean, 0);
        if (gamma0 == 0) return new Autocorrelated(mean, 0, 0.5);
        double tau = 0.5;
        for (int w = 1; w < n / 2; w++) {
            tau += autocovariance(a, mean, w) / gamma0;
            if (w >= 6 * tau) break;
        }
        tau = Math.max(tau, 0.5);
        return new Autocorrelated(mean, Math.sqrt(2 * tau * gamma0 / n), tau);
    }

    private static double autocovariance(double[] a, double mean, int t) {
        double s = 0;
        for (int i = 0; i + t < a.length; i++) s += (a[i] - mean) * (a[i + t] - mean);
        return s / (a.length - t);
    }

    /** (this − expected) / error. */
    double pull(double expected) { return (mean - expected) / error; }

    /** The pull of the difference of two independent estimates. */
    static double pull(Autocorrelated a, Autocorrelated b) {
        return (a.mean - b.mean) / Math.hypot(a.error, b.error);
    }

    @Override
    public String toString() { return String.format("%.5f +- %.5f (tau_int %.2f)", mean, error, tauInt); }
}
