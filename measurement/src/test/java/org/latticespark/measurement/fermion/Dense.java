package org.latticespark.measurement.fermion;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.latticespark.lattice.fermion.LinearOperator;

/** Dense reference matrices (EJML) of a linear operator, built column by column from unit vectors. */
final class Dense {
    private Dense() {}

    static ZMatrixRMaj matrix(LinearOperator op) {
        int n = op.length() / 2;
        ZMatrixRMaj a = new ZMatrixRMaj(n, n);
        double[] unit = new double[op.length()];
        double[] column = new double[op.length()];
        for (int j = 0; j < n; j++) {
            unit[2 * j] = 1;
            op.apply(unit, column);
            unit[2 * j] = 0;
            for (int i = 0; i < n; i++) a.set(i, j, column[2 * i], column[2 * i + 1]);
        }
        return a;
    }

    static ZMatrixRMaj inverse(LinearOperator op) {
        ZMatrixRMaj a = matrix(op);
        ZMatrixRMaj inv = new ZMatrixRMaj(a.numRows, a.numCols);
        if (!CommonOps_ZDRM.invert(a, inv)) throw new AssertionError("dense operator matrix is singular");
        return inv;
    }

    /** c · Re tr B. */
    static double reTrace(ZMatrixRMaj b, double c) {
        double s = 0;
        for (int i = 0; i < b.numRows; i++) s += b.getReal(i, i);
        return c * s;
    }

    /**
     * The exact variance of the one-vector estimate c · Re η†Bη for each noise kind. With H = c (B + B†)/2
     * (Re η†Bη = η†Hη): Z2 (real ±1): Σ_{i≠j} 2 (Re H_ij)²; Z4: Σ_{i≠j} |H_ij|²; complex Gaussian with
     * E|η|² = 1, E η² = 0: tr H² = Σ_{i,j} |H_ij|², larger than Z4 by Σ_i H_ii².
     */
    static double variance(ZMatrixRMaj b, double c, NoiseKind kind) {
        double s = 0;
        for (int i = 0; i < b.numRows; i++) {
            for (int j = 0; j < b.numCols; j++) {
                double hRe = 0.5 * c * (b.getReal(i, j) + b.getReal(j, i));
                double hIm = 0.5 * c * (b.getImag(i, j) - b.getImag(j, i));
                if (i == j) {
                    if (kind == NoiseKind.GAUSSIAN) s += hRe * hRe;
                } else {
                    s += kind == NoiseKind.Z2 ? 2 * hRe * hRe : hRe * hRe + hIm * hIm;
                }
            }
        }
        return s;
    }
}
