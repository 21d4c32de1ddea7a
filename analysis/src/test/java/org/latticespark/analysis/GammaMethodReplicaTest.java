package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GammaMethodReplicaTest {

    /**
     * Cutting one chain into replicas of different lengths loses only the few products across the cuts and
     * subtracts three means instead of one: τ_int drops by about (R - 1)(2W + 1)/N relative (here 0.4%,
     * 0.07 of its error bar), far below the statistical errors; 0.2 error bars is the bound asserted.
     */
    @Test
    void splittingOneChainIntoReplicasGivesConsistentResult() {
        double[] chain = Ar1.series(0.9, 100_000, 4242);
        double[][] split = {
            Arrays.copyOfRange(chain, 0, 50_000),
            Arrays.copyOfRange(chain, 50_000, 80_000),
            Arrays.copyOfRange(chain, 80_000, 100_000)};
        GammaResult whole = GammaMethod.analyze(new double[][] {chain});
        GammaResult parts = GammaMethod.analyze(split);

        assertEquals(whole.value(), parts.value(), 0.0, "same samples, same mean");
        assertEquals(naiveMean(chain), parts.value(), 1e-15);
        assertEquals(100_000, parts.samples());
        assertEquals(3, parts.replicas());
        assertTrue(Math.abs(parts.tauInt() - whole.tauInt()) < 0.2 * whole.tauIntError(),
                "tauInt " + parts.tauInt() + " vs " + whole.tauInt() + " +- " + whole.tauIntError());
        assertTrue(Math.abs(parts.error() - whole.error()) < 0.2 * whole.errorOfError(),
                "error " + parts.error() + " vs " + whole.error() + " +- " + whole.errorOfError());
    }

    @Test
    void valueIsMeanOverAllSamplesNotMeanOfReplicaMeans() {
        double[][] replicas = {Ar1.series(0.5, 1000, 1), Ar1.series(0.5, 10, 2), Ar1.series(0.5, 333, 3)};
        for (double[] replica : replicas) {
            for (int i = 0; i < replica.length; i++) {
                replica[i] += 100;
            }
        }
        double sum = 0;
        for (double[] replica : replicas) {
            for (double x : replica) {
                sum += x;
            }
        }
        assertEquals(sum / 1343, GammaMethod.analyze(replicas).value(), 1e-12);
    }

    private static double naiveMean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }
}
