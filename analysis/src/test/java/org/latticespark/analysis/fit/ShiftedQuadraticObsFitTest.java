package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.latticespark.analysis.fit.ShiftedQuadratic.N;
import static org.latticespark.analysis.fit.ShiftedQuadratic.SHIFTS;
import static org.latticespark.analysis.fit.ShiftedQuadraticTest.assertRelative;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.Obs;
import org.latticespark.analysis.ObsResult;

/**
 * {@link ObsFit} of a quadratic in x far from x = 0 (see {@link ShiftedQuadratic}), on autocorrelated data:
 * the Γ-method errors of c2, of f at the data points and the band (the error of f) do not depend on the shift x0.
 */
class ShiftedQuadraticObsFitTest {
    private static final double S = GammaMethod.DEFAULT_S;
    private static final int CONFIGURATIONS = 2000;
    /** Rounding bound of the Γ-method's sums over the configurations, added to the linear algebra's. */
    private static final double GAMMA_ROUNDING = CONFIGURATIONS * Math.ulp(1.0);

    @Test
    void uncorrelatedFit() {
        check(false);
    }

    @Test
    void correlatedFit() {
        check(true);
    }

    private static void check(boolean correlated) {
        double[] exact = new double[N];
        double[] sd = new double[N];
        for (int i = 0; i < N; i++) {
            double t = ShiftedQuadratic.t(i);
            exact[i] = 1 + 0.3 * t - 0.02 * t * t;
            sd[i] = 0.3 * (1 + 0.05 * i);
        }
        double[][] sigma = Gaussian.decaying(sd, ShiftedQuadratic.points(0), 0.5);
        List<Obs> y = MonteCarloData.observables(exact, sigma, 0.6, CONFIGURATIONS, correlated ? 52 : 51);
        double[][] weights = weightCovariance(y, correlated);
        double[] x = ShiftedQuadratic.points(0);
        ObsFitResult base = ObsFit.fit(y, x, Polynomial.ofDegree(2), correlated);
        double baseTolerance = ShiftedQuadratic.tolerance(x, weights) + GAMMA_ROUNDING;
        for (double x0 : SHIFTS) {
            x = ShiftedQuadratic.points(x0);
            ObsFitResult fit = ObsFit.fit(y, x, Polynomial.ofDegree(2), correlated);
            double tolerance = baseTolerance + ShiftedQuadratic.tolerance(x, weights);
            String where = (correlated ? "correlated" : "uncorrelated") + " fit at x0 = " + x0;
            assertRelative(base.errors()[2], fit.errors()[2], tolerance, "err(c2), " + where);
            double[] band = fit.curve(x).error();
            for (int i = 0; i < N; i++) {
                assertRelative(base.at(i).error(), fit.at(x[i]).error(), tolerance, "error of f(x" + i + "), " + where);
                assertRelative(base.at(i).error(), band[i], tolerance, "band at x" + i + ", " + where);
            }
        }
    }

    private static double binomial(int m, int j) {
        double b = 1;
        for (int i = 1; i <= j; i++) {
            b = b * (m - j + i) / i;
        }
        return b;
    }

    /** The covariance whose inverse is the fit's weight matrix: Obs.covariance, or its diagonal. */
    private static double[][] weightCovariance(List<Obs> y, boolean correlated) {
        double[][] c = Obs.covariance(new ArrayList<>(y), S);
        if (!correlated) {
            for (int i = 0; i < c.length; i++) {
                for (int j = 0; j < c.length; j++) {
                    if (i != j) {
                        c[i][j] = 0;
                    }
                }
            }
        }
        return c;
    }

    /**
     * The band is the Γ-method error of the fitted function, for data on two ensembles, one of them with two
     * replicas of different lengths and autocorrelations; unshifted, the direct sum sqrt(gᵀ C_p g) is close.
     */
    @Test
    void theBandIsTheErrorOfTheFittedFunction() {
        SplittableRandom random = new SplittableRandom(53);
        List<Obs> y = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Obs a = Obs.primary("A", new double[][] {ar1(random, 900, 0.7, 2 - 0.1 * i), ar1(random, 700, 0.2, 2 - 0.1 * i)});
            Obs b = Obs.primary("B", new double[][] {ar1(random, 1200, 0.5, 0.01 * i)});
            y.add(a.plus(b));
        }
        ObsFitResult fit = ObsFit.fit(y, ShiftedQuadratic.points(0), Polynomial.ofDegree(2), false);
        double[][] c = fit.parameterCovariance();
        double[] xs = {-4, 0, 2.5, 10, 17};
        double[] band = fit.curve(xs).error();
        for (int i = 0; i < xs.length; i++) {
            double[] g = {1, xs[i], xs[i] * xs[i]};
            double variance = 0;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    variance += g[a] * c[a][b] * g[b];
                }
            }
            ObsResult f = fit.at(xs[i]).analyze(S);
            assertEquals(f.error(), band[i], 0.0, "band at x = " + xs[i]);
            assertEquals(Math.sqrt(variance), band[i], 4 * f.errorOfError(), "band against gᵀ C_p g at x = " + xs[i]);
        }
    }

    private static double[] ar1(SplittableRandom random, int length, double phi, double mean) {
        double[] series = new double[length];
        double state = random.nextGaussian();
        for (int t = 0; t < length; t++) {
            state = phi * state + Math.sqrt(1 - phi * phi) * random.nextGaussian();
            series[t] = mean + 0.05 * state;
        }
        return series;
    }
}
