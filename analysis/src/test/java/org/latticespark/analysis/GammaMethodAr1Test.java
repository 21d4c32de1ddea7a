package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Correlated AR(1) data: over many seeds the estimates of τ_int, of the error and of the mean must scatter
 * around the exact values as the method's own error bars claim (bias and unit variance of z-scores checked
 * with standard errors from the seeds, 4 sigma). Wolff's error-of-error formulas are leading-order: in a
 * 2000-seed study the mean squared z-scores came out 0.87-0.93 (slightly conservative), well inside the
 * 4-sigma band (about 0.35) that 200 seeds allow.
 */
class GammaMethodAr1Test {
    private static final int SEEDS = 200;

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.9})
    void singleReplicaMatchesExactValues(double phi) {
        checkAgainstExact(phi, 50_000);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.9})
    void independentReplicasOfDifferentLengthsMatchExactValues(double phi) {
        checkAgainstExact(phi, 20_000, 12_500, 7_500);
    }

    private static void checkAgainstExact(double phi, int... lengths) {
        double exactTau = Ar1.tauInt(phi);
        double exactError = Ar1.errorOfMean(phi, lengths);
        double[] tau = new double[SEEDS];
        double[] zTau = new double[SEEDS];
        double[] zError = new double[SEEDS];
        double[] zValue = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            double[][] replicas = new double[lengths.length][];
            for (int r = 0; r < lengths.length; r++) {
                replicas[r] = Ar1.series(phi, lengths[r], 1_000_000L * lengths.length + 1000L * r + seed + (long) (phi * 1e9));
            }
            GammaResult result = GammaMethod.analyze(replicas);
            assertTrue(result.window() >= 1 && result.rho().length > result.window(), "window and rho length");
            tau[seed] = result.tauInt();
            zTau[seed] = (result.tauInt() - exactTau) / result.tauIntError();
            zError[seed] = (result.error() - exactError) / result.errorOfError();
            zValue[seed] = result.value() / result.error();
        }
        String label = "phi=" + phi + " lengths=" + java.util.Arrays.toString(lengths) + " ";
        new Stats(tau).assertMean(exactTau, label + "tauInt");
        new Stats(zTau).assertStandardNormal(label + "tauInt");
        new Stats(zError).assertStandardNormal(label + "error");
        new Stats(zValue).assertStandardNormal(label + "value");
    }
}
