package org.latticespark.analysis.fit;

/** Cholesky factorisation and triangular solves on small dense k×k matrices (row-major double[][]). */
final class Triangular {
    private Triangular() {
    }

    /** Lower triangular L with L Lᵀ = m (symmetric), or null when m is not (numerically) positive definite. */
    static double[][] cholesky(double[][] m) {
        int dim = m.length;
        double[][] l = new double[dim][dim];
        for (int j = 0; j < dim; j++) {
            double pivot = m[j][j];
            for (int c = 0; c < j; c++) {
                pivot -= l[j][c] * l[j][c];
            }
            if (!(pivot > 0) || Double.isInfinite(pivot)) {
                return null;
            }
            l[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < dim; i++) {
                double s = m[i][j];
                for (int c = 0; c < j; c++) {
                    s -= l[i][c] * l[j][c];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    /** L u = b, L lower triangular. */
    static double[] solveLower(double[][] l, double[] b) {
        int dim = b.length;
        double[] u = new double[dim];
        for (int i = 0; i < dim; i++) {
            double s = b[i];
            for (int c = 0; c < i; c++) {
                s -= l[i][c] * u[c];
            }
            u[i] = s / l[i][i];
        }
        return u;
    }

    /** Lᵀ u = b, L lower triangular. */
    static double[] solveLowerTransposed(double[][] l, double[] b) {
        int dim = b.length;
        double[] u = new double[dim];
        for (int i = dim - 1; i >= 0; i--) {
            double s = b[i];
            for (int c = i + 1; c < dim; c++) {
                s -= l[c][i] * u[c];
            }
            u[i] = s / l[i][i];
        }
        return u;
    }

    /** R u = b, R upper triangular. */
    static double[] solveUpper(double[][] r, double[] b) {
        int dim = b.length;
        double[] u = new double[dim];
        for (int i = dim - 1; i >= 0; i--) {
            double s = b[i];
            for (int c = i + 1; c < dim; c++) {
                s -= r[i][c] * u[c];
            }
            u[i] = s / r[i][i];
        }
        return u;
    }

    /** Rᵀ u = b, R upper triangular. */
    static double[] solveUpperTransposed(double[][] r, double[] b) {
        int dim = b.length;
        double[] u = new double[dim];
        for (int i = 0; i < dim; i++) {
            double s = b[i];
            for (int c = 0; c < i; c++) {
                s -= r[c][i] * u[c];
            }
            u[i] = s / r[i][i];
        }
        return u;
    }
}
