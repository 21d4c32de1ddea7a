package org.latticespark.analysis.resample;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InputValidationTest {
    private static final double[][] ONE_REPLICA = {{1, 2, 3, 4, 5, 6}};

    private static void assertRejected(String expectedInMessage, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedInMessage),
                "message '" + e.getMessage() + "' should mention '" + expectedInMessage + "'");
    }

    @Test
    void rejectsMissingData() {
        assertRejected("replicas must not be null", () -> Samples.of((double[][]) null));
        assertRejected("data must not be null", () -> Samples.of((double[][][]) null));
        assertRejected("no observables", () -> Samples.of(new double[0][][]));
        assertRejected("observable 0 has no replicas", () -> Samples.of(new double[0][]));
        assertRejected("observable 1 is null", () -> Samples.of(new double[][][] {ONE_REPLICA, null}));
        assertRejected("observable 0, replica 1 is null", () -> Samples.of(new double[][] {{1, 2}, null}));
        assertRejected("observable 0, replica 0 is empty", () -> Samples.of(new double[][] {{}}));
        assertRejected("replicas must not be null", () -> Jackknife.mean(null, 1));
    }

    @Test
    void rejectsNonFiniteValuesNamingWhere() {
        assertRejected("observable 0, replica 1, sample 2: value NaN",
                () -> Jackknife.mean(new double[][] {{1, 2, 3}, {1, 2, Double.NaN}}, 1));
        assertRejected("observable 1, replica 0, sample 0: value Infinity", () -> Samples.of(
                new double[][][] {ONE_REPLICA, {{Double.POSITIVE_INFINITY, 2, 3, 4, 5, 6}}}));
        assertRejected("sample 3: value -Infinity",
                () -> BinningAnalysis.of(new double[][] {{1, 2, 3, Double.NEGATIVE_INFINITY}}, 2));
    }

    @Test
    void rejectsObservablesOnDifferentConfigurations() {
        assertRejected("observable 1 has 2 replicas but observable 0 has 1",
                () -> Samples.of(new double[][][] {ONE_REPLICA, {{1, 2, 3, 4, 5, 6}, {1, 2}}}));
        assertRejected("observable 2, replica 1 has 3 samples but observable 0 has 2 in that replica",
                () -> Samples.of(new double[][][] {{{1, 2}, {3, 4}}, {{1, 2}, {3, 4}}, {{1, 2}, {3, 4, 5}}}));
    }

    @Test
    void rejectsBadBinSizes() {
        assertRejected("bin size must be >= 1, got 0", () -> Jackknife.mean(ONE_REPLICA, 0));
        assertRejected("bin size must be >= 1, got -3", () -> Bootstrap.mean(ONE_REPLICA, -3, 10, 1));
        assertRejected("bin size 7 exceeds the length 6 of replica 0",
                () -> Jackknife.mean(ONE_REPLICA, 7));
        assertRejected("bin size 3 exceeds the length 2 of replica 1",
                () -> Covariance.ofMeans(Samples.of(new double[][] {{1, 2, 3, 4, 5, 6}, {1, 2}}), 3));
        assertRejected("bin size 4 leaves 1 bin(s) from 6 samples; need at least 2 bins",
                () -> Jackknife.mean(ONE_REPLICA, 4));
        assertRejected("leaves 1 bin(s)", () -> Jackknife.mean(new double[][] {{1}}, 1));
        assertRejected("bin size 7 exceeds", () -> BinningAnalysis.of(ONE_REPLICA, new int[] {1, 7}));
        assertRejected("no bin sizes", () -> BinningAnalysis.of(ONE_REPLICA, new int[0]));
    }

    @Test
    void bootstrapNeedsTwoBinsPerReplicaAndTwoResamples() {
        assertRejected("replica 1 has only 1 bin of size 2 (3 samples)",
                () -> Bootstrap.mean(new double[][] {{1, 2, 3, 4}, {1, 2, 3}}, 2, 10, 1));
        assertRejected("resamples must be >= 2, got 1", () -> Bootstrap.mean(ONE_REPLICA, 1, 1, 1));
        assertRejected("need at least 2 bootstrap samples", () -> BootstrapResult.of(1, new double[] {1}));
        assertRejected("bootstrap sample 1 is NaN", () -> BootstrapResult.of(1, new double[] {1, Double.NaN}));
        BootstrapResult result = BootstrapResult.of(0, new double[] {1, 2, 3});
        for (double c : new double[] {0, 1, -0.5, Double.NaN}) {
            assertRejected("confidence must lie in (0, 1), got " + c, () -> result.percentileInterval(c));
        }
    }

    @Test
    void rejectsBadFunctionsAndJackknifeSamples() {
        Samples samples = Samples.of(new double[][] {{-1, 1, 3}});
        assertRejected("function f must not be null", () -> Jackknife.of(samples, 1, null));
        assertRejected("f returned -Infinity on jackknife sample 2 (means [0.0])",
                () -> Jackknife.of(samples, 1, m -> Math.log(m[0])));
        assertRejected("f returned -Infinity on the original data",
                () -> Bootstrap.of(Samples.of(new double[][] {{-1, 0, 1, -1, 0, 1}}), 1, 10, 3, m -> Math.log(m[0])));
        assertRejected("need at least 2 jackknife samples, got 1", () -> JackknifeResult.of(1, new double[] {1}));
        assertRejected("jackknife sample 0 is Infinity",
                () -> JackknifeResult.of(1, new double[] {Double.POSITIVE_INFINITY, 1}));
        assertRejected("value on all bins is NaN", () -> JackknifeResult.of(Double.NaN, new double[] {1, 2}));
    }

    @Test
    void binningAnalysisRejectsBadSettingsAndConstantData() {
        assertRejected("minBins must be >= 2, got 1", () -> BinningAnalysis.of(ONE_REPLICA, 1));
        assertRejected("only 6 samples, fewer than minBins = 8", () -> BinningAnalysis.of(ONE_REPLICA, 8));
        assertRejected("all 6 samples are equal", () -> BinningAnalysis.of(new double[][] {{2, 2, 2}, {2, 2, 2}}, 2));
    }

    @Test
    void covarianceAndCorrelationRejectBadMatrices() {
        assertRejected("no jackknife samples", () -> Covariance.ofJackknifeSamples(new double[0][]));
        assertRejected("quantity 1 has 2 bootstrap samples but quantity 0 has 3",
                () -> Covariance.ofBootstrapSamples(new double[][] {{1, 2, 3}, {1, 2}}));
        assertRejected("quantity 0 has 1 jackknife samples; need at least 2",
                () -> Covariance.ofJackknifeSamples(new double[][] {{1}}));
        assertRejected("jackknife sample 1 of quantity 0 is NaN",
                () -> Covariance.ofJackknifeSamples(new double[][] {{1, Double.NaN}}));
        assertRejected("row 1 has 1 entries, need 2", () -> Correlation.of(new double[][] {{1, 0}, {0}}));
        assertRejected("variance of quantity 1 is 0.0", () -> Correlation.of(new double[][] {{1, 0}, {0, 0}}));
        assertRejected("covariance entry (0, 1) is NaN", () -> Correlation.of(new double[][] {{1, Double.NaN}, {0, 1}}));
    }
}
