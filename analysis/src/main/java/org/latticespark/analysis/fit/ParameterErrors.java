package org.latticespark.analysis.fit;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Errors at the minimum as in pyerrors' {@code least_squares}: H the full Hessian of χ² = rᵀ W r (r = y − f),
 * H = 2 (Jᵀ W J − Σ_i (W r)_i ∇²f_i), the model's second derivatives included; the naive covariance
 * 2 H⁻¹ = (H/2)⁻¹; and dp/dy = −H⁻¹ ∂²χ²/∂p∂y = 2 H⁻¹ Jᵀ W, W held fixed. Both come from the factorisation
 * of {@link HalfHessian}, never from an inverse of H; the covariance as the Gram matrix of the columns of
 * G⁻ᵀ (H/2 = GᵀG), so it is exactly symmetric and positive semi-definite.
 */
final class ParameterErrors {
    final double[][] covariance;
    final double[][] jacobian;
    final HalfHessian hessian;

    private ParameterErrors(double[][] covariance, double[][] jacobian, HalfHessian hessian) {
        this.covariance = covariance;
        this.jacobian = jacobian;
        this.hessian = hessian;
    }

    static ParameterErrors at(WeightedModel problem, double[] p, double[] whitenedResiduals) {
        int k = p.length;
        DMatrixRMaj a = problem.whitenedJacobian(p);
        if (a == null) {
            throw new FitException("model gradient is not finite at the minimum p = " + Arrays.toString(p));
        }
        HalfHessian hessian = HalfHessian.at(problem, p, whitenedResiduals, a);
        double[][] roots = new double[k][];
        double[][] dpdy = new double[k][];
        for (int u = 0; u < k; u++) {
            double[] unit = new double[k];
            unit[u] = 1;
            roots[u] = hessian.rootInverse(unit);
            dpdy[u] = hessian.dataWeights(unit);
        }
        double[][] covariance = new double[k][k];
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                covariance[u][v] = LevenbergMarquardt.dot(roots[u], roots[v]);
                if (!Double.isFinite(covariance[u][v])) {
                    throw new FitException("parameter covariance is not finite: the data do not determine the"
                            + " parameters " + problem.model().parameterNames() + " at p = " + Arrays.toString(p));
                }
            }
            for (double d : dpdy[u]) {
                if (!Double.isFinite(d)) {
                    throw new FitException("dp/dy is not finite: the data do not determine the parameters "
                            + problem.model().parameterNames() + " at p = " + Arrays.toString(p));
                }
            }
        }
        return new ParameterErrors(covariance, dpdy, hessian);
    }
}
