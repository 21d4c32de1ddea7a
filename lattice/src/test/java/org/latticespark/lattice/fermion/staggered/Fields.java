package org.latticespark.lattice.fermion.staggered;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.geometry.Lattice;

/** Complex vectors as flat (re, im) arrays, and dense spectra of small operators. */
final class Fields {
    private Fields() {}






    /** A full field that equals the half-vector on the sites of parity p and vanishes elsewhere. */
    static double[] embed(Lattice lat, int p, double[] half, int colours) {
        int len = 2 * colours;
        double[] full = new double[lat.volume() * len];
        int[] sites = lat.sitesOfParity(p);
        for (int i = 0; i < sites.length; i++) System.arraycopy(half, i * len, full, sites[i] * len, len);
        return full;
    }

    static double[] restrict(Lattice lat, int p, double[] full, int colours) {
        int len = 2 * colours;
        int[] sites = lat.sitesOfParity(p);
        double[] half = new double[sites.length * len];
        for (int i = 0; i < sites.length; i++) System.arraycopy(full, sites[i] * len, half, i * len, len);
        return half;
    }

    /**
     * Eigenvalues of a Hermitian operator A = X + iY, ascending, from the real symmetric [[X, −Y], [Y, X]]
     * built column by column (each eigenvalue of A appears there twice; the pairs are checked and merged).
     */
    static double[] hermitianSpectrum(LinearOperator a) {
        int dim = a.length() / 2;
        DMatrixRMaj big = new DMatrixRMaj(2 * dim, 2 * dim);
        double[] e = new double[a.length()];
        double[] col = new double[a.length()];
        for (int j = 0; j < dim; j++) {
            java.util.Arrays.fill(e, 0.0);
            e[2 * j] = 1.0;
            a.apply(e, col);
            for (int i = 0; i < dim; i++) {
                double x = col[2 * i], y = col[2 * i + 1];
                big.set(i, j, x);
                big.set(i + dim, j + dim, x);
                big.set(i + dim, j, y);
                big.set(i, j + dim, -y);
            }
        }
        for (int i = 0; i < 2 * dim; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(big.get(i, j) - big.get(j, i)) > 1e-13) {
                    throw new AssertionError("operator is not Hermitian at (" + i + ", " + j + ")");
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * dim, false, true);
        if (!eig.decompose(big)) throw new AssertionError("eigen decomposition failed");
        double[] all = new double[2 * dim];
        for (int k = 0; k < all.length; k++) {
            if (Math.abs(eig.getEigenvalue(k).getImaginary()) > 1e-12) throw new AssertionError("complex eigenvalue");
            all[k] = eig.getEigenvalue(k).getReal();
        }
        java.util.Arrays.sort(all);
        double[] merged = new double[dim];
        for (int k = 0; k < dim; k++) {
            if (Math.abs(all[2 * k] - all[2 * k + 1]) > 1e-10 * Math.max(1, Math.abs(all[2 * k]))) {
                throw new AssertionError("eigenvalues of the real embedding must come in pairs: " + all[2 * k]
                        + " vs " + all[2 * k + 1]);
            }
            merged[k] = all[2 * k];
        }
        return merged;
    }
}
