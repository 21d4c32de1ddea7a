package org.latticespark.lattice.rational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the minimax error depends on the degree and on the sign of the power. */
class RemezConvergenceTest {
    /**
     * E_{n+1}/E_n approaches exp(−2π² / ln(16 λ_max/λ_min)), the asymptotic (Zolotarev) rate for x^{−1/2} in
     * relative error; x^{1/4} falls at nearly the same rate.
     */
    @ParameterizedTest
    @CsvSource({"-1, 2, 1e-3, 10, 0.005", "-1, 2, 1e-4, 64, 0.005", "1, 4, 1e-3, 10, 0.02", "1, 4, 1e-4, 64, 0.02"})
    void errorFallsGeometricallyWithDegree(int num, int den, double lambdaMin, double lambdaMax, double tolerance) {
        double rate = Math.exp(-2 * Math.PI * Math.PI / Math.log(16 * lambdaMax / lambdaMin));
        double previous = Approximations.get(num, den, lambdaMin, lambdaMax, 6).levelledError();
        for (int n = 7; n <= 12; n++) {
            double e = Approximations.get(num, den, lambdaMin, lambdaMax, n).levelledError();
            assertTrue(e < previous, "error falls from degree " + (n - 1) + " to " + n);
            assertEquals(rate, e / previous, tolerance * rate, "E_" + n + " / E_" + (n - 1));
            previous = e;
        }
    }

    /**
     * x → λ_min λ_max / x maps the range onto itself and turns an approximation of x^{a} into one of x^{−a} of the
     * same degree and relative error, with shifts β ↦ λ_min λ_max / β; the minimax approximation is unique, so
     * both Remez runs must find the same level and mirrored poles.
     */
    @ParameterizedTest
    @CsvSource({"1, 2, 1e-3, 10, 8", "1, 4, 1e-4, 64, 10"})
    void reciprocalPowerHasTheSameErrorAndMirroredPoles(int num, int den, double lambdaMin, double lambdaMax, int n) {
        RationalApproximation plus = Approximations.get(num, den, lambdaMin, lambdaMax, n);
        RationalApproximation minus = Approximations.get(-num, den, lambdaMin, lambdaMax, n);
        assertEquals(plus.levelledError(), minus.levelledError(), 2 * RemezIteration.SPREAD_TOLERANCE * plus.levelledError());
        double[] bPlus = plus.betas(), bMinus = minus.betas();
        for (int k = 0; k < n; k++) {
            double mirrored = lambdaMin * lambdaMax / bPlus[n - 1 - k];
            assertEquals(mirrored, bMinus[k], 1e-6 * mirrored, "pole " + k);
        }
    }
}
