package org.latticespark.analysis.plot;

import java.util.SplittableRandom;

/** Stationary AR(1) series x(i+1) = φ x(i) + sqrt(1 − φ²) ε(i) with unit variance: ρ(t) = φ^t exactly. */
final class Ar1Series {
    private Ar1Series() {
    }

    static double[] of(double phi, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double noise = Math.sqrt(1 - phi * phi);
        double[] x = new double[n];
        x[0] = random.nextGaussian();
        for (int i = 1; i < n; i++) {
            x[i] = phi * x[i - 1] + noise * random.nextGaussian();
        }
        return x;
    }

    /** τ_int(W) = 1/2 + Σ_{t=1}^{W} φ^t. */
    static double tauInt(double phi, int window) {
        double sum = 0.5;
        double power = 1;
        for (int t = 1; t <= window; t++) {
            power *= phi;
            sum += power;
        }
        return sum;
    }
}
