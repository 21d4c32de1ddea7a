package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid input is refused with an IllegalArgumentException whose message names the problem. */
class FitValidationTest {
    private static final double[] X = {1, 2, 3, 4};
    private static final double[] Y = {1.0, 0.6, 0.35, 0.2};
    private static final double[] SIGMA = {0.01, 0.01, 0.01, 0.01};
    private static final FitModel EXP = new Exponential();

    @Test
    void mismatchedLengths() {
        refused("y has 3 entries but x has 4", () -> LeastSquares.uncorrelated(X, new double[] {1, 2, 3}, SIGMA, EXP));
        refused("sigma has 2 entries but x has 4", () -> LeastSquares.uncorrelated(X, Y, new double[] {1, 1}, EXP));
        refused("covariance matrix has 3 entries but x has 4",
                () -> LeastSquares.correlated(X, Y, identity(3), EXP));
        refused("must be square", () -> LeastSquares.correlated(X, Y, new double[][] {{1, 0, 0, 0}, {0, 1}, {0, 0, 1, 0},
                {0, 0, 0, 1}}, EXP));
        refused("data covariance has 3 entries but x has 4", () -> LeastSquares.uncorrelated(X, Y, SIGMA, EXP,
                FitOptions.defaults().withDataCovariance(identity(3))));
    }

    @Test
    void nonFiniteValues() {
        refused("x[2] = NaN is not finite", () -> LeastSquares.uncorrelated(new double[] {1, 2, Double.NaN, 4}, Y, SIGMA, EXP));
        refused("y[0] = Infinity is not finite",
                () -> LeastSquares.uncorrelated(X, new double[] {Double.POSITIVE_INFINITY, 1, 1, 1}, SIGMA, EXP));
        refused("sigma[3] = NaN must be finite and > 0",
                () -> LeastSquares.uncorrelated(X, Y, new double[] {1, 1, 1, Double.NaN}, EXP));
        double[][] c = identity(4);
        c[2][1] = Double.NaN;
        refused("covariance C[2][1] is not finite", () -> LeastSquares.correlated(X, Y, c, EXP));
        refused("initial guess for E is NaN", () -> LeastSquares.uncorrelated(X, Y, SIGMA, EXP,
                FitOptions.defaults().withInitialGuess(1, Double.NaN)));
    }

    @Test
    void nonPositiveErrors() {
        refused("sigma[1] = 0.0 must be finite and > 0", () -> LeastSquares.uncorrelated(X, Y, new double[] {1, 0, 1, 1}, EXP));
        refused("sigma[0] = -1.0", () -> LeastSquares.uncorrelated(X, Y, new double[] {-1, 1, 1, 1}, EXP));
    }

    @Test
    void tooFewData() {
        refused("too few data: 3 points cannot determine the 4 parameters",
                () -> LeastSquares.uncorrelated(new double[] {1, 2, 3}, new double[] {1, 2, 3}, new double[] {1, 1, 1},
                        new TwoExponentials()));
        refused("needs at least 3 distinct x values, got 2", () -> LeastSquares.uncorrelated(new double[] {1, 1, 2, 2},
                Y, SIGMA, Polynomial.ofDegree(2)));
    }

    @Test
    void singularOrIndefiniteCovariance() {
        double[][] singular = new double[4][4];
        double[] u = {0.01, 0, 0.01, 0.02};
        double[] v = {0, 0.01, 0.01, -0.01};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                singular[i][j] = u[i] * u[j] + v[i] * v[j];
            }
        }
        refused("not positive definite: data point 2 is (numerically) a linear combination of points 0..1",
                () -> LeastSquares.correlated(X, Y, singular, EXP));
        double[][] indefinite = identity(4);
        indefinite[0][1] = 1.5;
        indefinite[1][0] = 1.5;
        refused("not positive definite: data point 1", () -> LeastSquares.correlated(X, Y, indefinite, EXP));
        double[][] negativeVariance = identity(4);
        negativeVariance[2][2] = -1;
        refused("variance C[2][2] = -1.0 must be finite and > 0",
                () -> LeastSquares.correlated(X, Y, negativeVariance, EXP));
        double[][] asymmetric = identity(4);
        asymmetric[0][3] = 0.5;
        refused("not symmetric", () -> LeastSquares.correlated(X, Y, asymmetric, EXP));
    }

    @Test
    void initialGuessOfWrongLength() {
        refused("initial guess has 3 entries but model 'exponential A*exp(-E*t)' has 2 parameters [A, E]",
                () -> LeastSquares.uncorrelated(X, Y, SIGMA, EXP, FitOptions.defaults().withInitialGuess(1, 2, 3)));
        refused("initial guess must not be null", () -> FitOptions.defaults().withInitialGuess((double[]) null));
    }

    @Test
    void modelWithoutGuessAndBadOptions() {
        FitModel formula = FitModel.of("line", List.of("a", "b"), (x, p) -> p[0] + p[1] * x);
        refused("model 'line' has no automatic initial guess", () -> LeastSquares.uncorrelated(X, Y, SIGMA, formula));
        refused("max iterations must be >= 1, got 0", () -> FitOptions.defaults().withMaxIterations(0));
        refused("model 'log' is not finite at some x for the initial guess [2.0]", () -> LeastSquares.uncorrelated(X, Y, SIGMA,
                FitModel.of("log", List.of("a"), (x, p) -> Math.log(p[0] - x)), FitOptions.defaults().withInitialGuess(2)));
        refused("period T must be finite and > 0, got 0.0", () -> new Cosh(0));
        refused("polynomial degree must be >= 0, got -1", () -> Polynomial.ofDegree(-1));
    }

    private static void refused(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    private static double[][] identity(int n) {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1e-4;
        }
        return c;
    }
}
