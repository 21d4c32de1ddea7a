package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** An uncorrelated constant fit is the weighted mean Σ w y / Σ w, w = 1/σ², with error 1/sqrt(Σ w). */
class PlateauFitTest {
    @Test
    void uncorrelatedConstantFitIsTheWeightedMean() {
        int n = 9;
        SplittableRandom random = new SplittableRandom(4);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 5 + i;
            sigma[i] = 0.01 * (1 + i * i);
            y[i] = 0.4 + sigma[i] * random.nextGaussian();
        }
        double sumW = 0;
        double sumWy = 0;
        for (int i = 0; i < n; i++) {
            double w = 1 / (sigma[i] * sigma[i]);
            sumW += w;
            sumWy += w * y[i];
        }
        double mean = sumWy / sumW;
        double error = 1 / Math.sqrt(sumW);
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            chi2 += Math.pow((y[i] - mean) / sigma[i], 2);
        }

        FitResult fit = LeastSquares.uncorrelated(x, y, sigma, Polynomial.constant());

        assertEquals(mean, fit.parameter(0), 1e-14 * Math.abs(mean), "weighted mean");
        assertEquals(error, fit.errors()[0], 1e-14 * error, "error of the weighted mean");
        assertEquals(chi2, fit.chiSquare(), 1e-12 * chi2, "chi2");
        assertEquals(n - 1, fit.dof());
        assertEquals(chi2 / (n - 1), fit.chiSquarePerDof(), 1e-12 * chi2);
        assertEquals(ChiSquaredDistribution.of(n - 1).survivalProbability(chi2), fit.pValue(), 1e-12, "p-value");
        for (int i = 0; i < n; i++) {
            double w = 1 / (sigma[i] * sigma[i]);
            assertEquals(w / sumW, fit.parameterJacobian()[0][i], 1e-14, "d mean / d y" + i);
        }
        FitCurve curve = fit.curve(new double[] {-3, 7.5, 100});
        for (int i = 0; i < 3; i++) {
            assertEquals(mean, curve.value()[i], 1e-14 * Math.abs(mean));
            assertEquals(error, curve.error()[i], 1e-14 * error);
            assertEquals(mean + error, curve.upper()[i], 1e-14 * Math.abs(mean));
        }
    }
}
