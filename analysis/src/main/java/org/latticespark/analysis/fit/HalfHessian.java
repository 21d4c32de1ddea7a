package org.latticespark.analysis.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Half the Hessian of χ² at p, H/2 = AᵀA − S with A = L⁻¹J the whitened Jacobian and S = Σ_i (W r)_i ∇²f_i,
 * factorised without forming AᵀA, whose condition number is that of A squared: with D the column norms of A
 * (Jacobi scaling) and A D⁻¹ = Q R (Householder, Q n×k with orthonormal columns),
 * <pre>
 *   H/2 = D Rᵀ M R D,   M = 1 − R⁻ᵀ D⁻¹ S D⁻¹ R⁻¹ = K Kᵀ (Cholesky).
 * </pre>
 * M = 1 for a model linear in its parameters and stays close to 1 for a sensible fit; everything else is
 * triangular solves, so quantities the data determine well (errors of well-measured combinations, the band at
 * the data) come out as accurately as the conditioning of A itself allows.
 */
final class HalfHessian {
    /**
     * Below this reciprocal 2-norm condition number of A D⁻¹ the parameters are refused as undetermined: their
     * errors would carry relative rounding errors of order ε / rcond &gt; 2e-3, and none is left a few decades on.
     */
    static final double MIN_RECIPROCAL_CONDITION = 1e-13;

    private final double[] scale;
    private final DMatrixRMaj q;
    private final double[][] r;
    private final double[][] k;
    private final Whitening whitening;

    private HalfHessian(double[] scale, DMatrixRMaj q, double[][] r, double[][] k, Whitening whitening) {
        this.scale = scale;
        this.q = q;
        this.r = r;
        this.k = k;
        this.whitening = whitening;
    }

