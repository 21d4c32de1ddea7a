package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.latticespark.analysis.fit.ShiftedQuadratic.N;
import static org.latticespark.analysis.fit.ShiftedQuadratic.SHIFTS;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Errors of fits whose parameters are almost perfectly correlated: a quadratic in x far from x = 0. The
 * covariance and dp/dy come from the QR factors of the whitened Jacobian, so they keep about ε κ relative
 * accuracy (see {@link ShiftedQuadratic#tolerance}); through Jᵀ W J (ε κ²) err(c2) was 0.7% off at x0 = 1e4,
 * 16 times too small at 1e5, and the band at the centre 0.
 */
class ShiftedQuadraticTest {
    private static final double SIGMA = 0.01;

    @Test
    void uncorrelatedErrorsAreTheClosedFormsAtAnyShift() {
        double[] y = data(new Gaussian(ClosedForm.diagonal(sigmas())), 41);
        for (double x0 : SHIFTS) {
            double[] x = ShiftedQuadratic.points(x0);
            FitResult fit = LeastSquares.uncorrelated(x, y, sigmas(), Polynomial.ofDegree(2));
            double tolerance = ShiftedQuadratic.tolerance(x, ClosedForm.diagonal(sigmas()));
            String where = " at x0 = " + x0;
            assertRelative(ShiftedQuadratic.curvatureError(SIGMA), fit.errors()[2], tolerance, "err(c2)" + where);
            double[] band = fit.curve(x).error();
            double[] row = fit.parameterJacobian()[2];
            for (int i = 0; i < N; i++) {
                assertRelative(ShiftedQuadratic.band(SIGMA, i), band[i], tolerance, "band at x" + i + where);
                assertEquals(ShiftedQuadratic.curvatureDerivative(i), row[i],
                        tolerance * ShiftedQuadratic.curvatureDerivative(0), "dc2/dy" + i + where);
            }
        }
    }

    /** Correlated data: no closed form at hand, but c2, dc2/dy and the band at the data do not depend on x0. */
    @Test
    void correlatedErrorsDoNotDependOnTheShift() {
        double[] sd = new double[N];
        for (int i = 0; i < N; i++) {
            sd[i] = SIGMA * (1 + 0.1 * i);
        }
        double[][] c = Gaussian.decaying(sd, ShiftedQuadratic.points(0), 0.7);
        double[] y = data(new Gaussian(c), 43);
        double[] x = ShiftedQuadratic.points(0);
        FitResult reference = LeastSquares.correlated(x, y, c, Polynomial.ofDegree(2));
        double referenceTolerance = ShiftedQuadratic.tolerance(x, c);
        double[] referenceBand = reference.curve(x).error();
        double[] referenceRow = reference.parameterJacobian()[2];
        double rowScale = Arrays.stream(referenceRow).map(Math::abs).max().orElseThrow();
        for (double x0 : SHIFTS) {
            x = ShiftedQuadratic.points(x0);
            FitResult fit = LeastSquares.correlated(x, y, c, Polynomial.ofDegree(2));
            double tolerance = referenceTolerance + ShiftedQuadratic.tolerance(x, c);
            String where = " at x0 = " + x0;
            assertRelative(reference.errors()[2], fit.errors()[2], tolerance, "err(c2)" + where);
            double[] band = fit.curve(x).error();
            for (int i = 0; i < N; i++) {
                assertRelative(referenceBand[i], band[i], tolerance, "band at x" + i + where);
                assertEquals(referenceRow[i], fit.parameterJacobian()[2][i], tolerance * rowScale, "dc2/dy" + i + where);
            }
        }
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected),
                what + ": relative deviation " + (actual / expected - 1) + ", allowed " + tolerance);
    }

    private static double[] sigmas() {
        double[] s = new double[N];
        Arrays.fill(s, SIGMA);
        return s;
    }

    private static double[] data(Gaussian noise, long seed) {
        double[] e = noise.sample(new SplittableRandom(seed));
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double t = ShiftedQuadratic.t(i);
            y[i] = 1 + 0.3 * t - 0.02 * t * t + e[i];
        }
        return y;
    }
}
