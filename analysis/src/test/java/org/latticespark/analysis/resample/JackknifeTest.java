package org.latticespark.analysis.resample;

import org.latticespark.analysis.Ar1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-computed cases and exact identities of the jackknife. */
class JackknifeTest {
    private static final double EXACT = 1e-15;

    @Test
    void binnedMeanByHand() {
        // bins {1, 2} and {3, 4}: means 1.5 and 3.5, jackknife samples 3.5 and 1.5, error sqrt(1/2 · 2) = 1
        JackknifeResult result = Jackknife.mean(new double[][] {{1, 2, 3, 4}}, 2);
        assertEquals(2.5, result.value(), EXACT);
        assertEquals(2.5, result.biasCorrected(), EXACT);
        assertArrayEquals(new double[] {3.5, 1.5}, result.samples(), EXACT);
        assertEquals(1.0, result.error(), EXACT);
        assertEquals(2, result.count());
    }

    @Test
    void trailingSamplesAreDroppedAndBinsStayInTheirReplica() {
        // replica 0 gives bin {1, 2} (3 dropped), replica 1 gives {10, 20}; a bin {3, 10} would straddle
        JackknifeResult result = Jackknife.mean(new double[][] {{1, 2, 3}, {10, 20}}, 2);
        assertEquals(8.25, result.value(), EXACT);
        assertArrayEquals(new double[] {15, 1.5}, result.samples(), EXACT);
        assertEquals(6.75, result.error(), 4 * EXACT);
    }

    @Test
    void squareOfMeanIsBiasCorrectedExactly() {
        // f = x̄² has bias σ²/N; the jackknife gives x̄² - s²/N (s² with divisor N - 1), unbiased for μ²
        double[] x = {1, 2, 3};
        JackknifeResult result = Jackknife.of(Samples.of(new double[][] {x}), 1, m -> m[0] * m[0]);
        assertEquals(4, result.value(), EXACT);
        assertArrayEquals(new double[] {6.25, 4, 2.25}, result.samples(), 4 * EXACT);
        assertEquals(1.0 / 3, result.bias(), 4 * EXACT);
        assertEquals(4 - 1.0 / 3, result.biasCorrected(), 8 * EXACT);
    }

    @Test
    void deleteOneErrorOfMeanIsTheNaiveStandardError() {
        double[][] replicas = gaussianReplicas(3.0, 11, 1200, 700, 101);
        int n = 1200 + 700 + 101;
        double mean = 0;
        for (double[] r : replicas) {
            for (double v : r) {
                mean += v;
            }
        }
        mean /= n;
        double squares = 0;
        for (double[] r : replicas) {
            for (double v : r) {
                squares += (v - mean) * (v - mean);
            }
        }
        double naive = Math.sqrt(squares / (n - 1) / n);
        JackknifeResult result = Jackknife.mean(replicas, 1);
        assertEquals(naive, result.error(), 1e-12 * naive);
        assertEquals(mean, result.value(), 1e-14 * Math.abs(mean));
        assertEquals(result.value(), result.biasCorrected(), 1e-14 * Math.abs(mean), "a mean has no bias");
    }

    @Test
    void binnedErrorOfMeanIsTheBinningAnalysisError() {
        double[][] replicas = {Ar1.series(0.8, 3001, 5), Ar1.series(0.8, 1999, 6)};
        int[] sizes = {1, 3, 7, 16, 50, 999};
        BinningResult binning = BinningAnalysis.of(replicas, sizes);
        for (int i = 0; i < sizes.length; i++) {
            JackknifeResult jackknife = Jackknife.mean(replicas, sizes[i]);
            assertEquals(binning.errors()[i], jackknife.error(), 1e-12 * jackknife.error(), "bin size " + sizes[i]);
            assertEquals(binning.bins()[i], jackknife.count());
        }
    }

    @Test
    void meanSamplesFedThroughAFunctionGiveTheSameResult() {
        double[][][] data = {gaussianReplicas(2, 1, 300, 200), gaussianReplicas(5, 2, 300, 200)};
        Samples samples = Samples.of(data);
        JackknifeResult direct = Jackknife.of(samples, 4, m -> m[0] / m[1]);
        double[][] means = Jackknife.meanSamples(samples, 4);
        double[] ratios = new double[means[0].length];
        for (int k = 0; k < ratios.length; k++) {
            ratios[k] = means[0][k] / means[1][k];
        }
        JackknifeResult viaSamples = JackknifeResult.of(direct.value(), ratios);
        assertArrayEquals(direct.samples(), viaSamples.samples(), 0);
        assertEquals(direct.error(), viaSamples.error(), 0);
        assertEquals(75 + 50, direct.count());
    }

    static double[][] gaussianReplicas(double mean, long seed, int... lengths) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] replicas = new double[lengths.length][];
        for (int r = 0; r < lengths.length; r++) {
            replicas[r] = new double[lengths[r]];
            for (int i = 0; i < lengths[r]; i++) {
                replicas[r][i] = mean + random.nextGaussian();
            }
        }
        return replicas;
    }
}
