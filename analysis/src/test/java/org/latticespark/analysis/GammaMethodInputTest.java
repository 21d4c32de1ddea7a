package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GammaMethodInputTest {

    private static void assertRejected(String expectedInMessage, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedInMessage),
                "message '" + e.getMessage() + "' should mention '" + expectedInMessage + "'");
    }

    @Test
    void rejectsMissingReplicas() {
        assertRejected("must not be null", () -> GammaMethod.analyze(null));
        assertRejected("no replicas", () -> GammaMethod.analyze(new double[0][]));
        assertRejected("replica 1 is null", () -> GammaMethod.analyze(new double[][] {{1, 2, 3, 4}, null}));
    }

    @Test
    void rejectsTooShortReplicas() {
        assertRejected("replica 1 has 1 sample(s); every replica needs at least 2",
                () -> GammaMethod.analyze(new double[][] {{1, 2, 3, 4}, {5}}));
        assertRejected("replica 0 has 0 sample(s)", () -> GammaMethod.analyze(new double[][] {{}}));
        assertRejected("needs at least 4",
                () -> GammaMethod.analyze(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
    }

    @Test
    void rejectsNonFiniteValuesNamingWhere() {
        assertRejected("replica 1, index 2: value NaN",
                () -> GammaMethod.analyze(new double[][] {{1, 2, 3, 4}, {1, 2, Double.NaN, 4}}));
        assertRejected("replica 0, index 0: value Infinity",
                () -> GammaMethod.analyze(new double[][] {{Double.POSITIVE_INFINITY, 2, 3, 4}}));
        assertRejected("replica 0, index 3: value -Infinity",
                () -> GammaMethod.analyze(new double[][] {{1, 2, 3, Double.NEGATIVE_INFINITY}}));
    }

    @Test
    void rejectsBadS() {
        double[][] data = {{1, 2, 1, 3, 2, 1}};
        for (double s : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertRejected("S must be finite and > 0, got " + s, () -> GammaMethod.analyze(data, s));
        }
    }

    /** Ten replicas of 20 samples, each a ramp: τ_int is of the order of the replica length. */
    @Test
    void rejectsWindowThatDoesNotClose() {
        double[][] ramps = new double[10][20];
        for (double[] ramp : ramps) {
            for (int i = 0; i < ramp.length; i++) {
                ramp[i] = i;
            }
        }
        assertRejected("automatic window did not close up to the largest window 9", () -> GammaMethod.analyze(ramps));
    }

    /** For one replica g(W_max) < 0 always holds (see GammaMethod Javadoc), even for a pure drift. */
    @Test
    void windowOfSingleReplicaAlwaysCloses() {
        for (int n = 4; n <= 300; n++) {
            double[] ramp = new double[n];
            for (int i = 0; i < n; i++) {
                ramp[i] = i * i;
            }
            assertDoesNotThrow(() -> GammaMethod.analyze(new double[][] {ramp}), "length " + n);
        }
    }

    @Test
    void constantSeriesHasZeroError() {
        GammaResult r = GammaMethod.analyze(new double[][] {{0.1, 0.1, 0.1, 0.1, 0.1}, {0.1, 0.1}});
        assertEquals(new GammaResult(0.1, 0, 0, 0.5, 0, 0, 7, 2, r.rho()), r);
        assertArrayEquals(new double[] {1}, r.rho());
    }

    /** pyerrors convention: replicas centred on their own means, so constant replicas give error 0. */
    @Test
    void replicasConstantAtDifferentValuesHaveZeroError() {
        GammaResult r = GammaMethod.analyze(new double[][] {{1, 1, 1, 1}, {2, 2}});
        assertEquals(4.0 / 3, r.value(), 1e-15);
        assertEquals(0, r.error());
        assertEquals(0, r.window());
    }

    /** Scaling by a power of two is exact, so results scale exactly; huge and tiny data neither overflow nor vanish. */
    @Test
    void resultsScaleWithTheData() {
        double[] x = Ar1.series(0.7, 5000, 99);
        GammaResult base = GammaMethod.analyze(new double[][] {x});
        for (int exponent : new int[] {-1000, -60, 60, 1000}) {
            GammaResult scaled = GammaMethod.analyze(new double[][] {scale(x, Math.scalb(1.0, exponent))});
            assertEquals(Math.scalb(base.error(), exponent), scaled.error(), 0.0);
            assertEquals(Math.scalb(base.value(), exponent), scaled.value(), 0.0);
            assertEquals(base.tauInt(), scaled.tauInt(), 0.0);
            assertArrayEquals(base.rho(), scaled.rho(), 0.0);
        }
        GammaResult huge = GammaMethod.analyze(new double[][] {scale(x, 1e300)});
        assertEquals(1e300 * base.error(), huge.error(), 1e-13 * huge.error());
        GammaResult tiny = GammaMethod.analyze(new double[][] {scale(x, 1e-300)});
        assertEquals(1e-300 * base.error(), tiny.error(), 1e-13 * tiny.error());
    }

    @Test
    void deterministicAndLeavesInputUntouched() {
        double[][] data = {Ar1.series(0.8, 3000, 5), Ar1.series(0.8, 2000, 6)};
        double[][] copy = {data[0].clone(), data[1].clone()};
        GammaResult first = GammaMethod.analyze(data);
        GammaResult second = GammaMethod.analyze(copy);
        assertArrayEquals(copy[0], data[0], 0.0);
        assertArrayEquals(copy[1], data[1], 0.0);
        assertEquals(first.value(), second.value(), 0.0);
        assertEquals(first.error(), second.error(), 0.0);
        assertEquals(first.errorOfError(), second.errorOfError(), 0.0);
        assertEquals(first.tauInt(), second.tauInt(), 0.0);
        assertEquals(first.tauIntError(), second.tauIntError(), 0.0);
        assertEquals(first.window(), second.window());
        assertArrayEquals(first.rho(), second.rho(), 0.0);
    }

    @Test
    void defaultSIsTwo() {
        double[][] data = {Ar1.series(0.8, 3000, 7)};
        assertEquals(2.0, GammaMethod.DEFAULT_S);
        assertEquals(GammaMethod.analyze(data, 2.0).tauInt(), GammaMethod.analyze(data).tauInt(), 0.0);
        assertTrue(GammaMethod.analyze(data, 1.0).window() != GammaMethod.analyze(data, 4.0).window(),
                "S must influence the window");
    }

    private static double[] scale(double[] x, double factor) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * factor;
        }
        return y;
    }
}
