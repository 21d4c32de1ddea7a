package org.latticespark.analysis.fit;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The outcome of a least-squares fit to numbers (see {@link LeastSquares}). Conventions:
 * <ul>
 *   <li>χ² = rᵀ W r, r = y − f(x; p), W = C⁻¹ (correlated) or diag(1/σ²) (uncorrelated); dof = n − k.</li>
 *   <li>χ²/dof and the p-value (upper tail of the χ² distribution with dof degrees of freedom) are NaN
 *       when dof = 0.</li>
 *   <li>{@link #covariance()} = 2 H⁻¹, H the full Hessian of χ² at the minimum (second derivatives of the
 *       model included); for a linear model, or a perfect fit, this is (Jᵀ W J)⁻¹. It assumes the data
 *       covariance is W⁻¹; it ignores autocorrelations of Monte Carlo data, which {@link ObsFit} includes.</li>
 *   <li>{@link #parameterJacobian()} = dp_a/dy_i = 2 (H⁻¹ Jᵀ W)_ai at fixed W, as pyerrors.</li>
 *   <li>{@link #expectedChiSquare()} = tr[C W (1 − P)], P = J (Jᵀ W J)⁻¹ Jᵀ W (Bruno &amp; Sommer,
 *       arXiv:2209.14371), C the data covariance; NaN when C is not known. For C = W⁻¹ it equals dof.</li>
 * </ul>
 * Arrays are copied on the way out.
 */
public final class FitResult {
    private final FitModel model;
    private final boolean correlated;
    private final double[] parameters;
    private final double[][] covariance;
    private final double[][] jacobian;
    private final HalfHessian hessian;
    private final double chiSquare;
    private final int dof;
    private final int iterations;
    private final double expectedChiSquare;

    FitResult(FitModel model, boolean correlated, double[] parameters, ParameterErrors errors,
              double chiSquare, int dof, int iterations, double expectedChiSquare) {
        this.model = model;
        this.correlated = correlated;
        this.parameters = parameters;
        this.covariance = errors.covariance;
        this.jacobian = errors.jacobian;
        this.hessian = errors.hessian;
        this.chiSquare = chiSquare;
        this.dof = dof;
        this.iterations = iterations;
        this.expectedChiSquare = expectedChiSquare;
    }

    public FitModel model() {
        return model;
    }

    public List<String> parameterNames() {
        return model.parameterNames();
    }

    /** Whether W was the inverse of a full covariance matrix. */
    public boolean correlated() {
        return correlated;
    }

    public double[] parameters() {
        return parameters.clone();
    }

    public double parameter(int a) {
        return parameters[a];
    }

    /** sqrt of the diagonal of {@link #covariance()}. */
    public double[] errors() {
        double[] e = new double[parameters.length];
        for (int a = 0; a < e.length; a++) {
            e[a] = Math.sqrt(covariance[a][a]);
        }
        return e;
    }

    /** Naive parameter covariance 2 H⁻¹ (k×k). */
    public double[][] covariance() {
        return copy(covariance);
    }

    /** dp_a/dy_i (k×n). */
    public double[][] parameterJacobian() {
        return copy(jacobian);
    }

    public double chiSquare() {
        return chiSquare;
    }

    public int dof() {
        return dof;
    }

    /** χ²/dof, NaN for dof = 0. */
    public double chiSquarePerDof() {
        return dof > 0 ? chiSquare / dof : Double.NaN;
    }

    /** Probability of a χ² at least this large, NaN for dof = 0. */
    public double pValue() {
        return dof > 0 ? ChiSquaredDistribution.of(dof).survivalProbability(chiSquare) : Double.NaN;
    }

    /** Accepted Levenberg–Marquardt steps. */
    public int iterations() {
        return iterations;
    }

    /** χ²_exp, NaN when the data covariance is not known. */
    public double expectedChiSquare() {
        return expectedChiSquare;
    }

    /** χ² / χ²_exp, NaN when χ²_exp is. */
    public double chiSquareByExpected() {
        return chiSquare / expectedChiSquare;
    }

    /** f(x; p) at the fitted parameters. */
    public double value(double x) {
        return model.value(x, parameters);
    }

    /** The fitted curve at xs with the band σ_f² = gᵀ C g, C = {@link #covariance()}. */
    public FitCurve curve(double[] xs) {
        return FitCurve.of(model, parameters, xs, hessian::quadraticForm);
    }

    /**
     * Σ_a c_a dp_a/dy_i, i.e. cᵀ {@link #parameterJacobian()}, formed before the ill-conditioned solves:
     * accurate even where the rows of dp/dy are huge and cancel in the sum.
     */
    double[] dataWeights(double[] c) {
        return hessian.dataWeights(c);
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(model.name()).append(correlated ? ", correlated" : ", uncorrelated")
                .append(": chi2/dof = ").append(chiSquare).append('/').append(dof)
                .append(", p = ").append(pValue());
        if (!Double.isNaN(expectedChiSquare)) {
            s.append(", chi2/chi2_exp = ").append(chiSquareByExpected());
        }
        double[] e = errors();
        for (int a = 0; a < parameters.length; a++) {
            s.append(", ").append(model.parameterNames().get(a)).append(" = ").append(parameters[a])
                    .append(" +- ").append(e[a]);
        }
        return s.toString();
    }
}
