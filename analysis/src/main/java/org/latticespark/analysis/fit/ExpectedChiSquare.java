package org.latticespark.analysis.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Expected χ² of a fit with weights W to data of covariance C (Bruno &amp; Sommer, arXiv:2209.14371):
 * χ²_exp = tr[C W (1 − P)], P = J (Jᵀ W J)⁻¹ Jᵀ W. With W = L⁻ᵀ L⁻¹ and A = L⁻¹ J this is
 * tr[C̃ (1 − Q Qᵀ)], C̃ = L⁻¹ C L⁻ᵀ and Q an orthonormal basis of the columns of A. For C = W⁻¹ it is n − k.
 */
final class ExpectedChiSquare {
    private ExpectedChiSquare() {
    }

    static double of(WeightedModel problem, double[] p, double[][] dataCovariance) {
        int n = problem.size();
        int k = p.length;
        double[][] whitened = problem.whitening().whitenBothSides(dataCovariance);
        DMatrixRMaj a = problem.whitenedJacobian(p);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, k);
        qr.decompose(a.copy());
        DMatrixRMaj q = qr.getQ(null, true);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += whitened[i][i];
        }
        double[] cq = new double[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += whitened[i][j] * q.get(j, c);
                }
                cq[i] = s;
            }
            for (int i = 0; i < n; i++) {
                trace -= q.get(i, c) * cq[i];
            }
        }
        return trace;
    }
}
