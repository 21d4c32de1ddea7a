package org.latticespark.analysis.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Weighted linear least squares by the normal equations (LU inverses), independent of the fit code. */
final class ClosedForm {
    final double[] parameters;
    final double[][] covariance;
    final double[][] jacobian;
    final double chiSquare;

    /** Model Σ_a p_a · design[i][a], data y with covariance c. */
    ClosedForm(double[][] design, double[] y, double[][] c) {
        int n = y.length;
        int k = design[0].length;
        DMatrixRMaj j = new DMatrixRMaj(design);
        DMatrixRMaj w = new DMatrixRMaj(c);
        CommonOps_DDRM.invert(w);
        DMatrixRMaj jtw = new DMatrixRMaj(k, n);
        CommonOps_DDRM.multTransA(j, w, jtw);
        DMatrixRMaj normal = new DMatrixRMaj(k, k);
        CommonOps_DDRM.mult(jtw, j, normal);
        CommonOps_DDRM.invert(normal);
        DMatrixRMaj dpdy = new DMatrixRMaj(k, n);
        CommonOps_DDRM.mult(normal, jtw, dpdy);
        DMatrixRMaj p = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.mult(dpdy, new DMatrixRMaj(n, 1, true, y), p);
        parameters = p.getData().clone();
        covariance = toArray(normal);
        jacobian = toArray(dpdy);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i];
            for (int a = 0; a < k; a++) {
                r[i] -= design[i][a] * parameters[a];
            }
        }
        double chi = 0;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < n; m++) {
                chi += r[i] * w.get(i, m) * r[m];
            }
        }
        chiSquare = chi;
    }

    static double[][] diagonal(double[] sigma) {
        double[][] c = new double[sigma.length][sigma.length];
        for (int i = 0; i < sigma.length; i++) {
            c[i][i] = sigma[i] * sigma[i];
        }
        return c;
    }

    static double[][] polynomialDesign(double[] x, int degree) {
        double[][] d = new double[x.length][degree + 1];
        for (int i = 0; i < x.length; i++) {
            double power = 1;
            for (int a = 0; a <= degree; a++) {
                d[i][a] = power;
                power *= x[i];
            }
        }
        return d;
    }

    private static double[][] toArray(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }
}
