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
    private final double s;
    private final double[][] covariance;

    ObsFitResult(FitResult centralFit, List<Obs> parameters, double s) {
        this.centralFit = centralFit;
        this.parameters = List.copyOf(parameters);
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

    /** The fitted function at x as an observable, f(x; p) with fluctuations Σ_a ∂f/∂p_a δp_a. */
    public Obs at(double x) {
        double[] p = centralFit.parameters();
        return Obs.linearCombination(model().value(x, p), model().gradient(x, p), parameters);
    }

    /** The fitted curve at xs with the band σ_f² = gᵀ C_p g from {@link #parameterCovariance()}. */
    public FitCurve curve(double[] xs) {
        return FitCurve.of(model(), centralFit.parameters(), covariance, xs);
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
