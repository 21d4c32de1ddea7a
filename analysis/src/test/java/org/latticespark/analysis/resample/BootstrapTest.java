package org.latticespark.analysis.resample;

import org.latticespark.analysis.Ar1;
import org.latticespark.analysis.Stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double[][][] DATA = {
        JackknifeTest.gaussianReplicas(1, 3, 40, 25, 13), JackknifeTest.gaussianReplicas(4, 4, 40, 25, 13)};

    @Test
    void sameSeedGivesBitIdenticalSamplesAndOtherSeedsDiffer() {
        Samples samples = Samples.of(DATA);
        BootstrapResult first = Bootstrap.of(samples, 2, 300, 99, m -> m[0] * m[1]);
        BootstrapResult again = Bootstrap.of(Samples.of(DATA), 2, 300, 99, m -> m[0] * m[1]);
        BootstrapResult other = Bootstrap.of(samples, 2, 300, 100, m -> m[0] * m[1]);
        assertArrayEquals(first.samples(), again.samples(), 0);
        assertEquals(first.error(), again.error(), 0);
        assertFalse(Arrays.equals(first.samples(), other.samples()));
        assertEquals(300, first.count());
    }

    @Test
    void drawsFollowTheDocumentedOrder() {
        // per resample: for each replica in order, n_r draws nextInt(n_r) of that replica's bins
        int binSize = 3;
        int resamples = 7;
        long seed = 12345;
        double[][] means = Bootstrap.meanSamples(Samples.of(DATA), binSize, resamples, seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = 0; j < resamples; j++) {
            double[] sums = new double[DATA.length];
            int bins = 0;
            for (double[] replica : DATA[0]) {
                int count = replica.length / binSize;
                bins += count;
                int[] drawn = new int[count];
                for (int i = 0; i < count; i++) {
                    drawn[i] = random.nextInt(count);
                }
                for (int a = 0; a < DATA.length; a++) {
                    double[] series = DATA[a][Arrays.asList(DATA[0]).indexOf(replica)];
                    for (int k : drawn) {
                        for (int i = k * binSize; i < (k + 1) * binSize; i++) {
                            sums[a] += series[i] / binSize;
                        }
                    }
                }
            }
            for (int a = 0; a < DATA.length; a++) {
                assertEquals(sums[a] / bins, means[a][j], 1e-14 * Math.abs(sums[a] / bins), "resample " + j);
            }
        }
    }

    @Test
    void splittableRandomIsThePublishedSplitMixAlgorithm() {
        // the reproducibility claim rests on this: Steele, Lea, Flood (2014) generator and the JDK's bounded draw
        for (long seed : new long[] {0, 1, -7, 123_456_789_012L}) {
            SplittableRandom random = new SplittableRandom(seed);
            SplitMix reference = new SplitMix(seed);
            for (int i = 0; i < 10_000; i++) {
                int bound = 1 + (i * 7919) % 1000;
                assertEquals(reference.nextInt(bound), random.nextInt(bound), "seed " + seed + ", draw " + i);
            }
        }
    }

    /** Independent implementation of SplittableRandom(seed).nextInt(bound) from the published algorithm. */
    private static final class SplitMix {
        private long state;

        SplitMix(long seed) {
            state = seed;
        }

        private int nextInt() {
            long z = state += 0x9e3779b97f4a7c15L;
            z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
            return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
        }

        int nextInt(int bound) {
            int r = nextInt();
            int m = bound - 1;
            if ((bound & m) == 0) {
                return r & m;
            }
            for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
                // rejects the top partial range so that every value is equally likely
            }
            return r;
        }
    }

    @Test
    void percentileIntervalInterpolatesLinearly() {
        double[] samples = new double[11];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 10 - i;
        }
        BootstrapResult result = BootstrapResult.of(5, samples);
        assertEquals(new ConfidenceInterval(2.5, 7.5), result.percentileInterval(0.5));
        ConfidenceInterval oneSigma = result.percentileInterval(BootstrapResult.ONE_SIGMA);
        assertEquals(10 * (1 - BootstrapResult.ONE_SIGMA) / 2, oneSigma.lower(), 1e-14);
        assertEquals(10 * (1 + BootstrapResult.ONE_SIGMA) / 2, oneSigma.upper(), 1e-14);
        ConfidenceInterval almostAll = result.percentileInterval(Math.nextDown(1.0));
        assertEquals(0, almostAll.lower(), 1e-14);
        assertEquals(10, almostAll.upper(), 1e-14);
        assertEquals(5, result.mean(), 1e-15);
        assertEquals(Math.sqrt(11.0), result.error(), 1e-14, "divisor B - 1: Σ (i - 5)² / 10 = 11");
        assertEquals(Math.sqrt(11.0 / 20), result.resamplingNoise(), 1e-14);
    }

    @Test
    void errorAgreesWithJackknifeWithinResamplingNoise() {
        // uncorrelated data: both estimate the same error from the same data, so they differ by the bootstrap's
        // resampling noise only (plus the bootstrap's relative bias of about -R/(2n) from its divisor n_r, here
        // below 0.01 of that noise)
        int seeds = 200;
        int resamples = 200;
        double[] single = new double[seeds];
        double[] binnedReplicas = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            double[][] one = {Ar1.series(0, 1000, 61_000 + seed)};
            single[seed] = zAgainstJackknife(one, 1, resamples, seed);
            double[][] three = {Ar1.series(0, 1200, 62_000 + seed), Ar1.series(0, 803, 63_000 + seed),
                Ar1.series(0, 402, 64_000 + seed)};
            binnedReplicas[seed] = zAgainstJackknife(three, 4, resamples, seed);
        }
        new Stats(single).assertStandardNormal("bootstrap - jackknife, one replica");
        new Stats(binnedReplicas).assertStandardNormal("bootstrap - jackknife, three replicas, bin size 4");
    }

    private static double zAgainstJackknife(double[][] replicas, int binSize, int resamples, long seed) {
        BootstrapResult bootstrap = Bootstrap.mean(replicas, binSize, resamples, seed);
        double jackknife = Jackknife.mean(replicas, binSize).error();
        // the noise bar scaled to the jackknife error, so that it does not shrink with a low bootstrap error
        return (bootstrap.error() - jackknife) / (jackknife * bootstrap.resamplingNoise() / bootstrap.error());
    }

    @Test
    void oneSigmaPercentileIntervalCoversTheTrueMeanAsOften() {
        int seeds = 400;
        int covered = 0;
        for (int seed = 0; seed < seeds; seed++) {
            double[][] data = {Ar1.series(0, 200, 71_000 + seed)};
            ConfidenceInterval interval = Bootstrap.mean(data, 1, 500, seed).percentileInterval(BootstrapResult.ONE_SIGMA);
            covered += interval.lower() < 0 && 0 < interval.upper() ? 1 : 0;
        }
        Stats.assertFraction(covered, seeds, BootstrapResult.ONE_SIGMA, "coverage of the 68% percentile interval");
    }
}
