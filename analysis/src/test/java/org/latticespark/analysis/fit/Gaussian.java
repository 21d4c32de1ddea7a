package org.latticespark.analysis.fit;

import java.util.SplittableRandom;

/** Correlated Gaussian noise with a given covariance, via its Cholesky factor. */
final class Gaussian {
    private final double[][] lower;

    Gaussian(double[][] covariance) {
        int n = covariance.length;
        lower = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = covariance[j][j];
            for (int k = 0; k < j; k++) {
                d -= lower[j][k] * lower[j][k];
            }
            lower[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = covariance[i][j];
                for (int k = 0; k < j; k++) {
                    s -= lower[i][k] * lower[j][k];
                }
                lower[i][j] = s / lower[j][j];
            }
        }
    }

    double[] sample(SplittableRandom random) {
        int n = lower.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                out[i] += lower[i][k] * z[k];
            }
        }
        return out;
    }

    /** C_ij = σ_i σ_j ρ^|t_i − t_j|: errors proportional to |y| with exponentially decaying correlations in t. */
    static double[][] decaying(double[] sigma, double[] t, double rho) {
        int n = sigma.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = sigma[i] * sigma[j] * Math.pow(rho, Math.abs(t[i] - t[j]));
            }
        }
        return c;
    }
}
