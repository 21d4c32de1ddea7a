package org.latticespark.analysis.resample;

import org.latticespark.analysis.Ar1;
import org.latticespark.analysis.Stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

/**
 * Uncorrelated unit Gaussians, where the exact error of the mean is 1/sqrt(N).
 *
 * <p>Against the Γ-method the plain ratio jackknife/Γ is <em>not</em> 1 within its (tiny) standard error: in a
 * 400-seed study it came out 0.9826 ± 0.0016 for N = 1000 and 0.9968 ± 0.0003 for N = 20000. Both estimates use
 * the same data, so their ratio resolves the Γ-method's own O(1/sqrt(N)) upward bias on white noise (τ_int(W) is
 * floored at 1/2, so half of the seeds, those with ρ(1) &lt; 0, cannot come out below the naive error). That bias is
 * about a quarter of the Γ-method's claimed error of its error, which is the scale on which the two are compared
 * here.
 */
class JackknifeUncorrelatedTest {
    private static final int SEEDS = 200;

    @Test
    void binnedJackknifeErrorScattersAroundTheExactErrorAsItsErrorOfErrorSays() {
        int n = 4000;
        for (int binSize : new int[] {1, 8}) {
            double[] z = new double[SEEDS];
            for (int seed = 0; seed < SEEDS; seed++) {
                double[] x = Ar1.series(0, n, 31_000 + seed);
                JackknifeResult result = Jackknife.mean(new double[][] {x}, binSize);
                int bins = result.count();
                double exact = 1 / Math.sqrt(bins * binSize);
                // the error of a standard deviation from n independent normal values is σ / sqrt(2 (n - 1))
                z[seed] = (result.error() - exact) / (exact / Math.sqrt(2.0 * (bins - 1)));
            }
            new Stats(z).assertStandardNormal("jackknife error, bin size " + binSize);
        }
    }

    @Test
    void jackknifeIsTheGammaMethodErrorWithTauIntOneHalf() {
        // Γ error² = 2 τ Γ(0)(1 + 1/N)/N with Γ(0) of divisor N, jackknife error² = Γ(0)/(N - 1): exactly
        // jackknife = Γ error · N / sqrt((N² - 1) · 2τ), so any difference between the two is Γ's τ estimate
        for (int seed = 0; seed < 20; seed++) {
            double n = 1000 + 37 * seed;
            double[] x = Ar1.series(seed % 2 == 0 ? 0 : 0.7, (int) n, 53_000 + seed);
            GammaResult gamma = GammaMethod.analyze(new double[][] {x});
            double expected = gamma.error() * n / Math.sqrt((n * n - 1) * 2 * gamma.tauInt());
            assertEquals(expected, Jackknife.mean(new double[][] {x}, 1).error(), 1e-12 * expected);
        }
    }

    @Test
    void jackknifeAgreesWithGammaMethodWithinItsErrorOfError() {
        int n = 5000;
        double[] z = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] x = Ar1.series(0, n, 47_000 + seed);
            GammaResult gamma = GammaMethod.analyze(new double[][] {x});
            z[seed] = (Jackknife.mean(new double[][] {x}, 1).error() - gamma.error()) / gamma.errorOfError();
        }
        Stats difference = new Stats(z);
        difference.assertMeanBetween(-1, 1, "jackknife - Gamma error in units of Gamma's errorOfError");
        double inside = difference.fractionWithinOne();
        assertTrue(inside >= 0.6827 - 4 * Math.sqrt(0.6827 * 0.3173 / SEEDS),
                "only " + inside + " of seeds agree within one errorOfError");
    }
}
