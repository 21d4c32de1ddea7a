package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Over many independent ensembles a derived ratio scatters about the truth by its propagated error. */
class ObsPullTest {

    @Test
    void ratioPullsHaveUnitVariance() {
        int seeds = 300;
        double sum = 0;
        double sum2 = 0;
        for (int s = 0; s < seeds; s++) {
            int n = 4000;
            double[] a = Ar1.series(0.9, n, 1000 + s);
            double[] b = Ar1.series(0.5, n, 5000 + s);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 1 + 0.1 * a[i];
                y[i] = 2 + 0.1 * a[i] + 0.1 * b[i];
            }
            Obs ratio = Obs.primary("e", new double[][] {x}).dividedBy(Obs.primary("e", new double[][] {y}));
            double pull = (ratio.value() - 0.5) / ratio.error();
            sum += pull;
            sum2 += pull * pull;
        }
        double mean = sum / seeds;
        double variance = sum2 / seeds - mean * mean;
        // Standard errors for 300 unit-normal pulls: mean 0.058, variance 0.082; 4σ bounds.
        assertTrue(Math.abs(mean) < 4 * Math.sqrt(1.0 / seeds), "mean pull " + mean);
        assertTrue(Math.abs(variance - 1) < 4 * Math.sqrt(2.0 / seeds), "pull variance " + variance);
    }
}
