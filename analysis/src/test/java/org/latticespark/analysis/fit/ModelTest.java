package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latticespark.analysis.NumericalGradient;

/** Analytic derivatives of the standard models against numerical ones, and their automatic initial guesses. */
class ModelTest {
    /** Ridders' differences are good to ~1e-9 relative; this leaves a margin. */
    private static final double DERIVATIVE_TOLERANCE = 1e-7;

    @Test
    void analyticDerivativesMatchNumericalOnes() {
        checkDerivatives(Polynomial.ofDegree(3), new double[] {0.5, -1.2, 0.3, 0.07}, new double[] {-2, 0.3, 4});
        checkDerivatives(new Exponential(), new double[] {2.5, 0.4}, new double[] {0, 3, 11});
        checkDerivatives(new Cosh(24), new double[] {0.8, 0.3}, new double[] {2, 12, 20});
        checkDerivatives(new TwoExponentials(), new double[] {1, 0.4, 0.6, 1.2}, new double[] {1, 5, 9});
    }

    @Test
    void formulaModelDerivativesAreNumerical() {
        FitModel formula = FitModel.of("exp", List.of("A", "E"), (t, p) -> p[0] * Math.exp(-p[1] * t));
        Exponential exact = new Exponential();
        double[] p = {1.7, 0.45};
        for (double t : new double[] {1, 4, 9}) {
            assertClose(exact.gradient(t, p), formula.gradient(t, p), "gradient at " + t);
            double[][] h = exact.secondDerivatives(t, p);
            double[][] numerical = formula.secondDerivatives(t, p);
            for (int a = 0; a < 2; a++) {
                assertClose(h[a], numerical[a], "second derivatives at " + t);
            }
        }
        assertEquals(2, formula.parameterCount());
    }

    @Test
    void automaticGuessesOfExactDataAreExact() {
        double[] t = {3, 4, 5, 6, 7, 8, 9, 10};
        checkGuess(new Exponential(), new double[] {3e-5, 0.55}, t, 1e-8);
        checkGuess(new Cosh(16), new double[] {0.2, 0.31}, t, 1e-8);
        checkGuess(Polynomial.ofDegree(2), new double[] {1, -2, 0.5}, t, 1e-10);
    }

    @Test
    void twoStateGuessLeadsToTheTruth() {
        double[] t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        double[] truth = {1.0, 0.4, 0.8, 1.1};
        TwoExponentials model = new TwoExponentials();
        double[] y = new double[t.length];
        double[] sigma = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = model.value(t[i], truth);
            sigma[i] = 0.01 * y[i];
        }
        double[] guess = model.initialGuess(t, y, sigma);
        assertEquals(true, guess[3] > guess[1], "guess orders the states: " + java.util.Arrays.toString(guess));
        FitResult fit = LeastSquares.uncorrelated(t, y, sigma, model);
        for (int a = 0; a < 4; a++) {
            assertEquals(truth[a], fit.parameter(a), 1e-8 * truth[a], model.parameterNames().get(a));
        }
    }

    private static void checkGuess(FitModel model, double[] truth, double[] t, double tolerance) {
        double[] y = new double[t.length];
        double[] sigma = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = model.value(t[i], truth);
            sigma[i] = 0.01 * Math.abs(y[i]) + 1e-3 * i * Math.abs(y[0]);
        }
        double[] guess = model.initialGuess(t, y, sigma);
        for (int a = 0; a < truth.length; a++) {
            assertEquals(truth[a], guess[a], tolerance * Math.abs(truth[a]), model.name() + " guess " + a);
        }
    }

    private static void checkDerivatives(FitModel model, double[] p, double[] xs) {
        for (double x : xs) {
            assertClose(NumericalGradient.of(q -> model.value(x, q), p), model.gradient(x, p),
                    model.name() + " gradient at " + x);
            double[][] h = model.secondDerivatives(x, p);
            for (int a = 0; a < p.length; a++) {
                int row = a;
                assertClose(NumericalGradient.of(q -> model.gradient(x, q)[row], p), h[a],
                        model.name() + " second derivatives, row " + a + ", at " + x);
                for (int b = 0; b < p.length; b++) {
                    assertEquals(h[a][b], h[b][a], 0, "symmetric");
                }
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], DERIVATIVE_TOLERANCE * scale, what + " [" + i + "]");
        }
    }
}
