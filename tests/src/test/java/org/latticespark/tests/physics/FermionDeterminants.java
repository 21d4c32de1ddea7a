package org.latticespark.tests.physics;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * Exact fermion determinants of small lattices from dense matrices, as logarithms so that they never overflow.
 *
 * <p>The staggered Nf = 4 pseudofermion weighs a configuration by det A with A = m² − D_eo D_oe on the even sites
 * (V/2·N complex dimensions). A is Hermitian positive definite (A ≥ m²), so A = L L† (Cholesky) and
 * ln det A = 2 Σ_i ln L_ii. Since D only connects opposite parities, det(D + m) = det(m² − D_oe D_eo) = det A
 * (the odd–odd and even–even blocks of m² − D² have the same spectrum), which {@link #logAbsDet} checks via LU.
 */
final class FermionDeterminants {
    private FermionDeterminants() {}

    /** ln det(m² − D_eo D_oe), the log of the staggered Nf = 4 pseudofermion weight of {@code u}. */
    static double staggeredEvenNormal(GaugeField u, double mass, Parallelism par) {
        return logDetHermitianPositive(new StaggeredOperator(u, mass, par).evenNormal());
    }

    /** ln det of a Hermitian positive definite operator by Cholesky; throws if the factorisation fails. */
    static double logDetHermitianPositive(LinearOperator a) {
        ZMatrixRMaj dense = dense(a);
        int n = dense.numRows;
        CholeskyDecomposition_F64<ZMatrixRMaj> chol = DecompositionFactory_ZDRM.chol(n, true);
        if (!chol.decompose(dense)) throw new IllegalStateException("operator is not Hermitian positive definite");
        ZMatrixRMaj l = chol.getT(null);
        double logDet = 0;
        for (int i = 0; i < n; i++) logDet += 2 * Math.log(l.getReal(i, i));
        return logDet;
    }

    /** ln |det a| of any complex-linear operator, from the diagonal of its LU factorisation. */
    static double logAbsDet(LinearOperator a) {
        ZMatrixRMaj dense = dense(a);
        int n = dense.numRows;
        LUDecomposition_F64<ZMatrixRMaj> lu = DecompositionFactory_ZDRM.lu(n, n);
        if (!lu.decompose(dense)) throw new IllegalStateException("LU decomposition failed");
        ZMatrixRMaj upper = lu.getUpper(null);
        double logDet = 0;
        for (int i = 0; i < n; i++) logDet += Math.log(Math.hypot(upper.getReal(i, i), upper.getImag(i, i)));
        return logDet;
    }

    /** The matrix of a complex-linear operator: column j is a e_j. */
    static ZMatrixRMaj dense(LinearOperator a) {
        int n = a.length() / 2;
        ZMatrixRMaj m = new ZMatrixRMaj(n, n);
        double[] e = new double[a.length()];
        double[] column = new double[a.length()];
        for (int j = 0; j < n; j++) {
            e[2 * j] = 1;
            a.apply(e, column);
            e[2 * j] = 0;
            for (int i = 0; i < n; i++) m.set(i, j, column[2 * i], column[2 * i + 1]);
        }
        return m;
    }
}
