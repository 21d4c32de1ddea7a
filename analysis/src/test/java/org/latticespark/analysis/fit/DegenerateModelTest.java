package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameters the data cannot determine are refused with a FitException that names them, not given errors. */
class DegenerateModelTest {
    private static final double[] X = {1, 2, 3, 4, 5, 6};
    private static final double[] Y = {1.4, 1.9, 2.6, 3.1, 3.4, 4.1};
    private static final double[] SIGMA = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1};

    /** c + a·x + b·x with exact derivatives: the columns of a and b are identical. */
    private static final FitModel TWICE_THE_SLOPE = new FitModel() {
        @Override
        public String name() {
            return "c + a*x + b*x";
        }

        @Override
        public List<String> parameterNames() {
            return List.of("c", "a", "b");
        }

        @Override
        public double value(double x, double[] p) {
            return p[0] + p[1] * x + p[2] * x;
        }

        @Override
        public double[] gradient(double x, double[] p) {
            return new double[] {1, x, x};
        }

        @Override
        public double[][] secondDerivatives(double x, double[] p) {
            return new double[3][3];
        }
    };

    @Test
    void identicalColumnsAreRefusedNamingTheParameters() {
        FitException e = assertThrows(FitException.class, () -> LeastSquares.uncorrelated(X, Y, SIGMA, TWICE_THE_SLOPE,
                FitOptions.defaults().withInitialGuess(1, 0.2, 0.3)));
        assertDegenerate(e, "[a, b] are (numerically) linearly dependent");
        double[][] c = Gaussian.decaying(SIGMA, X, 0.5);
        e = assertThrows(FitException.class, () -> LeastSquares.correlated(X, Y, c, TWICE_THE_SLOPE,
                FitOptions.defaults().withInitialGuess(1, 0.2, 0.3)));
        assertDegenerate(e, "[a, b] are (numerically) linearly dependent");
    }

    @Test
    void numericalDerivativesOfADegenerateFormulaAreRefusedToo() {
        FitModel formula = FitModel.of("a*x + b*x", List.of("a", "b"), (x, p) -> p[0] * x + p[1] * x);
        FitException e = assertThrows(FitException.class, () -> LeastSquares.uncorrelated(X, Y, SIGMA, formula,
                FitOptions.defaults().withInitialGuess(0.3, 0.4)));
        assertDegenerate(e, "[a, b] are (numerically) linearly dependent");
    }

    @Test
    void aParameterTheModelDoesNotUseIsRefused() {
        FitModel unused = FitModel.of("a*x (b unused)", List.of("a", "b"), (x, p) -> p[0] * x);
        FitException e = assertThrows(FitException.class, () -> LeastSquares.uncorrelated(X, Y, SIGMA, unused,
                FitOptions.defaults().withInitialGuess(0.3, 0.4)));
        assertTrue(e.getMessage().contains("parameter b of 'a*x (b unused)' does not change the model"), e.getMessage());
    }

    /**
     * A quadratic at x = 1e7 ... 1e7 + 10: the scaled Jacobian's condition number is 5e13, so double precision
     * leaves no correct digit of the errors; refused rather than reported.
     */
    @Test
    void aFitBeyondDoublePrecisionIsRefused() {
        double[] x = ShiftedQuadratic.points(1e7);
        double[] y = new double[x.length];
        double[] sigma = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double t = ShiftedQuadratic.t(i);
            y[i] = 1 + 0.3 * t - 0.02 * t * t + 0.01 * Math.sin(7 * i);
            sigma[i] = 0.01;
        }
        FitException e = assertThrows(FitException.class,
                () -> LeastSquares.uncorrelated(x, y, sigma, Polynomial.ofDegree(2)));
        assertDegenerate(e, "[c0, c1, c2] are (numerically) linearly dependent");
    }

    private static void assertDegenerate(FitException e, String which) {
        String m = e.getMessage();
        assertTrue(m.contains("the data do not determine all parameters"), m);
        assertTrue(m.contains(which), m);
        assertTrue(m.contains("reciprocal condition number"), m);
    }
}
