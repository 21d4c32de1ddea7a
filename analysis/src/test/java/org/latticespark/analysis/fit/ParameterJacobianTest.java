package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * dp/dy from the full Hessian against brute force: perturb one y_j by ±h σ_j, refit, central difference.
 * The data are noisy (χ² ≈ dof), so the model's second derivatives matter: the Gauss–Newton form
 * (Jᵀ W J)⁻¹ Jᵀ W must miss the brute-force result by far more than the tolerance.
 */
class ParameterJacobianTest {
    /**
     * Central differences at h = 1e-2 σ and h/2, Richardson-extrapolated: truncation ~h⁴ ≈ 1e-8 (times the
     * model's nonlinearity), and the re-fits' convergence (to ~1e-14 in the gradient test) contributes far
     * less. Measured agreement: 5e-12 (cosh), 1e-10 (two states); Gauss–Newton misses by 2e-2 and 2.
     */
    private static final double TOLERANCE = 1e-6;
    private static final double STEP = 1e-2;

    @Test
    void uncorrelatedExponential() {
        double[] t = {2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] truth = {3, 0.3};
        Exponential model = new Exponential();
        double[][] c = ClosedForm.diagonal(errors(model, truth, t, 0.05));
        check(model, t, data(model, truth, t, c, 3), c, false);
    }

    @Test
    void correlatedCosh() {
        double[] t = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
        double[] truth = {0.5, 0.2};
        Cosh model = new Cosh(16);
        double[][] c = Gaussian.decaying(errors(model, truth, t, 0.03), t, 0.6);
        check(model, t, data(model, truth, t, c, 8), c, true);
    }

    /**
     * The two-state model by brute force; then the same model as a formula, whose first and second
     * derivatives are numerical, must give the same dp/dy. (Brute force is not used on the formula: its
     * Ridders gradients carry ~1e-9 relative noise that moves each re-fit's minimum by more than h allows.)
     */
    @Test
    void correlatedTwoStateAndItsNumericalDerivatives() {
        double[] t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        double[] truth = {1.0, 0.4, 0.8, 1.1};
        TwoExponentials model = new TwoExponentials();
        double[][] c = Gaussian.decaying(errors(model, truth, t, 0.01), t, 0.5);
        double[] y = data(model, truth, t, c, 21);
        FitResult analytic = check(model, t, y, c, true, null);
        FitModel formula = FitModel.of("two states", List.of("A0", "E0", "A1", "E1"),
                (x, p) -> p[0] * Math.exp(-p[1] * x) + p[2] * Math.exp(-p[3] * x));
        FitResult numerical = LeastSquares.correlated(t, y, c, formula,
                FitOptions.defaults().withInitialGuess(analytic.parameters()));
        for (int a = 0; a < 4; a++) {
            for (int i = 0; i < t.length; i++) {
                double scale = maxAbs(analytic.parameterJacobian()[a]);
                assertEquals(analytic.parameterJacobian()[a][i], numerical.parameterJacobian()[a][i],
                        TOLERANCE * scale, "numerical vs analytic second derivatives, dp" + a + "/dy" + i);
            }
        }
    }

    private static void check(FitModel model, double[] t, double[] y, double[][] c, boolean correlated) {
        check(model, t, y, c, correlated, null);
    }

    private static FitResult check(FitModel model, double[] t, double[] y, double[][] c, boolean correlated,
                                   double[] guess) {
        FitOptions options = guess == null ? FitOptions.defaults() : FitOptions.defaults().withInitialGuess(guess);
        FitResult fit = fit(model, t, y, c, correlated, options);
        double[][] dpdy = fit.parameterJacobian();
        double[][] gaussNewton = gaussNewton(model, t, fit.parameters(), c);
        FitOptions restart = FitOptions.defaults().withInitialGuess(fit.parameters());
        int k = model.parameterCount();
        double largestGaussNewtonMiss = 0;
        for (int j = 0; j < t.length; j++) {
            double h = STEP * Math.sqrt(c[j][j]);
            double[] wide = centralDifference(model, t, y, c, correlated, restart, j, h);
            double[] narrow = centralDifference(model, t, y, c, correlated, restart, j, h / 2);
            for (int a = 0; a < k; a++) {
                double bruteForce = (4 * narrow[a] - wide[a]) / 3;
                double scale = maxAbs(dpdy[a]);
                assertEquals(bruteForce, dpdy[a][j], TOLERANCE * scale, "dp" + a + "/dy" + j);
                largestGaussNewtonMiss = Math.max(largestGaussNewtonMiss,
                        Math.abs(gaussNewton[a][j] - bruteForce) / scale);
            }
        }
        assertTrue(largestGaussNewtonMiss > 100 * TOLERANCE, "the test must distinguish the full Hessian from"
                + " Gauss-Newton; largest relative difference only " + largestGaussNewtonMiss);
        return fit;
    }

    /** (p(y + h e_j) − p(y − h e_j)) / 2h by re-fitting. */
    private static double[] centralDifference(FitModel model, double[] t, double[] y, double[][] c,
                                              boolean correlated, FitOptions options, int j, double h) {
        double[] up = y.clone();
        up[j] += h;
        double[] down = y.clone();
        down[j] -= h;
        double[] pUp = fit(model, t, up, c, correlated, options).parameters();
        double[] pDown = fit(model, t, down, c, correlated, options).parameters();
        double[] d = new double[pUp.length];
        for (int a = 0; a < d.length; a++) {
            d[a] = (pUp[a] - pDown[a]) / (up[j] - down[j]);
        }
        return d;
    }

    private static FitResult fit(FitModel model, double[] t, double[] y, double[][] c, boolean correlated,
                                 FitOptions options) {
        if (correlated) {
            return LeastSquares.correlated(t, y, c, model, options);
        }
        double[] sigma = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            sigma[i] = Math.sqrt(c[i][i]);
        }
        return LeastSquares.uncorrelated(t, y, sigma, model, options);
    }

    /** (Jᵀ W J)⁻¹ Jᵀ W: the model linearised at p, as a model linear in p would give. */
    private static double[][] gaussNewton(FitModel model, double[] t, double[] p, double[][] c) {
        double[][] design = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            design[i] = model.gradient(t[i], p);
        }
        return new ClosedForm(design, new double[t.length], c).jacobian;
    }

    private static double[] data(FitModel model, double[] truth, double[] t, double[][] c, long seed) {
        double[] e = new Gaussian(c).sample(new SplittableRandom(seed));
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = model.value(t[i], truth) + e[i];
        }
        return y;
    }

    private static double[] errors(FitModel model, double[] p, double[] t, double relative) {
        double[] s = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            s[i] = relative * Math.abs(model.value(t[i], p));
        }
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
