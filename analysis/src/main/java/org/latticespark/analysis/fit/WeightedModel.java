package org.latticespark.analysis.fit;

import org.ejml.data.DMatrixRMaj;

/** The model at the data points, in whitened form: residuals L⁻¹(y − f(p)) and Jacobian L⁻¹ ∂f/∂p. */
final class WeightedModel {
    private final double[] x;
    private final double[] y;
    private final FitModel model;
    private final Whitening whitening;

    WeightedModel(double[] x, double[] y, FitModel model, Whitening whitening) {
        this.x = x;
        this.y = y;
        this.model = model;
        this.whitening = whitening;
    }

    int size() {
        return x.length;
    }

    int parameterCount() {
        return model.parameterCount();
    }

    FitModel model() {
        return model;
    }

    Whitening whitening() {
        return whitening;
    }

    /** Whitened residuals, or null where the model is not finite at some x. */
    double[] residuals(double[] p) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double f = model.value(x[i], p);
            if (!Double.isFinite(f)) {
                return null;
            }
            r[i] = y[i] - f;
        }
        return whitening.whiten(r);
    }

    /** ∂f(x_i)/∂p_a, n×k; rows as returned by the model. */
    double[][] modelJacobian(double[] p) {
        double[][] j = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            j[i] = model.gradient(x[i], p);
            if (j[i] == null || j[i].length != p.length) {
                throw new IllegalStateException("model '" + model.name() + "' returned a gradient of length "
                        + (j[i] == null ? "null" : j[i].length) + " for " + p.length + " parameters");
            }
        }
        return j;
    }

    /** L⁻¹ ∂f/∂p (n×k), or null where it is not finite. */
    DMatrixRMaj whitenedJacobian(double[] p) {
        double[][] j = modelJacobian(p);
        int n = x.length;
        int k = p.length;
        DMatrixRMaj a = new DMatrixRMaj(n, k);
        double[] column = new double[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                column[i] = j[i][c];
            }
            double[] w = whitening.whiten(column);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(w[i])) {
                    return null;
                }
                a.set(i, c, w[i]);
            }
        }
        return a;
    }

    /** S = Σ_i (W r)_i ∇²f_i (k×k) at p for whitened residuals r: H/2 = AᵀA − S, zero for a linear model. */
    double[][] residualCurvature(double[] p, double[] whitenedResiduals) {
        int k = p.length;
        double[] weighted = whitening.whitenTransposed(whitenedResiduals);
        double[][] s = new double[k][k];
        for (int i = 0; i < x.length; i++) {
            double[][] second = model.secondDerivatives(x[i], p);
            for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                    s[u][v] += weighted[i] * second[u][v];
                }
            }
        }
        return s;
    }

    double[] x() {
        return x;
    }
}
