package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latticespark.analysis.Ar1;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

class RhoErrorsTest {
    private static final int LAST = -1;

    /** ρ = {1, 0.5, 0.25, 0.1}, W = 1, N = 100; the sums written out term by term, ρ beyond lag 3 is 0. */
    @Test
    void handComputedSums() {
        double[] errors = RhoErrors.of(new double[] {1, 0.5, 0.25, 0.1}, 1, 100);
        // t = 1, k = 1..2: [ρ2 + ρ0 − 2ρ1ρ1]² + [ρ3 + ρ1 − 2ρ2ρ1]² = 0.75² + 0.35²
        double t1 = 0.75 * 0.75 + 0.35 * 0.35;
        // t = 2, k = 1..3: [ρ3 + ρ1 − 2ρ1ρ2]² + [0 + ρ0 − 2ρ2ρ2]² + [0 + ρ1 − 2ρ3ρ2]² = 0.35² + 0.875² + 0.45²
        double t2 = 0.35 * 0.35 + 0.875 * 0.875 + 0.45 * 0.45;
        // t = 3, k = 1..4: [0 + ρ2 − 2ρ1ρ3]² + [0 + ρ1 − 2ρ2ρ3]² + [0 + ρ0 − 2ρ3ρ3]² + [0 + ρ1 − 0]²
        double t3 = 0.15 * 0.15 + 0.45 * 0.45 + 0.98 * 0.98 + 0.5 * 0.5;
        assertArrayEquals(new double[] {0, Math.sqrt(t1 / 100), Math.sqrt(t2 / 100), Math.sqrt(t3 / 100)}, errors,
                1e-15);
    }

    @Test
    void constantSeriesHasNoError() {
        assertArrayEquals(new double[] {0}, RhoErrors.of(new double[] {1}, 0, 6));
    }

    @Test
    void errorAtLagZeroIsZero() {
        assertEquals(0, RhoErrors.of(new double[] {1, 0.3, -0.2}, 2, 50)[0]);
    }

    /**
     * (ρ̂(t) − φ^t) / δρ(t) over independent AR(1) chains is standard normal if δρ is right; the estimator's
     * O(τ/N) bias is about 0.04 δρ here, well below the test's resolution. The last stored lag checks the
     * truncation at the array end (a sum cut at k + t ≤ L would give δρ(L) = 0 there).
     */
    @Test
    void errorsMatchScatterOfAr1Estimates() {
        double phi = 0.5;
        int n = 4000;
        int seeds = 400;
        int[] lags = {1, 2, 4, 8, LAST};
        double[][] z = new double[lags.length][seeds];
        for (int s = 0; s < seeds; s++) {
            GammaResult g = GammaMethod.analyze(new double[][] {Ar1.series(phi, n, 1000 + s)});
            double[] errors = RhoErrors.of(g.rho(), g.window(), g.samples());
            for (int i = 0; i < lags.length; i++) {
                int t = lags[i] == LAST ? g.rho().length - 1 : lags[i];
                z[i][s] = (g.rho()[t] - Math.pow(phi, t)) / errors[t];
            }
        }
        for (int i = 0; i < lags.length; i++) {
            String lag = lags[i] == LAST ? "last lag" : "t = " + lags[i];
            ZScores scores = new ZScores(z[i]);
            System.out.printf("rho z-scores %s: mean %.3f, mean square %.3f%n", lag, scores.meanZ(),
                    scores.meanSquare());
            scores.assertStandardNormal("rho at " + lag);
        }
    }
}
