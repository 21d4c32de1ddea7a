package org.latticespark.analysis.fit;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * A fitted curve f(x; p) and its ±1σ error band at chosen x: for fits of numbers σ_f(x)² = gᵀ C_p g with
 * g = ∂f/∂p at the fitted parameters and C_p their covariance (linear propagation); for fits of observables the
 * Γ-method error of f(x) ({@link ObsFitResult#curve}). gᵀ C_p g is evaluated from factorisations, not from
 * C_p: for strongly correlated parameters (e.g. a polynomial in x far from x = 0) the sum over the entries of
 * C_p cancels to a tiny fraction of its terms.
 * The arrays are copied in and out.
 */
public record FitCurve(double[] x, double[] value, double[] error) {
    public FitCurve {
        x = x.clone();
        value = value.clone();
        error = error.clone();
    }

    /** @param variance gᵀ C_p g for a gradient g */
    static FitCurve of(FitModel model, double[] p, double[] xs, ToDoubleFunction<double[]> variance) {
        return withErrors(model, p, xs, x -> Math.sqrt(Math.max(variance.applyAsDouble(model.gradient(x, p)), 0)));
    }

    /** @param error σ_f at x */
    static FitCurve withErrors(FitModel model, double[] p, double[] xs, DoubleUnaryOperator error) {
        if (xs == null) {
            throw new IllegalArgumentException("x values for the curve must not be null");
        }
        double[] value = new double[xs.length];
        double[] errors = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new IllegalArgumentException("curve x[" + i + "] = " + xs[i] + " is not finite");
            }
            value[i] = model.value(xs[i], p);
            errors[i] = error.applyAsDouble(xs[i]);
        }
        return new FitCurve(xs, value, errors);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] value() {
        return value.clone();
    }

    @Override
    public double[] error() {
        return error.clone();
    }

    /** value − error. */
    public double[] lower() {
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value[i] - error[i];
        }
        return out;
    }

    /** value + error. */
    public double[] upper() {
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value[i] + error[i];
        }
        return out;
    }
}
