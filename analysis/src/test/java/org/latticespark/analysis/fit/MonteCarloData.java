package org.latticespark.analysis.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.latticespark.analysis.Obs;

/**
 * Synthetic Monte Carlo measurements of n points on one ensemble: per configuration a Gaussian vector with
 * covariance Σ between the points, AR(1) in Monte Carlo time with coefficient φ (φ = 0: independent
 * configurations), plus the exact values. The mean over N configurations then has covariance
 * Σ · (1 + 2 Σ_t (1 − t/N) φ^t) / N.
 */
final class MonteCarloData {
    private MonteCarloData() {
    }

    static List<Obs> observables(double[] exact, double[][] sigma, double phi, int configurations, long seed) {
        int n = exact.length;
        Gaussian noise = new Gaussian(sigma);
        SplittableRandom random = new SplittableRandom(seed);
        double innovation = Math.sqrt(1 - phi * phi);
        double[][] series = new double[n][configurations];
        double[] state = noise.sample(random);
        for (int c = 0; c < configurations; c++) {
            if (c > 0) {
                double[] kick = noise.sample(random);
                for (int i = 0; i < n; i++) {
                    state[i] = phi * state[i] + innovation * kick[i];
                }
            }
            for (int i = 0; i < n; i++) {
                series[i][c] = exact[i] + state[i];
            }
        }
        List<Obs> obs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            obs.add(Obs.primary("ensemble", new double[][] {series[i]}));
        }
        return obs;
    }
}
