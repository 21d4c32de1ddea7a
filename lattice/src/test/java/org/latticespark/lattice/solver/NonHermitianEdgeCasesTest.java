package org.latticespark.lattice.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.parallel.Parallelism;

/** Non-convergence, breakdown, zero and bad input for CGNR and BiCGStab. */
class NonHermitianEdgeCasesTest {
    private static final double TOL = 1e-10;

    private static WilsonOperator wilson() {
        return new WilsonOperator(Problems.hot("SU3", 41, 4, 4, 4, 4), 0.12, Parallelism.serial());
    }

    /** (J x)_j = x_{j+1}, (J x)_{j+1} = −x_j on complex components: ⟨x, J x⟩ = 0 for every real x. */
    private static LinearOperator rotation(int n) {
        return new LinearOperator() {
            @Override
            public int length() { return n; }

            @Override
            public void apply(double[] in, double[] out) {
                for (int i = 0; i < n; i += 4) {
                    out[i] = in[i + 2];
                    out[i + 1] = in[i + 3];
                    out[i + 2] = -in[i];
                    out[i + 3] = -in[i + 1];
                }
            }

            @Override
            public void applyDagger(double[] in, double[] out) {
                apply(in, out);
                for (int i = 0; i < n; i++) out[i] = -out[i];
            }
        };
    }

    @Test
    void maxIterationsGivesAnUnconvergedResultThatNamesTheNumbers() {
        WilsonOperator m = wilson();
        double[] b = ComplexFields.gaussian(m.length(), 16, 0);
        for (String which : new String[] {"CGNR", "BiCGStab"}) {
            double[] x = new double[m.length()];
            SolverResult res = which.equals("CGNR")
                    ? new CgNormalEquations(TOL, 3, Parallelism.serial()).solve(m, b, x)
                    : new BiCgStab(TOL, 3, Parallelism.serial()).solve(m, b, x);
            assertFalse(res.converged(), which);
            assertEquals(3, res.iterations(), which);
            assertEquals(Problems.relativeResidual(m, b, x), res.residual(), 1e-12, which);
            assertTrue(res.residual() > TOL && res.residual() < 1, which + " made progress: " + res.residual());
            SolverException e = assertThrows(SolverException.class, () -> res.requireConverged(which + " on Wilson"));
            assertTrue(e.getMessage().contains(which + " on Wilson did not converge: relative residual "
                    + res.residual() + " after 3 iterations") && e.getMessage().contains("tolerance 1.0E-10"),
                    e.getMessage());
        }
    }

    @Test
    void biCgStabBreakdownIsAClearException() {
        LinearOperator j = rotation(64);
        double[] b = new double[64];
        for (int i = 0; i < 64; i += 2) b[i] = 1 + i;
        SolverException e = assertThrows(SolverException.class,
                () -> new BiCgStab(TOL, 100, Parallelism.serial()).solve(j, b, new double[64]));
        assertTrue(e.getMessage().contains("BiCGStab broke down (<r^, M p> = 0")
                && e.getMessage().contains("no restart left"), e.getMessage());
        // CGNR has no such breakdown: J†J = 1.
        double[] x = new double[64];
        SolverResult res = new CgNormalEquations(TOL, 100, Parallelism.serial()).solve(j, b, x);
        assertTrue(res.converged() && res.iterations() == 1, res.toString());
        assertEquals(Problems.relativeResidual(j, b, x), res.residual(), 1e-15);
    }

    @Test
    void cgnrRefusesASingularOperator() {
        LinearOperator zero = new LinearOperator() {
            @Override
            public int length() { return 8; }

            @Override
            public void apply(double[] in, double[] out) { java.util.Arrays.fill(out, 0.0); }

            @Override
            public void applyDagger(double[] in, double[] out) { apply(in, out); }
        };
        SolverException e = assertThrows(SolverException.class, () -> new CgNormalEquations(TOL, 10,
                Parallelism.serial()).solve(zero, new double[] {1, 0, 0, 0, 0, 0, 0, 0}, new double[8]));
        assertTrue(e.getMessage().contains("M is singular"), e.getMessage());
    }

    @Test
    void zeroRightHandSideAndBadInput() {
        WilsonOperator m = wilson();
        int n = m.length();
        CgNormalEquations cgnr = new CgNormalEquations(TOL, 10, Parallelism.serial());
        BiCgStab bicg = new BiCgStab(TOL, 10, Parallelism.serial());
        for (boolean useCgnr : new boolean[] {true, false}) {
            double[] x = ComplexFields.gaussian(n, 17, 0);
            SolverResult res = useCgnr ? cgnr.solve(m, new double[n], x) : bicg.solve(m, new double[n], x);
            assertTrue(res.converged() && res.residual() == 0 && res.iterations() == 0 && res.applications() == 0);
            assertArrayEquals(new double[n], x);
        }
        double[] b = ComplexFields.gaussian(n, 18, 0);
        double[] nan = b.clone();
        nan[7] = Double.NaN;
        ConjugateGradientTest.assertMessage("right-hand side b has a non-finite entry NaN at index 7",
                () -> bicg.solve(m, nan, new double[n]));
        ConjugateGradientTest.assertMessage("right-hand side b has a non-finite entry NaN at index 7",
                () -> cgnr.solve(m, nan, new double[n]));
        ConjugateGradientTest.assertMessage("initial guess x has 4 doubles, the operator needs " + n,
                () -> bicg.solve(m, b, new double[4]));
        ConjugateGradientTest.assertMessage("right-hand side b must not be null", () -> cgnr.solve(m, null, new double[n]));
        ConjugateGradientTest.assertMessage("operator must not be null", () -> bicg.solve(null, b, new double[n]));
        ConjugateGradientTest.assertMessage("tolerance must be in (0, 1), got 1.0", () -> new BiCgStab(1, 5, Parallelism.serial()));
        ConjugateGradientTest.assertMessage("maxIterations must be >= 1, got -1",
                () -> new CgNormalEquations(1e-8, -1, Parallelism.serial()));
    }
}
