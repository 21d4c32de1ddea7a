package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latticespark.analysis.Ar1;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

class TauIntCurveTest {
    @Test
    void partialSumsRaisedToOneHalf() {
        double[] tau = TauIntCurve.values(new double[] {1, 0.5, 0.25, -1.5});
        assertArrayEquals(new double[] {0.5 + 0x1p-52, 1.0, 1.25, 0.5 + 0x1p-52}, tau);
    }

    @Test
    void errorsFollowWolffEq42() {
        double[] tau = {0.5 + 0x1p-52, 1.0, 1.25};
        double[] errors = TauIntCurve.errors(tau, 100);
        assertEquals(0, errors[0]);
        assertEquals(2 * 1.0 * Math.sqrt(0.5 / 100), errors[1], 1e-16);
        assertEquals(2 * 1.25 * Math.sqrt(1.25 / 100), errors[2], 1e-16);
    }

    /** At the chosen window the curve gives the numbers GammaMethod reports. */
    @Test
    void reproducesGammaResultAtWindow() {
        double[][][] inputs = {
            {Ar1.series(0.7, 5000, 7)},
            {Ar1.series(0.9, 3000, 8), Ar1.series(0.9, 2000, 9), Ar1.series(0.9, 4500, 10)},
            {Ar1.series(-0.4, 2000, 11)},
        };
        for (double[][] replicas : inputs) {
            GammaResult g = GammaMethod.analyze(replicas);
            int w = g.window();
            double n = g.samples();
            double[] tau = TauIntCurve.values(g.rho());
            double corrected = tau[w] * (1 + (2 * w + 1) / n) / (1 + 1 / n);
            assertEquals(g.tauInt(), corrected, 1e-14 * g.tauInt());
            assertEquals(g.tauIntError(), TauIntCurve.errors(tau, g.samples())[w], 1e-14 * g.tauIntError());
        }
    }

    /**
     * At W = 10 (always within g.rho(), which reaches lag max(10, 2W)), (τ̂_int(W) bias-corrected by Wolff's
     * eq. 49 − exact τ_int(W)) / δτ_int(W) over independent AR(1) chains is standard normal if eq. 42 holds.
     */
    @Test
    void errorsMatchScatterOfAr1Estimates() {
        double phi = 0.5;
        int n = 4000;
        int w = 10;
        int seeds = 400;
        double[] z = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            GammaResult g = GammaMethod.analyze(new double[][] {Ar1.series(phi, n, 5000 + s)});
            double[] tau = TauIntCurve.values(g.rho());
            double corrected = tau[w] * (1 + (2 * w + 1.0) / n) / (1 + 1.0 / n);
            z[s] = (corrected - Ar1.tauInt(phi, w)) / TauIntCurve.errors(tau, n)[w];
        }
        ZScores scores = new ZScores(z);
        System.out.printf("tau_int(W=%d) z-scores: mean %.3f, mean square %.3f%n", w, scores.meanZ(),
                scores.meanSquare());
        scores.assertStandardNormal("tau_int(" + w + ")");
    }
}
