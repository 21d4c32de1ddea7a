package org.latticespark.lattice.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * Every solver gives the same x bit for bit on 1 and 3 threads. The Wilson field on 4⁴ SU(3) has 6144 doubles,
 * 96 BLAS chunks, so the 3-thread reductions really are split across threads.
 */
class DeterminismTest {
    private static final double TOL = 1e-10;

    private interface Solve {
        Object run(LinearOperator m, Parallelism par, double[] b, double[] x);
    }

    private static void sameOnOneAndThreeThreads(String what, boolean normal, Solve solve) {
        GaugeField u = Problems.hot("SU3", 51, 4, 4, 4, 4);
        double[][] xs = new double[2][];
        Object[] results = new Object[2];
        int[] threads = {1, 3};
        for (int t = 0; t < 2; t++) {
            try (Parallelism par = new Parallelism(threads[t])) {
                LinearOperator m = new WilsonOperator(u, 0.12, par);
                LinearOperator op = normal ? Problems.normal(m) : m;
                double[] b = ComplexFields.gaussian(op.length(), 19, 0);
                assertTrue(op.length() > 64 * Blas.CHUNK, "large enough to be threaded");
                xs[t] = new double[op.length()];
                results[t] = solve.run(op, par, b, xs[t]);
            }
        }
        assertArrayEquals(xs[0], xs[1], what + ": x differs between 1 and 3 threads");
        assertEquals(results[0].toString(), results[1].toString(), what);
    }

    @Test
    void conjugateGradient() {
        sameOnOneAndThreeThreads("CG on M+M", true, (m, par, b, x) -> new ConjugateGradient(TOL, 500, par)
                .solve(m, b, x).requireConverged("CG"));
    }

    @Test
    void cgNormalEquations() {
        sameOnOneAndThreeThreads("CGNR", false, (m, par, b, x) -> new CgNormalEquations(TOL, 500, par)
                .solve(m, b, x).requireConverged("CGNR"));
    }

    @Test
    void biCgStab() {
        sameOnOneAndThreeThreads("BiCGStab", false, (m, par, b, x) -> new BiCgStab(TOL, 500, par)
                .solve(m, b, x).requireConverged("BiCGStab"));
    }

    @Test
    void multiShiftCg() {
        double[] shifts = {0.0, 0.1, 1.0};
        double[][][] all = new double[2][][];
        int[] call = {0};
        sameOnOneAndThreeThreads("multi-shift CG", true, (m, par, b, x) -> {
            double[][] xk = new double[shifts.length][m.length()];
            MultiShiftResult res = new MultiShiftCg(TOL, 500, par).solve(m, shifts, b, xk).requireConverged("msCG");
            all[call[0]++] = xk;
            System.arraycopy(xk[0], 0, x, 0, x.length);
            return java.util.Arrays.toString(res.iterations()) + java.util.Arrays.toString(res.residuals());
        });
        for (int k = 0; k < shifts.length; k++) assertArrayEquals(all[0][k], all[1][k], "shift " + k);
    }
}
