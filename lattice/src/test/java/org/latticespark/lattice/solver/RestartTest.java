package org.latticespark.lattice.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The true-residual check and restart: an operator that changes slightly after a number of applications makes
 * the recursive residual lie about the returned x, as accumulated round-off does, only more so. Every solver must
 * notice, restart from its current x and return a solution of the final operator.
 */
class RestartTest {
    private static final double TOL = 1e-10;
    private static final int N = 200;

    /** diag(d_i) with d_i in [1, 10], Hermitian positive; after {@code switchAfter} applications d_i += 1e-3. */
    private static final class DriftingDiagonal implements LinearOperator {
        private final int switchAfter;
        private int applications;

        DriftingDiagonal(int switchAfter) { this.switchAfter = switchAfter; }

        double diagonal(int i) {
            return 1 + 9.0 * (i / 2) / (N / 2 - 1) + (applications > switchAfter ? 1e-3 : 0);
        }

        @Override
        public int length() { return N; }

        @Override
        public void apply(double[] in, double[] out) {
            applications++;
            for (int i = 0; i < N; i++) out[i] = diagonal(i) * in[i];
        }

        @Override
        public void applyDagger(double[] in, double[] out) { apply(in, out); }
    }

    @Test
    void everySolverRestartsWhenTheTrueResidualMisses() {
        double[] b = ComplexFields.gaussian(N, 71, 0);
        for (String which : new String[] {"CG", "CGNR", "BiCGStab"}) {
            DriftingDiagonal a = new DriftingDiagonal(12);
            double[] x = new double[N];
            SolverResult res = switch (which) {
                case "CG" -> new ConjugateGradient(TOL, 500, Parallelism.serial()).solve(a, b, x);
                case "CGNR" -> new CgNormalEquations(TOL, 500, Parallelism.serial()).solve(a, b, x);
                default -> new BiCgStab(TOL, 500, Parallelism.serial()).solve(a, b, x);
            };
            assertTrue(res.converged() && res.restarts() >= 1, which + ": " + res);
            assertEquals(a.applications, res.applications(), which + " counts its applications");
            double[] ax = new double[N];
            a.apply(x, ax);
            double rr = 0;
            for (int i = 0; i < N; i++) rr += (b[i] - ax[i]) * (b[i] - ax[i]);
            assertEquals(Math.sqrt(rr) / ComplexFields.norm(b), res.residual(), 1e-6 * res.residual(), which);
        }
    }
}