    /**
     * @param a the whitened Jacobian at p (finite)
     * @throws FitException if a parameter does not change the model at the data, if the columns of A are
     *                      (numerically) linearly dependent, or if H is not positive definite
     */
    static HalfHessian at(WeightedModel problem, double[] p, double[] whitenedResiduals, DMatrixRMaj a) {
        int n = a.numRows;
        int dim = a.numCols;
        FitModel model = problem.model();
        double[] scale = columnNorms(a);
        DMatrixRMaj scaled = new DMatrixRMaj(n, dim);
        for (int c = 0; c < dim; c++) {
            if (!(scale[c] > 0)) {
                throw new FitException("the Hessian of chi2 at the minimum is not positive definite: parameter "
                        + model.parameterNames().get(c) + " of '" + model.name() + "' does not change the model at"
                        + " any data point (zero derivative), so the data do not determine it; p = "
                        + Arrays.toString(p));
            }
            for (int i = 0; i < n; i++) {
                scaled.set(i, c, a.get(i, c) / scale[c]);
            }
        }
        checkRank(scaled, model, p);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, dim);
        if (!qr.decompose(scaled.copy())) {
            throw new FitException("QR decomposition of the Jacobian of '" + model.name() + "' failed at p = "
                    + Arrays.toString(p));
        }
        DMatrixRMaj q = qr.getQ(null, true);
        double[][] r = toArray(qr.getR(null, true));
        double[][] m = curvatureTerm(r, problem.residualCurvature(p, whitenedResiduals), scale, model, p);
        double[][] k = Triangular.cholesky(m);
        if (k == null) {
            throw new FitException("the Hessian of chi2 at the minimum is not positive definite: the data do not"
                    + " determine all parameters of '" + model.name() + "' " + model.parameterNames()
                    + " (or the minimiser stopped at a saddle point); p = " + Arrays.toString(p));
        }
        return new HalfHessian(scale, q, r, k, problem.whitening());
    }

    /**
     * G⁻ᵀ g = K⁻¹ R⁻ᵀ D⁻¹ g for H/2 = Gᵀ G, G = Kᵀ R D; so gᵀ (H/2)⁻¹ h is the dot product of the images
     * of g and h, and gᵀ (H/2)⁻¹ g their squared norm, formed without cancellation between large terms.
     */
    double[] rootInverse(double[] g) {
        double[] v = new double[g.length];
        for (int c = 0; c < v.length; c++) {
            v[c] = g[c] / scale[c];
        }
        return Triangular.solveLower(k, Triangular.solveUpperTransposed(r, v));
    }

    /** gᵀ (H/2)⁻¹ g. */
    double quadraticForm(double[] g) {
        double sum = 0;
        for (double w : rootInverse(g)) {
            sum += w * w;
        }
        return sum;
    }

    /** The Newton step (H/2)⁻¹ Aᵀ r = D⁻¹ R⁻¹ M⁻¹ Qᵀ r for whitened residuals r. */
    double[] newtonStep(double[] whitenedResiduals) {
        double[] u = Triangular.solveUpper(r, solveM(transposedTimes(q, whitenedResiduals)));
        for (int c = 0; c < u.length; c++) {
            u[c] /= scale[c];
        }
        return u;
    }

    /**
     * Σ_a c_a dp_a/dy_i (an n-vector), dp/dy = (H/2)⁻¹ Jᵀ W = D⁻¹ R⁻¹ M⁻¹ Qᵀ L⁻¹, so the sum is
     * L⁻ᵀ Q M⁻¹ R⁻ᵀ D⁻¹ c: the combination is formed before the ill-conditioned solves, not after.
     */
    double[] dataWeights(double[] c) {
        double[] v = new double[c.length];
        for (int a = 0; a < v.length; a++) {
            v[a] = c[a] / scale[a];
        }
        double[] t = solveM(Triangular.solveUpperTransposed(r, v));
        double[] s = new double[q.numRows];
        for (int i = 0; i < s.length; i++) {
            double sum = 0;
            for (int a = 0; a < t.length; a++) {
                sum += q.get(i, a) * t[a];
            }
            s[i] = sum;
        }
        return whitening.whitenTransposed(s);
    }

    private static double[] columnNorms(DMatrixRMaj a) {
        double[] norms = new double[a.numCols];
        for (int c = 0; c < norms.length; c++) {
            double largest = 0;
            for (int i = 0; i < a.numRows; i++) {
                largest = Math.max(largest, Math.abs(a.get(i, c)));
            }
            if (largest == 0) {
                continue;
            }
            double sum = 0;
            for (int i = 0; i < a.numRows; i++) {
                double x = a.get(i, c) / largest;
                sum += x * x;
            }
            norms[c] = largest * Math.sqrt(sum);
        }
        return norms;
    }

    /** Refuses A D⁻¹ whose reciprocal condition number is below {@link #MIN_RECIPROCAL_CONDITION}. */
    private static void checkRank(DMatrixRMaj scaled, FitModel model, double[] p) {
        int dim = scaled.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(scaled.numRows, dim, false, true, true);
        if (!svd.decompose(scaled.copy())) {
            throw new FitException("singular value decomposition of the Jacobian of '" + model.name()
                    + "' failed at p = " + Arrays.toString(p));
        }
        double[] singular = svd.getSingularValues();
        int smallest = 0;
        double largest = 0;
        for (int c = 0; c < dim; c++) {
            largest = Math.max(largest, singular[c]);
            if (singular[c] < singular[smallest]) {
                smallest = c;
            }
        }
        double reciprocal = singular[smallest] / largest;
        if (!(reciprocal >= MIN_RECIPROCAL_CONDITION)) {
            DMatrixRMaj v = svd.getV(null, false);
            List<String> involved = new ArrayList<>();
            for (int c = 0; c < dim; c++) {
                if (Math.abs(v.get(c, smallest)) > 0.1) {
                    involved.add(model.parameterNames().get(c));
                }
            }
            throw new FitException("the Hessian of chi2 at the minimum is not positive definite: the data do not"
                    + " determine all parameters of '" + model.name() + "' " + model.parameterNames()
                    + ", as the model's derivatives with respect to " + involved + " are (numerically) linearly"
                    + " dependent at the data points (reciprocal condition number " + reciprocal + " of the"
                    + " column-scaled whitened Jacobian, below " + MIN_RECIPROCAL_CONDITION + "): the model is"
                    + " degenerate in these parameters, or the data cannot tell them apart; p = "
                    + Arrays.toString(p));
        }
    }

    /** M = 1 − R⁻ᵀ S' R⁻¹ with S' = D⁻¹ S D⁻¹, symmetrised. */
    private static double[][] curvatureTerm(double[][] r, double[][] s, double[] scale, FitModel model, double[] p) {
        int dim = r.length;
        double[][] y = new double[dim][];
        double[] column = new double[dim];
        for (int b = 0; b < dim; b++) {
            for (int a = 0; a < dim; a++) {
                column[a] = s[a][b] / (scale[a] * scale[b]);
                if (!Double.isFinite(column[a])) {
                    throw new FitException("second derivatives of '" + model.name() + "' are not finite at the"
                            + " minimum p = " + Arrays.toString(p));
                }
            }
            y[b] = Triangular.solveUpperTransposed(r, column);
        }
        // y[b] = column b of R⁻ᵀ S'; row a of R⁻ᵀ S' R⁻¹ is then R⁻ᵀ applied to row a of R⁻ᵀ S' (S' symmetric).
        double[][] m = new double[dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                column[b] = y[b][a];
            }
            double[] row = Triangular.solveUpperTransposed(r, column);
            for (int b = 0; b < dim; b++) {
                m[a][b] -= 0.5 * row[b];
                m[b][a] -= 0.5 * row[b];
            }
            m[a][a] += 1;
        }
        return m;
    }

    /** M⁻¹ v = K⁻ᵀ K⁻¹ v. */
    private double[] solveM(double[] v) {
        return Triangular.solveLowerTransposed(k, Triangular.solveLower(k, v));
    }

    private static double[] transposedTimes(DMatrixRMaj q, double[] v) {
        double[] out = new double[q.numCols];
        for (int a = 0; a < out.length; a++) {
            double s = 0;
            for (int i = 0; i < q.numRows; i++) {
                s += q.get(i, a) * v[i];
            }
            out[a] = s;
        }
        return out;
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
