package org.latticespark.lattice.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.parallel.Parallelism;

/** The fused kernels against plain loops, and bit-identical results on 1 and 4 threads. */
class BlasTest {
    private static final int N = 64 * Blas.CHUNK * 3 + 38;

    private static double[] run(int threads, double[] x, double[] y) {
        try (Parallelism par = new Parallelism(threads)) {
            Blas blas = new Blas(par, N);
            double[] out = new double[12];
            double[] c = new double[3];
            out[0] = blas.norm2(x);
            out[1] = blas.reDot(x, y);
            blas.dot(x, y, c);
            out[2] = c[0];
            out[3] = c[1];
            blas.dotAndNorm2(y, x, c);
            out[4] = c[0];
            out[5] = c[1];
            out[6] = c[2];
            double[] z = new double[N];
            out[7] = blas.combine(x, 0.3, -0.7, y, z);
            out[8] = z[N - 1] + z[1];
            double[] w = y.clone();
            out[9] = blas.updateSolutionAndResidual(0.25, x, y, z, w);
            blas.bicgDirection(x, 0.5, 0.1, -0.2, 0.3, y, w);
            out[10] = blas.norm2(w);
            blas.axpbyInto(0.1, 0.2, x, 0.3, -0.4, y, w);
            out[11] = blas.norm2(w);
            return out;
        }
    }

    @Test
    void kernelsMatchPlainLoopsAndAreThreadIndependent() {
        double[] x = ComplexFields.gaussian(N, 61, 0), y = ComplexFields.gaussian(N, 61, 1);
        double[] serial = run(1, x, y);
        assertArrayEquals(serial, run(4, x, y), 0.0, "1 vs 4 threads, bit for bit");
        double xx = 0, xy = 0, im = 0, yy = 0, cc = 0;
        for (int i = 0; i < N; i += 2) {
            xx += x[i] * x[i] + x[i + 1] * x[i + 1];
            yy += y[i] * y[i] + y[i + 1] * y[i + 1];
            xy += x[i] * y[i] + x[i + 1] * y[i + 1];
            im += x[i] * y[i + 1] - x[i + 1] * y[i];
            double re = x[i] + 0.3 * y[i] + 0.7 * y[i + 1];
            double iz = x[i + 1] + 0.3 * y[i + 1] - 0.7 * y[i];
            cc += re * re + iz * iz;
        }
        double eps = 1e-12 * N;
        assertEquals(xx, serial[0], eps);
        assertEquals(xy, serial[1], eps);
        assertEquals(xy, serial[2], eps);
        assertEquals(im, serial[3], eps);
        assertEquals(xy, serial[4], eps, "<y, x> has the same real part");
        assertEquals(-im, serial[5], eps, "and the opposite imaginary part");
        assertEquals(yy, serial[6], eps);
        assertEquals(cc, serial[7], eps);
    }
}
