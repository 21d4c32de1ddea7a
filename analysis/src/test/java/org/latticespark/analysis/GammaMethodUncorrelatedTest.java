package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * White noise (AR(1) with φ = 0): exact τ_int = 1/2. The estimate cannot fall below 1/2 (pyerrors' floor
 * on τ_int(W)), so it is biased upwards and its error bars are conservative; the tests check that the bias
 * stays well below one claimed error and that at least 68% of the seeds lie within one error.
 */
class GammaMethodUncorrelatedTest {
    private static final int SEEDS = 100;
    private static final int N = 100_000;

    @Test
    void tauIntIsOneHalfAndErrorIsNaiveWithinErrors() {
        double[] zTau = new double[SEEDS];
        double[] zNaive = new double[SEEDS];
        double[] zValue = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] x = Ar1.series(0, N, 77_000 + seed);
            GammaResult result = GammaMethod.analyze(new double[][] {x});
            assertTrue(result.tauInt() > 0.5, "tauInt is floored above 1/2");
            zTau[seed] = (result.tauInt() - 0.5) / result.tauIntError();
            zNaive[seed] = (result.error() - sampleStandardDeviation(x) / Math.sqrt(N)) / result.errorOfError();
            zValue[seed] = result.value() / result.error();
        }
        Stats tau = new Stats(zTau);
        tau.assertMeanBelow(1, "bias of tauInt in units of tauIntError");
        tau.assertCoverageAtLeastGaussian("tauInt");
        Stats naive = new Stats(zNaive);
        naive.assertMeanBelow(1, "bias of error relative to std/sqrt(N), in units of errorOfError");
        new Stats(negate(zNaive)).assertMeanBelow(1, "bias of error relative to std/sqrt(N), other side");
        naive.assertCoverageAtLeastGaussian("error vs std/sqrt(N)");
        new Stats(zValue).assertStandardNormal("value");
    }

    private static double sampleStandardDeviation(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (x.length - 1));
    }

    private static double[] negate(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }
}
