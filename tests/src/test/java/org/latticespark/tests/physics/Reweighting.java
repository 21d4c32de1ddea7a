package org.latticespark.tests.physics;

import org.latticespark.analysis.Obs;

/**
 * Reweighting of a Monte Carlo ensemble to another action: if the ensemble was drawn with weight e^{−S₀} and the
 * target weight is e^{−S₀} w, then ⟨O⟩_target = ⟨O w⟩₀ / ⟨w⟩₀. For dynamical fermions on a quenched ensemble,
 * w = det(fermion matrix) (as ∫dφ e^{−S_f}). Both averages come from the same configurations, so the ratio is an
 * {@link Obs} derived from two correlated primaries: its Γ-method error keeps their correlation and the
 * autocorrelations. The weights enter as logarithms and are divided by e^{mean ln w}, which cancels in the ratio and
 * keeps w near 1.
 */
final class Reweighting {
    private Reweighting() {}

    /** ⟨O w⟩/⟨w⟩ with replicas (chains) of O and ln w sampled on the same configurations. */
    static Obs reweighted(String ensemble, double[][] observable, double[][] logWeight) {
        double[][] w = weights(logWeight);
        double[][] ow = new double[w.length][];
        for (int r = 0; r < w.length; r++) {
            ow[r] = new double[w[r].length];
            for (int i = 0; i < w[r].length; i++) ow[r][i] = observable[r][i] * w[r][i];
        }
        return Obs.primary(ensemble, ow).dividedBy(Obs.primary(ensemble, w));
    }

    /** Kish's effective sample fraction (Σ w)² / (N Σ w²): 1 for equal weights, small when a few configurations dominate. */
    static double effectiveSampleFraction(double[][] logWeight) {
        double sum = 0, sumSquares = 0;
        long n = 0;
        for (double[] replica : weights(logWeight)) {
            for (double x : replica) {
                sum += x;
                sumSquares += x * x;
                n++;
            }
        }
        return sum * sum / (n * sumSquares);
    }

    private static double[][] weights(double[][] logWeight) {
        double mean = 0;
        long n = 0;
        for (double[] replica : logWeight) {
            for (double x : replica) {
                mean += x;
                n++;
            }
        }
        mean /= n;
        double[][] w = new double[logWeight.length][];
        for (int r = 0; r < w.length; r++) {
            w[r] = new double[logWeight[r].length];
            for (int i = 0; i < w[r].length; i++) w[r][i] = Math.exp(logWeight[r][i] - mean);
        }
        return w;
    }
}
