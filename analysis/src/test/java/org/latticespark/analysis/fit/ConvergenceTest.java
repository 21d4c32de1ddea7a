package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Levenberg–Marquardt: convergence from poor starting points, exact data, and clear failures. */
class ConvergenceTest {
    private static final double[] T = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final double[] TRUTH = {2, 0.35};

    @Test
    void reachesTheSameMinimumFromAFarGuess() {
        double[] y = noisy();
        double[] sigma = sigma();
        FitResult automatic = LeastSquares.uncorrelated(T, y, sigma, new Exponential());
        FitResult far = LeastSquares.uncorrelated(T, y, sigma, new Exponential(),
                FitOptions.defaults().withInitialGuess(0.01, 3.0));
        assertTrue(far.iterations() > automatic.iterations(), "a far guess needs more steps");
        for (int a = 0; a < 2; a++) {
            assertEquals(automatic.parameter(a), far.parameter(a), 1e-9 * automatic.errors()[a], "parameter " + a);
        }
        assertEquals(automatic.chiSquare(), far.chiSquare(), 1e-12 * automatic.chiSquare());
    }

    @Test
    void exactDataGiveTheTruthAndZeroChiSquare() {
        double[] y = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            y[i] = new Exponential().value(T[i], TRUTH);
        }
        FitResult fit = LeastSquares.uncorrelated(T, y, sigma(), new Exponential(),
                FitOptions.defaults().withInitialGuess(1, 1));
        assertEquals(TRUTH[0], fit.parameter(0), 1e-12 * TRUTH[0]);
        assertEquals(TRUTH[1], fit.parameter(1), 1e-12 * TRUTH[1]);
        assertTrue(fit.chiSquare() < 1e-20, "chi2 = " + fit.chiSquare());
    }

    @Test
    void tooFewIterationsIsAClearError() {
        FitException e = assertThrows(FitException.class, () -> LeastSquares.uncorrelated(T, noisy(), sigma(),
                new Exponential(), FitOptions.defaults().withInitialGuess(0.01, 3.0).withMaxIterations(2)));
        assertTrue(e.getMessage().contains("did not converge in 2 iterations: last chi2 = "), e.getMessage());
    }

    @Test
    void parametersTheDataCannotSeparateAreAClearError() {
        FitModel product = FitModel.of("a*b*x", List.of("a", "b"), (x, p) -> p[0] * p[1] * x);
        FitException e = assertThrows(FitException.class, () -> LeastSquares.uncorrelated(T, noisy(), sigma(), product,
                FitOptions.defaults().withInitialGuess(1, 1)));
        assertTrue(e.getMessage().contains("Hessian of chi2 at the minimum is not positive definite"), e.getMessage());
    }

    private static double[] sigma() {
        double[] s = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            s[i] = 0.02 * new Exponential().value(T[i], TRUTH);
        }
        return s;
    }

    /** Fixed relative deviations of ±1-2σ, no random numbers needed. */
    private static double[] noisy() {
        double[] shifts = {1.2, -0.7, 0.3, -1.5, 0.9, 0.1, -0.4, 1.1};
        double[] s = sigma();
        double[] y = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            y[i] = new Exponential().value(T[i], TRUTH) + shifts[i] * s[i];
        }
        return y;
    }
}
