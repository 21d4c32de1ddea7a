package org.latticespark.analysis;

import java.util.SplittableRandom;

/** Stationary AR(1) process x(i+1) = φ x(i) + sqrt(1 - φ²) ε(i), unit variance, and its exact properties. */
public final class Ar1 {
    private Ar1() {
    }

    public static double[] series(double phi, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double noise = Math.sqrt(1 - phi * phi);
        double[] x = new double[n];
        x[0] = random.nextGaussian();
        for (int i = 1; i < n; i++) {
            x[i] = phi * x[i - 1] + noise * random.nextGaussian();
        }
        return x;
    }

    /** τ_int = 1/2 + Σ_{t>=1} φ^t. */
    public static double tauInt(double phi) {
        return (1 + phi) / (2 * (1 - phi));
    }

    /** Exact standard deviation of the mean of R independent replicas: Var = Σ_r N_r² Var_r / N². */
    public static double errorOfMean(double phi, int... lengths) {
        double variance = 0;
        long total = 0;
        for (int n : lengths) {
            // n² Var(mean of n) = n + 2 Σ_{t=1}^{n-1} (n - t) φ^t
            double sum = n;
            double power = 1;
            for (int t = 1; t < n; t++) {
                power *= phi;
                sum += 2 * (n - t) * power;
            }
            variance += sum;
            total += n;
        }
        return Math.sqrt(variance) / total;
    }

    /** τ_int(W) = 1/2 + Σ_{t=1}^{W} φ^t, the exact partial sum up to window W. */
    public static double tauInt(double phi, int window) {
        double sum = 0.5;
        double power = 1;
        for (int t = 1; t <= window; t++) {
            power *= phi;
            sum += power;
        }
        return sum;
    }
}
