package org.latticespark.analysis.fit;

import java.util.List;
import org.latticespark.analysis.NumericalGradient;

/**
 * A fit function f(x, p) of one real variable x and k parameters p.
 *
 * <p>Only {@link #value}, {@link #name} and {@link #parameterNames} are required. The derivatives default to
 * numerical ones ({@link NumericalGradient}: Ridders-extrapolated central differences, about 1e-9 relative or
 * better for smooth f); models override them with exact expressions where these are easy. The second
 * derivatives enter only the full Hessian of χ² used for error propagation, weighted by the residuals, so
 * their numerical error is harmless.
 */
public interface FitModel {
    /** Human-readable name, e.g. "exponential A·exp(-E·t)". */
    String name();

    /** One name per parameter, in the order of {@code p}. */
    List<String> parameterNames();

    default int parameterCount() {
        return parameterNames().size();
    }

    /** f(x, p). */
    double value(double x, double[] p);

    /** ∂f/∂p_a at (x, p), a = 0..k-1. Default: numerical. */
    default double[] gradient(double x, double[] p) {
        return NumericalGradient.of(q -> value(x, q), p);
    }

    /** ∂²f/∂p_a∂p_b at (x, p), a symmetric k×k matrix. Default: numerical derivatives of {@link #gradient}. */
    default double[][] secondDerivatives(double x, double[] p) {
        int k = p.length;
        double[][] h = new double[k][k];
        for (int b = 0; b < k; b++) {
            int component = b;
            double[] column = NumericalGradient.of(q -> gradient(x, q)[component], p);
            for (int a = 0; a < k; a++) {
                h[a][b] = column[a];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                double mean = 0.5 * (h[a][b] + h[b][a]);
                h[a][b] = mean;
                h[b][a] = mean;
            }
        }
        return h;
    }

    /**
     * A starting point for the minimiser from the data (sigma: the errors of y, for a correlated fit the
     * square roots of the covariance diagonal). The default has none and throws; pass an initial guess in
     * {@link FitOptions#withInitialGuess} instead.
     *
     * @throws IllegalArgumentException if no guess can be made from these data
     */
    default double[] initialGuess(double[] x, double[] y, double[] sigma) {
        throw new IllegalArgumentException("model '" + name() + "' has no automatic initial guess;"
                + " pass one with FitOptions.withInitialGuess");
    }

    /** A model from a formula; derivatives numerical, no automatic initial guess. */
    static FitModel of(String name, List<String> parameterNames, ModelFunction f) {
        return new FormulaModel(name, parameterNames, f);
    }
}
