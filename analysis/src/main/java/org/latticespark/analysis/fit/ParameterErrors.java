package org.latticespark.analysis.fit;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Errors at the minimum as in pyerrors' {@code least_squares}: H the full Hessian of χ² = rᵀ W r (r = y − f),
 * H = 2 (Jᵀ W J − Σ_i (W r)_i ∇²f_i), the model's second derivatives included; the naive covariance
 * 2 H⁻¹; and dp/dy = −H⁻¹ ∂²χ²/∂p∂y = 2 H⁻¹ Jᵀ W, W held fixed.
 */
final class ParameterErrors {
    final double[][] covariance;
    final double[][] jacobian;

    private ParameterErrors(double[][] covariance, double[][] jacobian) {
        this.covariance = covariance;
        this.jacobian = jacobian;
    }

    static ParameterErrors at(WeightedModel problem, double[] p, double[] whitenedResiduals) {
        int n = problem.size();
        int k = p.length;
        DMatrixRMaj a = problem.whitenedJacobian(p);
        if (a == null) {
            throw new FitException("model gradient is not finite at the minimum p = " + Arrays.toString(p));
        }
        DMatrixRMaj hessian = problem.halfHessian(p, whitenedResiduals, a);
        // hessian now holds H / 2, whose inverse is the naive covariance 2 H⁻¹.
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.symmPosDef(k);
        DMatrixRMaj inverse = new DMatrixRMaj(k, k);
        if (!cholesky.setA(hessian.copy())) {
            throw new FitException("the Hessian of chi2 at the minimum is not positive definite: the data do not"
                    + " determine all parameters of '" + problem.model().name() + "' " + problem.model().parameterNames()
                    + " (or the minimiser stopped at a saddle point); p = " + Arrays.toString(p));
        }
        cholesky.invert(inverse);
        double[][] covariance = new double[k][k];
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                covariance[u][v] = 0.5 * (inverse.get(u, v) + inverse.get(v, u));
                if (!Double.isFinite(covariance[u][v])) {
                    throw new FitException("parameter covariance is not finite: the data do not determine the"
                            + " parameters " + problem.model().parameterNames() + " at p = " + Arrays.toString(p));
                }
            }
        }
        double[][] jtw = new double[k][];
        double[] column = new double[n];
        for (int u = 0; u < k; u++) {
            for (int i = 0; i < n; i++) {
                column[i] = a.get(i, u);
            }
            jtw[u] = problem.whitening().whitenTransposed(column);
        }
        double[][] dpdy = new double[k][n];
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                double c = covariance[u][v];
                for (int i = 0; i < n; i++) {
                    dpdy[u][i] += c * jtw[v][i];
                }
            }
        }
        return new ParameterErrors(covariance, dpdy);
    }
}
