package org.latticespark.analysis.fit;

import java.util.Arrays;

/**
 * χ² fits of a {@link FitModel} to numbers y_i at x_i, by {@link LevenbergMarquardt}, with the conventions
 * of pyerrors' {@code least_squares} (see {@link FitResult}).
 *
 * <ul>
 *   <li>uncorrelated: χ² = Σ ((y_i − f(x_i))/σ_i)²;</li>
 *   <li>correlated: χ² = rᵀ C⁻¹ r with C the covariance of y; W = C⁻¹ through the Cholesky factor of C,
 *       which must be positive definite.</li>
 * </ul>
 * At least as many data as parameters are needed (dof = n − k &gt;= 0); dof = 0 is allowed, with χ²/dof and
 * p-value NaN. Invalid input (mismatched lengths, non-finite values, σ &lt;= 0, an asymmetric or not positive
 * definite C, an initial guess of the wrong length) throws {@link IllegalArgumentException}; a valid fit that
 * fails throws {@link FitException}, among them fits whose parameters the data do not determine: the
 * column-scaled whitened Jacobian at the minimum with reciprocal condition number below 1e-13 (a degenerate
 * model, or one too ill-conditioned for double precision), or a Hessian of χ² that is not positive definite.
 */
public final class LeastSquares {
    private LeastSquares() {
    }

    public static FitResult uncorrelated(double[] x, double[] y, double[] sigma, FitModel model) {
        return uncorrelated(x, y, sigma, model, FitOptions.defaults());
    }

    public static FitResult uncorrelated(double[] x, double[] y, double[] sigma, FitModel model, FitOptions options) {
        checkData(x, y, model, options);
        checkLength("sigma", sigma == null ? -1 : sigma.length, x.length);
        return fit(x, y, Whitening.uncorrelated(sigma), model, options, false);
    }

    public static FitResult correlated(double[] x, double[] y, double[][] covariance, FitModel model) {
        return correlated(x, y, covariance, model, FitOptions.defaults());
    }

    public static FitResult correlated(double[] x, double[] y, double[][] covariance, FitModel model,
                                       FitOptions options) {
        checkData(x, y, model, options);
        checkLength("covariance matrix", covariance == null ? -1 : covariance.length, x.length);
        return fit(x, y, Whitening.correlated(covariance), model, options, true);
    }

    private static FitResult fit(double[] x, double[] y, Whitening whitening, FitModel model, FitOptions options,
                                 boolean correlated) {
        int n = x.length;
        int k = model.parameterCount();
        double[][] dataCovariance = options.hasDataCovariance() ? checkedDataCovariance(options, n) : null;
        double[] guess = options.initialGuess();
        if (guess == null) {
            guess = model.initialGuess(x.clone(), y.clone(), whitening.sigmas());
        }
        checkGuess(guess, model);
        WeightedModel problem = new WeightedModel(x.clone(), y.clone(), model, whitening);
        LevenbergMarquardt.Minimum minimum = LevenbergMarquardt.minimize(problem, guess, options.maxIterations());
        double[] p = minimum.parameters();
        ParameterErrors errors = ParameterErrors.at(problem, p, problem.residuals(p));
        if (dataCovariance == null && correlated) {
            dataCovariance = whitening.covariance();
        }
        double expected = dataCovariance == null ? Double.NaN : ExpectedChiSquare.of(problem, p, dataCovariance);
        return new FitResult(model, correlated, p, errors, minimum.chiSquare(), n - k, minimum.iterations(),
                expected);
    }

    private static void checkData(double[] x, double[] y, FitModel model, FitOptions options) {
        if (model == null) {
            throw new IllegalArgumentException("fit model must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("fit options must not be null (use FitOptions.defaults())");
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        checkLength("y", y.length, x.length);
        int k = model.parameterCount();
        if (x.length < k) {
            throw new IllegalArgumentException("too few data: " + x.length + " points cannot determine the " + k
                    + " parameters " + model.parameterNames() + " of '" + model.name() + "' (need dof = n - k >= 0)");
        }
        checkFinite("x", x);
        checkFinite("y", y);
    }

    private static void checkLength(String what, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(what + " has " + (length < 0 ? "no" : String.valueOf(length))
                    + " entries but x has " + expected);
        }
    }

    private static void checkFinite(String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + v[i] + " is not finite");
            }
        }
    }

    private static void checkGuess(double[] guess, FitModel model) {
        if (guess == null || guess.length != model.parameterCount()) {
            throw new IllegalArgumentException("initial guess has " + (guess == null ? "no" : guess.length)
                    + " entries but model '" + model.name() + "' has " + model.parameterCount() + " parameters "
                    + model.parameterNames());
        }
        for (int a = 0; a < guess.length; a++) {
            if (!Double.isFinite(guess[a])) {
                throw new IllegalArgumentException("initial guess for " + model.parameterNames().get(a) + " is "
                        + guess[a] + " (not finite): " + Arrays.toString(guess));
            }
        }
    }

    private static double[][] checkedDataCovariance(FitOptions options, int n) {
        double[][] c = options.dataCovariance();
        checkLength("data covariance", c.length, n);
        for (int i = 0; i < n; i++) {
            checkLength("data covariance row " + i, c[i].length, n);
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(c[i][j])) {
                    throw new IllegalArgumentException("data covariance [" + i + "][" + j + "] = " + c[i][j]
                            + " is not finite");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double scale = Math.sqrt(Math.abs(c[i][i] * c[j][j]));
                if (Math.abs(c[i][j] - c[j][i]) > 1e-10 * scale) {
                    throw new IllegalArgumentException("data covariance is not symmetric: [" + i + "][" + j + "] = "
                            + c[i][j] + " but [" + j + "][" + i + "] = " + c[j][i]);
                }
            }
        }
        return c;
    }
}
