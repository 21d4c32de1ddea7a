package org.latticespark.analysis.fit;

import java.util.List;
import org.latticespark.analysis.Obs;

/**
 * A fit to observables: the fit of the central values and the parameters as observables. The parameter
 * covariance is {@link Obs#covariance} of the parameters (pyerrors' convention: lag-0 correlations rescaled by
 * the full Γ-method errors), computed with the S of the fit.
 */
public final class ObsFitResult {
    private final FitResult centralFit;
    private final List<Obs> parameters;
    private final List<Obs> data;
    private final double s;
    private final double[][] covariance;

    ObsFitResult(FitResult centralFit, List<Obs> parameters, List<Obs> data, double s) {
        this.centralFit = centralFit;
        this.parameters = List.copyOf(parameters);
        this.data = List.copyOf(data);
        this.s = s;
        this.covariance = Obs.covariance(this.parameters, s);
    }

    /** The fit of the central values: χ², dof, p-value, expected χ², naive errors, dp/dy. */
    public FitResult centralFit() {
        return centralFit;
    }

    public FitModel model() {
        return centralFit.model();
    }

    /** The parameters as observables, in the model's order. */
    public List<Obs> parameters() {
        return parameters;
    }

    public Obs parameter(int a) {
        return parameters.get(a);
    }

    /** Γ-method errors of the parameters (the square roots of the diagonal of {@link #parameterCovariance()}). */
    public double[] errors() {
        double[] e = new double[covariance.length];
        for (int a = 0; a < e.length; a++) {
            e[a] = Math.sqrt(covariance[a][a]);
        }
        return e;
    }

    /** Covariance of the parameter observables (k×k). */
    public double[][] parameterCovariance() {
        double[][] out = new double[covariance.length][];
        for (int a = 0; a < out.length; a++) {
            out[a] = covariance[a].clone();
        }
        return out;
    }

    /**
     * The fitted function at x as an observable, f(x; p) with fluctuations Σ_a ∂f/∂p_a δp_a, formed from the
     * data as Σ_i (gᵀ dp/dy)_i δy_i so that large, strongly correlated δp_a do not cancel in the sum.
     */
    public Obs at(double x) {
        double[] p = centralFit.parameters();
        return Obs.linearCombination(model().value(x, p), centralFit.dataWeights(model().gradient(x, p)), data);
    }

    /**
     * The fitted curve at xs with its band: the Γ-method error of {@link #at}(x), the fitted function as an
     * observable — what pyerrors gives for the model evaluated on the parameter observables. The
     * autocorrelation of f(x) itself enters, so the band does not depend on how the model is parametrised
     * (gᵀ C_p g with C_p = {@link #parameterCovariance()} would: it weights lag-0 correlations by each
     * parameter's own τ_int). Costs one Γ-method analysis per x.
     */
    public FitCurve curve(double[] xs) {
        return FitCurve.withErrors(model(), centralFit.parameters(), xs, x -> at(x).analyze(s).error());
    }

    /** Wolff's S used for the errors. */
    public double s() {
        return s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(model().name()).append(centralFit.correlated() ? ", correlated" : ", uncorrelated")
                .append(": chi2/dof = ").append(centralFit.chiSquare()).append('/').append(centralFit.dof());
        double[] e = errors();
        for (int a = 0; a < e.length; a++) {
            b.append(", ").append(model().parameterNames().get(a)).append(" = ")
                    .append(parameters.get(a).value()).append(" +- ").append(e[a]);
        }
        return b.toString();
    }
}
