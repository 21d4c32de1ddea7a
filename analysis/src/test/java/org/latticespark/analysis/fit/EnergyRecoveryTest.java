package org.latticespark.analysis.fit;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Cosh, exponential and two-state fits from their automatic initial guesses recover the true energies
 * within their errors: over many seeds the pulls (E − E_true)/σ_E have mean 0 and variance 1 (4 standard
 * errors), and χ² has mean dof.
 */
class EnergyRecoveryTest {
    private static final int SEEDS = 400;

    @Test
    void uncorrelatedCoshFit() {
        double period = 32;
        double[] t = range(4, 28);
        double[] truth = {0.8, 0.25};
        Cosh model = new Cosh(period);
        double[] sigma = relativeErrors(model, truth, t, 0.004);
        checkPulls(model, truth, t, ClosedForm.diagonal(sigma), false, "cosh");
    }

    @Test
    void correlatedCoshFit() {
        double period = 24;
        double[] t = range(3, 21);
        double[] truth = {1.3, 0.45};
        Cosh model = new Cosh(period);
        double[] sigma = relativeErrors(model, truth, t, 0.003);
        checkPulls(model, truth, t, Gaussian.decaying(sigma, t, 0.8), true, "correlated cosh");
    }

    @Test
    void uncorrelatedExponentialFit() {
        double[] t = range(1, 12);
        double[] truth = {5e-7, 0.6};
        Exponential model = new Exponential();
        double[] sigma = relativeErrors(model, truth, t, 0.01);
        checkPulls(model, truth, t, ClosedForm.diagonal(sigma), false, "exponential");
    }

    @Test
    void correlatedTwoStateFit() {
        double[] t = range(1, 16);
        double[] truth = {1.0, 0.4, 0.8, 1.1};
        TwoExponentials model = new TwoExponentials();
        double[] sigma = relativeErrors(model, truth, t, 0.0005);
        checkPulls(model, truth, t, Gaussian.decaying(sigma, t, 0.5), true, "two-state");
    }

    private static void checkPulls(FitModel model, double[] truth, double[] t, double[][] c, boolean correlated,
                                   String label) {
        Gaussian noise = new Gaussian(c);
        double[] sigma = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            sigma[i] = Math.sqrt(c[i][i]);
        }
        int k = truth.length;
        double[][] pulls = new double[k][SEEDS];
        double[] chi2 = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] e = noise.sample(new SplittableRandom(label.hashCode() * 10_000L + seed));
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = model.value(t[i], truth) + e[i];
            }
            FitResult fit = correlated ? LeastSquares.correlated(t, y, c, model)
                    : LeastSquares.uncorrelated(t, y, sigma, model);
            for (int a = 0; a < k; a++) {
                pulls[a][seed] = (fit.parameter(a) - truth[a]) / fit.errors()[a];
            }
            chi2[seed] = fit.chiSquare();
        }
        for (int a = 0; a < k; a++) {
            new SeedStats(pulls[a]).assertStandardNormal(label + " " + model.parameterNames().get(a));
        }
        new SeedStats(chi2).assertMean(t.length - k, label + " chi2");
    }

    private static double[] relativeErrors(FitModel model, double[] p, double[] t, double relative) {
        double[] s = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            s[i] = relative * Math.abs(model.value(t[i], p));
        }
        return s;
    }

    private static double[] range(int from, int to) {
        double[] t = new double[to - from + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = from + i;
        }
        return t;
    }
}
