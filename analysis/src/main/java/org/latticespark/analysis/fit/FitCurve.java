package org.latticespark.analysis.fit;

/**
 * A fitted curve f(x; p) and its ±1σ error band at chosen x, σ_f(x)² = gᵀ C_p g with g = ∂f/∂p at the
 * fitted parameters and C_p their covariance (linear propagation, as pyerrors' {@code error_band}).
 * The arrays are copied in and out.
 */
public record FitCurve(double[] x, double[] value, double[] error) {
    public FitCurve {
        x = x.clone();
        value = value.clone();
        error = error.clone();
    }

    static FitCurve of(FitModel model, double[] p, double[][] covariance, double[] xs) {
        if (xs == null) {
            throw new IllegalArgumentException("x values for the curve must not be null");
        }
        double[] value = new double[xs.length];
        double[] error = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new IllegalArgumentException("curve x[" + i + "] = " + xs[i] + " is not finite");
            }
            value[i] = model.value(xs[i], p);
            double[] g = model.gradient(xs[i], p);
            double variance = 0;
            for (int a = 0; a < g.length; a++) {
                for (int b = 0; b < g.length; b++) {
                    variance += g[a] * covariance[a][b] * g[b];
                }
            }
            error[i] = Math.sqrt(Math.max(variance, 0));
        }
        return new FitCurve(xs, value, error);
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
