package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Correlated fits of an exponential correlator with correlated Gaussian noise of known covariance, over many
 * seeds: the pulls (p − p_true)/σ_p are standard normal, χ² has mean dof and variance 2 dof, and the
 * p-values are uniform (Kolmogorov–Smirnov). A control fit with a wrong covariance (1.5 C) must fail these
 * checks, so they have the power to detect wrong weights or errors.
 */
class CorrelatedFitPullTest {
    private static final int SEEDS = 1000;
    private static final double[] TRUE = {2.0, 0.35};
    private static final double KS_SIGNIFICANCE = 1e-4;

    @Test
    void correlatedExponentialFitHasNormalPullsAndChiSquareDistribution() {
        List<String> failures = check(1.0);
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    @Test
    void theChecksDetectAWrongCovariance() {
        List<String> failures = check(1.5);
        String all = String.join("; ", failures);
        for (String expected : List.of("pull variance of parameter 0", "pull variance of parameter 1", "chi2 mean",
                "p-values not uniform")) {
            assertTrue(all.contains(expected), "with C scaled by 1.5 the check '" + expected + "' must fail: " + all);
        }
    }

    /** Fits with covariance scale · C to data with covariance C; returns the checks that failed. */
    private static List<String> check(double scale) {
        double[] t = new double[13];
        double[] sigma = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 2 + i;
            sigma[i] = 0.01 * (1 + 0.05 * t[i]) * new Exponential().value(t[i], TRUE);
        }
        double[][] c = Gaussian.decaying(sigma, t, 0.7);
        double[][] assumed = new double[t.length][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                assumed[i][j] = scale * c[i][j];
            }
        }
        Gaussian noise = new Gaussian(c);
        double[][] pulls = new double[2][SEEDS];
        double[] chi2 = new double[SEEDS];
        double[] p = new double[SEEDS];
        int dof = t.length - 2;
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] e = noise.sample(new SplittableRandom(1000 + seed));
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = new Exponential().value(t[i], TRUE) + e[i];
            }
            FitResult fit = LeastSquares.correlated(t, y, assumed, new Exponential());
            assertEquals(dof, fit.dof());
            for (int a = 0; a < 2; a++) {
                pulls[a][seed] = (fit.parameter(a) - TRUE[a]) / fit.errors()[a];
            }
            chi2[seed] = fit.chiSquare();
            p[seed] = fit.pValue();
        }
        List<String> failures = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            SeedStats s = new SeedStats(pulls[a]);
            if (!s.meanIs(0)) {
                failures.add("pull mean of parameter " + a + ": " + s.mean() + " +- " + s.standardError());
            }
            SeedStats sq = s.squaredAbout(0);
            if (!sq.meanIs(1)) {
                failures.add("pull variance of parameter " + a + ": " + sq.mean() + " +- " + sq.standardError());
            }
        }
        SeedStats chi = new SeedStats(chi2);
        if (!chi.meanIs(dof)) {
            failures.add("chi2 mean " + chi.mean() + " +- " + chi.standardError() + ", dof " + dof);
        }
        SeedStats chiVariance = chi.squaredAbout(dof);
        if (!chiVariance.meanIs(2 * dof)) {
            failures.add("chi2 variance " + chiVariance.mean() + " +- " + chiVariance.standardError() + ", 2 dof " + 2 * dof);
        }
        double ks = new SeedStats(p).uniformKsProbability();
        if (ks < KS_SIGNIFICANCE) {
            failures.add("p-values not uniform: Kolmogorov-Smirnov probability " + ks);
        }
        return failures;
    }
}
