package org.latticespark.analysis.fit;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.Obs;

/**
 * Fits to Monte Carlo observables, as pyerrors' {@code least_squares}: the central values are fitted by
 * {@link LeastSquares}, with C = {@link Obs#covariance} (correlated) or the Γ-method errors σ_i = sqrt(C_ii)
 * (uncorrelated); each parameter then becomes the observable
 * {@code Obs.linearCombination(p_a, dp_a/dy, y)}, so its error includes autocorrelations and the correlations
 * between the data, and it can be propagated further. dp/dy is that of {@link FitResult#parameterJacobian()},
 * with W fixed. The expected χ² of an uncorrelated fit uses C as the data covariance, unless the options give
 * another.
 */
public final class ObsFit {
    private ObsFit() {
    }

    /** With Wolff's S = {@link GammaMethod#DEFAULT_S} and default options. */
    public static ObsFitResult fit(List<Obs> y, double[] x, FitModel model, boolean correlated) {
        return fit(y, x, model, correlated, FitOptions.defaults(), GammaMethod.DEFAULT_S);
    }

    /** With Wolff's S = {@link GammaMethod#DEFAULT_S}. */
    public static ObsFitResult fit(List<Obs> y, double[] x, FitModel model, boolean correlated, FitOptions options) {
        return fit(y, x, model, correlated, options, GammaMethod.DEFAULT_S);
    }

    /**
     * @param s Wolff's S for the Γ-method errors of the data and of the parameters
     * @throws IllegalArgumentException for invalid input as {@link LeastSquares}, a null observable, or an
     *                                  observable with zero error (no weight can be given to it)
     */
    public static ObsFitResult fit(List<Obs> y, double[] x, FitModel model, boolean correlated, FitOptions options,
                                   double s) {
        if (y == null || x == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (y.size() != x.length) {
            throw new IllegalArgumentException("y has " + y.size() + " observables but x has " + x.length + " entries");
        }
        if (options == null) {
            throw new IllegalArgumentException("fit options must not be null (use FitOptions.defaults())");
        }
        double[] values = new double[y.size()];
        for (int i = 0; i < values.length; i++) {
            if (y.get(i) == null) {
                throw new IllegalArgumentException("observable y[" + i + "] is null");
            }
            values[i] = y.get(i).value();
        }
        List<Obs> data = List.copyOf(y);
        double[][] covariance = Obs.covariance(data, s);
        double[] sigma = new double[values.length];
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = Math.sqrt(covariance[i][i]);
            if (!(sigma[i] > 0)) {
                throw new IllegalArgumentException("observable y[" + i + "] = " + values[i] + " has error " + sigma[i]
                        + "; every data point of a fit needs a nonzero error");
            }
        }
        FitResult central;
        if (correlated) {
            central = LeastSquares.correlated(x, values, covariance, model, options);
        } else {
            FitOptions withCovariance = options.hasDataCovariance() ? options : options.withDataCovariance(covariance);
            central = LeastSquares.uncorrelated(x, values, sigma, model, withCovariance);
        }
        double[] p = central.parameters();
        double[][] dpdy = central.parameterJacobian();
        List<Obs> parameters = new ArrayList<>(p.length);
        for (int a = 0; a < p.length; a++) {
            parameters.add(Obs.linearCombination(p[a], dpdy[a], data));
        }
        return new ObsFitResult(central, parameters, data, s);
    }
}
