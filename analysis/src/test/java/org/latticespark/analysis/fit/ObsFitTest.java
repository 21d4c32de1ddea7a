package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;
import org.latticespark.analysis.Obs;
import org.latticespark.analysis.ObsResult;

/** Fits to observables: parameters as Obs, with errors from the Γ-method of their propagated fluctuations. */
class ObsFitTest {
    @Test
    void constantFitToOneObsRepeatedGivesThatObs() {
        Obs o = MonteCarloData.observables(new double[] {0.7}, new double[][] {{0.04}}, 0.6, 4000, 1).get(0);
        List<Obs> repeated = Collections.nCopies(5, o);
        ObsFitResult fit = ObsFit.fit(repeated, new double[] {1, 2, 3, 4, 5}, Polynomial.constant(), false);
        Obs c = fit.parameter(0);
        assertEquals(o.value(), c.value(), 1e-14 * Math.abs(o.value()));
        assertEquals(o.error(), c.error(), 1e-12 * o.error());
        assertEquals(o.error(), fit.errors()[0], 1e-12 * o.error());
        assertEquals(0, fit.centralFit().chiSquare(), 1e-20);
        Obs atX = fit.at(17);
        assertEquals(o.error(), atX.error(), 1e-12 * o.error(), "a constant curve is the parameter everywhere");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ObsFit.fit(repeated, new double[] {1, 2, 3, 4, 5}, Polynomial.constant(), true));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    }

    /**
     * Configurations independent in Monte Carlo time (points correlated with each other): the Γ-method errors
     * of the parameter observables agree with the naive (Jᵀ C⁻¹ J)⁻¹ errors of a correlated fit. Both are
     * estimates from the same data; they differ only through the estimated τ_int, so per seed by less than
     * a few relative errors-of-errors sqrt((W + 1/2)/N), and on average not at all.
     */
    @Test
    void propagatedErrorsAgreeWithNaiveOnesForUncorrelatedConfigurations() {
        int seeds = 60;
        int configurations = 2000;
        double[] x = {0.5, 1, 1.5, 2, 2.5, 3};
        double[] exact = new double[x.length];
        double[] sd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            exact[i] = 0.3 + 0.1 * x[i];
            sd[i] = 0.05 * (1 + x[i]);
        }
        double[][] sigma = Gaussian.decaying(sd, x, 0.3);
        double[][] ratios = new double[2][seeds];
        for (int seed = 0; seed < seeds; seed++) {
            List<Obs> y = MonteCarloData.observables(exact, sigma, 0, configurations, 100 + seed);
            ObsFitResult fit = ObsFit.fit(y, x, Polynomial.ofDegree(1), true);
            double[] naive = fit.centralFit().errors();
            for (int a = 0; a < 2; a++) {
                GammaResult g = fit.parameter(a).analyze().on("ensemble");
                ratios[a][seed] = fit.errors()[a] / naive[a];
                double relativeErrorOfError = g.errorOfError() / g.error();
                assertEquals(1, ratios[a][seed], 4 * relativeErrorOfError, "seed " + seed + " parameter " + a);
            }
        }
        for (int a = 0; a < 2; a++) {
            new SeedStats(ratios[a]).assertMean(1, "propagated/naive error of parameter " + a);
        }
    }

    /**
     * Autocorrelated data (AR(1) in Monte Carlo time, τ_int ≈ 2.8) with correlated points: the pulls of
     * the energy and amplitude of correlated and uncorrelated cosh fits, with the parameters' Γ-method errors,
     * are standard normal over many seeds.
     */
    @Test
    void pullsOfCoshFitsToAutocorrelatedData() {
        int seeds = 150;
        double[] t = {4, 5, 6, 7, 8, 9, 10, 11, 12};
        double[] truth = {0.9, 0.3};
        Cosh model = new Cosh(24);
        double[] exact = new double[t.length];
        double[] sd = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            exact[i] = model.value(t[i], truth);
            sd[i] = 0.1 * exact[i];
        }
        double[][] sigma = Gaussian.decaying(sd, t, 0.85);
        double[][][] pulls = new double[2][2][seeds];
        for (int seed = 0; seed < seeds; seed++) {
            List<Obs> y = MonteCarloData.observables(exact, sigma, 0.7, 1500, 7000 + seed);
            for (int correlated = 0; correlated < 2; correlated++) {
                ObsFitResult fit = ObsFit.fit(y, t, model, correlated == 1);
                for (int a = 0; a < 2; a++) {
                    pulls[correlated][a][seed] = (fit.parameter(a).value() - truth[a]) / fit.parameter(a).error();
                }
            }
        }
        for (int correlated = 0; correlated < 2; correlated++) {
            for (int a = 0; a < 2; a++) {
                new SeedStats(pulls[correlated][a]).assertStandardNormal((correlated == 1 ? "correlated " : "uncorrelated ")
                        + model.parameterNames().get(a));
            }
        }
    }

    @Test
    void curveBandAndExpectedChiSquare() {
        double[] t = {2, 3, 4, 5, 6, 7};
        double[] exact = new double[t.length];
        double[] sd = new double[t.length];
        Exponential model = new Exponential();
        for (int i = 0; i < t.length; i++) {
            exact[i] = model.value(t[i], new double[] {1.5, 0.4});
            sd[i] = 0.05 * exact[i];
        }
        List<Obs> y = MonteCarloData.observables(exact, Gaussian.decaying(sd, t, 0.7), 0.3, 3000, 3);
        ObsFitResult fit = ObsFit.fit(y, t, model, false);
        double[] xs = {0, 4.5, 10};
        FitCurve curve = fit.curve(xs);
        double[][] cp = fit.parameterCovariance();
        double[] p = fit.centralFit().parameters();
        for (int i = 0; i < xs.length; i++) {
            double[] g = model.gradient(xs[i], p);
            double variance = 0;
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    variance += g[a] * cp[a][b] * g[b];
                }
            }
            ObsResult f = fit.at(xs[i]).analyze(GammaMethod.DEFAULT_S);
            assertEquals(model.value(xs[i], p), curve.value()[i], 0);
            assertEquals(curve.value()[i], f.value(), 0);
            assertEquals(f.error(), curve.error()[i], 0.0);
            // gᵀ C_p g weights lag-0 correlations by the parameters' τ_int instead of f's own: close, not equal.
            assertEquals(Math.sqrt(variance), curve.error()[i], 4 * f.errorOfError());
        }
        double[][] c = Obs.covariance(y, GammaMethod.DEFAULT_S);
        double[] sigma = new double[t.length];
        double[] values = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            sigma[i] = Math.sqrt(c[i][i]);
            values[i] = y.get(i).value();
        }
        FitResult direct = LeastSquares.uncorrelated(t, values, sigma, model, FitOptions.defaults().withDataCovariance(c));
        assertEquals(direct.expectedChiSquare(), fit.centralFit().expectedChiSquare(), 1e-12 * direct.expectedChiSquare());
        assertTrue(fit.centralFit().expectedChiSquare() > 0);
    }

    @Test
    void invalidObservablesAreRefused() {
        List<Obs> y = MonteCarloData.observables(new double[] {1, 2, 3}, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                0, 100, 5);
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> ObsFit.fit(y, new double[] {1, 2}, Polynomial.constant(), false));
        assertTrue(mismatch.getMessage().contains("y has 3 observables but x has 2"), mismatch.getMessage());
        Obs constant = Obs.primary("ensemble", new double[][] {new double[100]});
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ObsFit.fit(List.of(y.get(0), constant), new double[] {1, 2}, Polynomial.constant(), false));
        assertTrue(zero.getMessage().contains("observable y[1] = 0.0 has error 0.0"), zero.getMessage());
    }
}
