package org.latticespark.analysis.resample;

import org.latticespark.analysis.Stats;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bias removal for a nonlinear function: r = x̄ / ȳ with x, y independent normal, means 1, standard deviation
 * 0.3, N = 10 samples each, so the exact ratio of means is 1. The plain estimate has bias
 * σ_y² / (N μ_y²) + O(1/N²) ≈ 0.009; the jackknife removes the 1/N term, leaving about 3 (σ_y² / N)² ≈ 2.4e-4.
 * With 20000 independent ensembles the standard error of the average estimate is about 0.001, so the plain
 * estimate's bias is visible at about 9 standard errors and the jackknife's residual is not.
 */
class JackknifeBiasTest {
    private static final int ENSEMBLES = 20_000;
    private static final int N = 10;
    private static final double SIGMA = 0.3;

    @Test
    void jackknifeRemovesTheBiasOfARatio() {
        SplittableRandom random = new SplittableRandom(2024);
        double[] plainError = new double[ENSEMBLES];
        double[] correctedError = new double[ENSEMBLES];
        for (int e = 0; e < ENSEMBLES; e++) {
            double[][][] data = new double[2][1][N];
            for (int i = 0; i < N; i++) {
                data[0][0][i] = 1 + SIGMA * random.nextGaussian();
                data[1][0][i] = 1 + SIGMA * random.nextGaussian();
            }
            JackknifeResult ratio = Jackknife.of(Samples.of(data), 1, m -> m[0] / m[1]);
            plainError[e] = ratio.value() - 1;
            correctedError[e] = ratio.biasCorrected() - 1;
        }
        Stats plain = new Stats(plainError);
        plain.assertMeanAway(0, "plain f(means) must show its bias (else this test could not see one)");
        plain.assertMean(SIGMA * SIGMA / N, "plain f(means) bias against its leading-order value");
        new Stats(correctedError).assertMean(0, "bias-corrected jackknife estimate");
    }
}
