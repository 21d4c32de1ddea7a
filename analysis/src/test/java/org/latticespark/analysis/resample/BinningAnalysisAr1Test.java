package org.latticespark.analysis.resample;

import org.latticespark.analysis.Ar1;
import org.latticespark.analysis.Stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

/**
 * AR(1) data with exactly known error: at the largest bin size (at least 32 bins) the binned error must scatter
 * around the exact error of the samples it uses, and around the Γ-method error, as its error of error says.
 *
 * <p>Error of error used: for n independent, normal bin means, (n - 1) s² / σ² is χ² with n - 1 degrees of
 * freedom, so Var(s²) = 2 σ⁴ / (n - 1) and, to leading order, the standard deviation of s (and of
 * err = s / sqrt(n)) is err / sqrt(2 (n - 1)). Bins of b = 1024 for τ_int ≤ 9.5 are nearly independent: the
 * remaining downward bias of err² is about Σ_t t ρ(t) / (τ_int b) ≲ 1 % (φ = 0.9), and the bias of s itself about
 * -1/(4 (n - 1)) ≈ -0.7 %, together about -0.1 in units of the error of error. τ(b) = ½ (err(b)/err(1))² has
 * relative error 2 / sqrt(2 (n - 1)).
 *
 * <p>The z-scores divide by the claimed <em>relative</em> error of error times the exact value, not by the
 * estimate's own error bar: dividing by a bar proportional to the estimate itself skews z (low estimates get small
 * bars), which with n ≈ 40 bins shifts the mean z by about -0.23 and the mean z² to about 1.2 (measured with 2000
 * seeds on uncorrelated data), too close to the 4-sigma limits of 200 seeds. With the exact value in the
 * denominator 4000 seeds of N = 50000 gave mean z = -0.063 ± 0.016 (φ = 0) and -0.096 ± 0.015 (φ = 0.9), as the
 * biases above predict (-0.05 and -0.10), and mean z² = 0.99 and 0.97.
 */
class BinningAnalysisAr1Test {
    private static final int SEEDS = 200;
    /** The Γ-method costs most of the time here, so it is compared on every other seed only. */
    private static final int GAMMA_EVERY = 2;

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.9})
    void singleReplica(double phi) {
        check(phi, 50_000);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.9})
    void replicasOfDifferentLengths(double phi) {
        check(phi, 20_000, 12_500, 7_500);
    }

    private static void check(double phi, int... lengths) {
        double[] zExact = new double[SEEDS];
        double[] zGamma = new double[SEEDS / GAMMA_EVERY];
        double[] zTau = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            double[][] replicas = new double[lengths.length][];
            for (int r = 0; r < lengths.length; r++) {
                replicas[r] = Ar1.series(phi, lengths[r], 7_000_000L * lengths.length + 10_000L * r + seed
                        + (long) (phi * 1e9));
            }
            BinningResult binning = BinningAnalysis.of(replicas);
            int last = binning.binSizes().length - 1;
            int binSize = binning.binSizes()[last];
            assertEquals(1024, binSize, "largest power of two with >= 32 bins");
            int[] used = new int[lengths.length];
            for (int r = 0; r < lengths.length; r++) {
                used[r] = lengths[r] / binSize * binSize;
            }
            double error = binning.errors()[last];
            double relativeErrorOfError = binning.errorsOfErrors()[last] / error;
            double exact = Ar1.errorOfMean(phi, used);
            zExact[seed] = (error - exact) / (exact * relativeErrorOfError);
            if (seed % GAMMA_EVERY == 0) {
                GammaResult gamma = GammaMethod.analyze(replicas);
                double relativeGamma = gamma.errorOfError() / gamma.error();
                zGamma[seed / GAMMA_EVERY] = (error - gamma.error())
                        / (gamma.error() * Math.hypot(relativeErrorOfError, relativeGamma));
            }
            double tau = binning.tauInt()[last];
            zTau[seed] = (tau - Ar1.tauInt(phi)) / (Ar1.tauInt(phi) * binning.tauIntErrors()[last] / tau);
        }
        String label = "phi=" + phi + " lengths=" + java.util.Arrays.toString(lengths) + " ";
        new Stats(zExact).assertStandardNormal(label + "binned error vs exact");
        new Stats(zTau).assertStandardNormal(label + "tau(b) vs exact tau_int");
        // same data: the difference scatters less than two independent estimates would
        Stats gammaDifference = new Stats(zGamma);
        gammaDifference.assertMean(0, label + "binned error vs Gamma-method error");
        gammaDifference.squared().assertMeanNotAbove(1, label + "squared difference to Gamma-method error");
    }
}
