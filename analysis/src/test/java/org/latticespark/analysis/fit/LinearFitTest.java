package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Models linear in their parameters: the fit must be the closed-form weighted least-squares solution. */
class LinearFitTest {
    private static final double TOLERANCE = 1e-10;
    private static final int N = 15;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void uncorrelatedPolynomialEqualsClosedForm(int degree) {
        double[] x = xs();
        double[] sigma = new double[N];
        for (int i = 0; i < N; i++) {
            sigma[i] = 0.05 + 0.02 * i;
        }
        double[] y = noisyCubic(x, new Gaussian(ClosedForm.diagonal(sigma)), 11 + degree);
        FitResult fit = LeastSquares.uncorrelated(x, y, sigma, Polynomial.ofDegree(degree));
        ClosedForm exact = new ClosedForm(ClosedForm.polynomialDesign(x, degree), y, ClosedForm.diagonal(sigma));
        assertEqualsClosedForm(exact, fit);
        assertTrue(Double.isNaN(fit.expectedChiSquare()), "no data covariance given: expected chi2 unknown");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void correlatedPolynomialEqualsClosedForm(int degree) {
        double[] x = xs();
        double[] sigma = new double[N];
        for (int i = 0; i < N; i++) {
            sigma[i] = 0.1 * (1 + x[i]);
        }
        double[][] c = Gaussian.decaying(sigma, x, 0.02);
        double[] y = noisyCubic(x, new Gaussian(c), 23 + degree);
        FitResult fit = LeastSquares.correlated(x, y, c, Polynomial.ofDegree(degree));
        assertEqualsClosedForm(new ClosedForm(ClosedForm.polynomialDesign(x, degree), y, c), fit);
        assertTrue(fit.correlated());
    }

    @Test
    void convergesInAtMostTwoStepsFromAFarInitialGuess() {
        double[] x = xs();
        double[] sigma = new double[N];
        java.util.Arrays.fill(sigma, 0.2);
        double[] y = noisyCubic(x, new Gaussian(ClosedForm.diagonal(sigma)), 5);
        FitResult fit = LeastSquares.uncorrelated(x, y, sigma, Polynomial.ofDegree(2),
                FitOptions.defaults().withInitialGuess(1e4, -3e5, 7e6));
        assertEqualsClosedForm(new ClosedForm(ClosedForm.polynomialDesign(x, 2), y, ClosedForm.diagonal(sigma)), fit);
        // One Gauss-Newton step is exact up to rounding relative to the far guess; one more removes that.
        assertTrue(fit.iterations() >= 1 && fit.iterations() <= 2, fit.iterations() + " iterations");
    }

    @Test
    void exactlyDeterminedFitHasZeroDofAndNoPValue() {
        double[] x = {1, 2, 4};
        double[] y = {3, -1, 5};
        FitResult fit = LeastSquares.uncorrelated(x, y, new double[] {1, 1, 1}, Polynomial.ofDegree(2));
        assertEquals(0, fit.dof());
        assertTrue(Double.isNaN(fit.pValue()), "p-value undefined for dof = 0");
        assertTrue(Double.isNaN(fit.chiSquarePerDof()), "chi2/dof undefined for dof = 0");
        assertEquals(0, fit.chiSquare(), 1e-24);
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], fit.value(x[i]), 1e-12, "interpolates point " + i);
        }
    }

    private static void assertEqualsClosedForm(ClosedForm exact, FitResult fit) {
        int k = exact.parameters.length;
        assertTrue(fit.iterations() <= 2, "linear model took " + fit.iterations() + " iterations");
        for (int a = 0; a < k; a++) {
            double scale = Math.max(Math.abs(exact.parameters[a]), Math.sqrt(exact.covariance[a][a]));
            assertEquals(exact.parameters[a], fit.parameter(a), TOLERANCE * scale, "parameter " + a);
            for (int b = 0; b < k; b++) {
                double cs = Math.sqrt(exact.covariance[a][a] * exact.covariance[b][b]);
                assertEquals(exact.covariance[a][b], fit.covariance()[a][b], TOLERANCE * cs, "covariance " + a + b);
            }
            double[] row = fit.parameterJacobian()[a];
            double rowScale = 0;
            for (double v : exact.jacobian[a]) {
                rowScale = Math.max(rowScale, Math.abs(v));
            }
            for (int i = 0; i < row.length; i++) {
                assertEquals(exact.jacobian[a][i], row[i], TOLERANCE * rowScale, "dp" + a + "/dy" + i);
            }
        }
        assertEquals(exact.chiSquare, fit.chiSquare(), TOLERANCE * Math.max(1, exact.chiSquare), "chi2");
        assertEquals(exact.parameters.length, fit.parameters().length);
    }

    private static double[] xs() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 0.05 + 0.1 * i;
        }
        return x;
    }

    private static double[] noisyCubic(double[] x, Gaussian noise, long seed) {
        double[] e = noise.sample(new SplittableRandom(seed));
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1.5 - 0.7 * x[i] + 0.3 * x[i] * x[i] - 0.2 * x[i] * x[i] * x[i] + e[i];
        }
        return y;
    }
}
