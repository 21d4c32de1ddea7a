package org.latticespark.lattice.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.RandomStream;

/** Every product kernel (generic and unrolled N = 3) against a reference built from complex arithmetic. */
class CMatTest {
    private static double[] random(int n, int seed) {
        CounterRng r = new RandomStream(seed, 0).at(0, 0, 0);
        double[] m = new double[2 * n * n + 4];
        for (int i = 0; i < m.length; i++) m[i] = r.gaussian();
        return m;
    }

    /** Element (i, j) of op(M) at offset 2, where op conjugates and/or transposes. */
    private static double[] element(double[] m, int n, int i, int j, boolean adjoint) {
        int o = 2 + 2 * (adjoint ? j * n + i : i * n + j);
        return new double[] {m[o], adjoint ? -m[o + 1] : m[o + 1]};
    }

    private static void check(int n, boolean adjA, boolean adjB, double[] a, double[] b, double[] c) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < n; k++) {
                    double[] x = element(a, n, i, k, adjA), y = element(b, n, k, j, adjB);
                    re += x[0] * y[0] - x[1] * y[1];
                    im += x[0] * y[1] + x[1] * y[0];
                }
                assertEquals(re, c[1 + 2 * (i * n + j)], 1e-13);
                assertEquals(im, c[1 + 2 * (i * n + j) + 1], 1e-13);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void productsMatchTheReference(int n) {
        double[] a = random(n, 1), b = random(n, 2);
        double[] c = new double[2 * n * n + 1];
        CMat.mul(n, a, 2, b, 2, c, 1);
        check(n, false, false, a, b, c);
        CMat.mulNA(n, a, 2, b, 2, c, 1);
        check(n, false, true, a, b, c);
        CMat.mulAN(n, a, 2, b, 2, c, 1);
        check(n, true, false, a, b, c);
        CMat.mulAA(n, a, 2, b, 2, c, 1);
        check(n, true, true, a, b, c);
        assertEquals(CMat.reTrace(n, c, 1), reTraceOf(n, a, b), 1e-12);
    }

    private static double reTraceOf(int n, double[] a, double[] b) {
        double[] c = new double[2 * n * n];
        CMat.mulAA(n, a, 2, b, 2, c, 0);
        return CMat.reTrace(n, c, 0);
    }
}
