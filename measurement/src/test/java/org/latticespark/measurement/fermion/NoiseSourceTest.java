package org.latticespark.measurement.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latticespark.lattice.random.RandomStream;

class NoiseSourceTest {
    private static final int SITES = 64;
    private static final int PER_SITE = 12;
    private static final int VECTORS = 200;
    private static final double Z = 5;

    /** mean 0, E|η|² = 1, E η_i η_j* = 0 (i ≠ j, neighbouring components and vectors), E η² = 0 for complex kinds. */
    @ParameterizedTest
    @EnumSource(NoiseKind.class)
    void componentsHaveTheRightMoments(NoiseKind kind) {
        NoiseSource noise = new NoiseSource(new RandomStream(17, 3), kind);
        double[] eta = new double[2 * SITES * PER_SITE];
        double[] previous = new double[eta.length];
        int n = eta.length / 2;
        Moments re = new Moments(), im = new Moments(), norm = new Moments(), sqRe = new Moments(),
                crossRe = new Moments(), acrossRe = new Moments();
        for (int v = 0; v < VECTORS; v++) {
            noise.fill(5, v, SITES, eta);
            for (int i = 0; i < n; i++) {
                double a = eta[2 * i], b = eta[2 * i + 1];
                re.add(a);
                im.add(b);
                norm.add(a * a + b * b);
                sqRe.add(a * a - b * b);
                int j = (i + 1) % n;
                crossRe.add(a * eta[2 * j] + b * eta[2 * j + 1]);
                if (v > 0) acrossRe.add(a * previous[2 * i] + b * previous[2 * i + 1]);
                if (kind == NoiseKind.Z2) {
                    assertTrue(a == 1 || a == -1, "Z2 value " + a);
                    assertEquals(0.0, b);
                } else if (kind == NoiseKind.Z4) {
                    assertTrue(Math.abs(a) + Math.abs(b) == 1 && a * b == 0, "Z4 value " + a + " + i " + b);
                }
            }
            System.arraycopy(eta, 0, previous, 0, eta.length);
        }
        re.assertMean(0, kind + " Re");
        crossRe.assertMean(0, kind + " Re eta_i eta_j*");
        acrossRe.assertMean(0, kind + " Re eta_i eta'_i* across vectors");
        if (kind == NoiseKind.Z2) {
            assertEquals(0, im.max);
        } else {
            im.assertMean(0, kind + " Im");
            sqRe.assertMean(0, kind + " Re eta^2");
        }
        if (kind == NoiseKind.GAUSSIAN) {
            norm.assertMean(1, "Gaussian |eta|^2");
            // |η|² is Exp(1) for a circular complex Gaussian: variance 1
            assertEquals(1, norm.variance(), Z * Math.sqrt(8.0 / norm.n));
        } else {
            assertEquals(1.0, norm.min);
            assertEquals(1.0, norm.max);
        }
    }

    @ParameterizedTest
    @EnumSource(NoiseKind.class)
    void vectorsAreReproducibleBitForBitAndDifferByKey(NoiseKind kind) {
        double[] a = new double[2 * SITES * 3];
        double[] b = new double[a.length];
        new NoiseSource(new RandomStream(9, 1), kind).fill(12, 4, SITES, a);
        new NoiseSource(new RandomStream(9, 1), kind).fill(12, 4, SITES, b);
        assertArrayEquals(a, b);
        double[][] others = new double[4][a.length];
        new NoiseSource(new RandomStream(9, 1), kind).fill(12, 5, SITES, others[0]);
        new NoiseSource(new RandomStream(9, 1), kind).fill(13, 4, SITES, others[1]);
        new NoiseSource(new RandomStream(9, 2), kind).fill(12, 4, SITES, others[2]);
        new NoiseSource(new RandomStream(10, 1), kind).fill(12, 4, SITES, others[3]);
        for (double[] o : others) assertFalse(Arrays.equals(a, o));
    }

    /** A site's components do not depend on how many sites the vector has: they are keyed by the site. */
    @Test
    void componentsAreKeyedBySite() {
        double[] small = new double[2 * 8 * 2];
        double[] large = new double[2 * 16 * 2];
        NoiseSource noise = new NoiseSource(new RandomStream(4, 0), NoiseKind.GAUSSIAN);
        noise.fill(0, 0, 8, small);
        noise.fill(0, 0, 16, large);
        assertArrayEquals(small, Arrays.copyOf(large, small.length));
    }

    @Test
    void badInputIsRefused() {
        NoiseSource noise = new NoiseSource(new RandomStream(1, 0), NoiseKind.Z2);
        assertThrows(IllegalArgumentException.class, () -> new NoiseSource(null, NoiseKind.Z2));
        assertThrows(IllegalArgumentException.class, () -> new NoiseSource(new RandomStream(1, 0), null));
        assertThrows(IllegalArgumentException.class, () -> noise.fill(0, -1, 4, new double[8]));
        assertThrows(IllegalArgumentException.class, () -> noise.fill(0, 65536, 4, new double[8]));
        assertThrows(IllegalArgumentException.class, () -> noise.fill(-1, 0, 4, new double[8]));
        assertThrows(IllegalArgumentException.class, () -> noise.fill(1L << 32, 0, 4, new double[8]));
        assertThrows(IllegalArgumentException.class, () -> noise.fill(0, 0, 4, new double[10]));
        assertThrows(IllegalArgumentException.class, () -> noise.fill(0, 0, 0, new double[8]));
        assertThrows(IllegalArgumentException.class, () -> noise.fill(0, 0, 4, null));
    }

    private static final class Moments {
        int n;
        double sum, sumSq, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;

        void add(double x) {
            n++;
            sum += x;
            sumSq += x * x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }

        double mean() { return sum / n; }

        double variance() { return (sumSq - n * mean() * mean()) / (n - 1); }

        void assertMean(double expected, String what) {
            double se = Math.sqrt(variance() / n);
            assertTrue(Math.abs(mean() - expected) < Z * se,
                    what + ": mean " + mean() + " ± " + se + ", expected " + expected);
        }
    }
}
