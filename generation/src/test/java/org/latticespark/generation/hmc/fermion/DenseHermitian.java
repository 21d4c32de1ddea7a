package org.latticespark.generation.hmc.fermion;

import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.latticespark.lattice.fermion.LinearOperator;

/**
 * A small Hermitian operator as a dense matrix, for exact functions f(A) by eigen-decomposition. On flat (re, im)
 * vectors a Hermitian A acts as a real symmetric matrix (each entry a becomes [[Re a, −Im a], [Im a, Re a]]), and
 * f of that matrix is the real form of f(A): every eigenvalue appears twice, which does not matter for f(A) v.
 */
final class DenseHermitian {
    private final int n;
    private final double[] eigenvalues;
    private final DMatrixRMaj vectors;

    DenseHermitian(LinearOperator a) {
        n = a.length();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] e = new double[n], col = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(e, 0.0);
            e[j] = 1;
            a.apply(e, col);
            for (int i = 0; i < n; i++) m.set(i, j, col[i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(m.get(i, j) - m.get(j, i)) > 1e-12) throw new AssertionError("operator is not Hermitian");
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) throw new AssertionError("eigen decomposition failed");
        eigenvalues = new double[n];
        vectors = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            eigenvalues[k] = eig.getEigenvalue(k).getReal();
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < n; i++) vectors.set(i, k, v.get(i, 0));
        }
    }

    /** All eigenvalues (each twice), unsorted. */
    double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** f(A) v. */
    double[] apply(DoubleUnaryOperator f, double[] v) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double c = 0;
            for (int i = 0; i < n; i++) c += vectors.get(i, k) * v[i];
            c *= f.applyAsDouble(eigenvalues[k]);
            for (int i = 0; i < n; i++) out[i] += c * vectors.get(i, k);
        }
        return out;
    }
}
