package org.latticespark.analysis.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * A quadratic fitted to 11 points x = x0, x0 + 1, ..., x0 + 10. In t = x − (x0 + 5) the design has
 * Σ1 = 11, Σt² = 110, Σt⁴ = 1958 and odd sums 0, so with equal errors σ
 * <pre>
 *   err(c2)² = σ² · 11/9438,   dc2/dy_i = (11 t_i² − 110)/9438,
 *   σ_f(t)²  = σ² · [(1958 − 220 t² + 11 t⁴)/9438 + t²/110],
 * </pre>
 * whatever x0 (9438 = 11 · 1958 − 110²): c2 and f at a data point do not depend on where x starts, while the
 * other parameters, and their correlations, grow with x0.
 */
final class ShiftedQuadratic {
    static final int N = 11;
    static final double[] SHIFTS = {0, 1e3, 1e4, 1e5, 1e6};

    private ShiftedQuadratic() {
    }

    static double[] points(double x0) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = x0 + i;
        }
        return x;
    }

    static double t(int i) {
        return i - 5;
    }

    static double curvatureError(double sigma) {
        return sigma * Math.sqrt(11.0 / 9438);
    }

    static double curvatureDerivative(int i) {
        return (11 * t(i) * t(i) - 110) / 9438;
    }

    static double band(double sigma, int i) {
        double t2 = t(i) * t(i);
        return sigma * Math.sqrt((1958 - 220 * t2 + 11 * t2 * t2) / 9438 + t2 / 110);
    }

    /**
     * The relative accuracy a backward-stable least-squares solver can promise for these errors, 2 ε κ, κ the
     * 2-norm condition number of the column-scaled whitened design L⁻¹ X D⁻¹ (C = L Lᵀ): rounding the design's
     * entries alone moves the exact answer by about ε κ. κ grows as x0²: ε κ = 1e-8, 1e-6, 1e-4 at
     * x0 = 1e4, 1e5, 1e6. Measured deviations of the fits: at most 0.4 ε κ. Errors from Xᵀ W X go as ε κ².
     */
    static double tolerance(double[] x, double[][] covariance) {
        int n = x.length;
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(new DMatrixRMaj(covariance))) {
            throw new IllegalArgumentException("covariance not positive definite");
        }
        DMatrixRMaj l = chol.getT(null);
        DMatrixRMaj a = new DMatrixRMaj(n, 3);
        for (int c = 0; c < 3; c++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double s = Math.pow(x[i], c);
                for (int m = 0; m < i; m++) {
                    s -= l.get(i, m) * a.get(m, c);
                }
                a.set(i, c, s / l.get(i, i));
                norm += a.get(i, c) * a.get(i, c);
            }
            for (int i = 0; i < n; i++) {
                a.set(i, c, a.get(i, c) / Math.sqrt(norm));
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, 3, false, false, true);
        svd.decompose(a);
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (double s : svd.getSingularValues()) {
            largest = Math.max(largest, s);
            smallest = Math.min(smallest, s);
        }
        return 2 * Math.ulp(1.0) * largest / smallest;
    }
}
