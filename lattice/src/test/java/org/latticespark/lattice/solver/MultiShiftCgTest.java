package org.latticespark.lattice.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.parallel.Parallelism;

class MultiShiftCgTest {
    private static final double TOL = 1e-10;
    private static final double MASS = 0.1;
    private static final double[] SHIFTS = {0.5, 0.0, 0.003, 0.04, 2.0, 30.0};

    private static LinearOperator evenNormal(String group, int... extents) {
        return new StaggeredOperator(Problems.hot(group, 31, extents), MASS, Parallelism.serial()).evenNormal();
    }

    @Test
    void everyShiftEqualsASeparateCgSolveWithinTheResidualBound() {
        for (LinearOperator a : new LinearOperator[] {evenNormal("SU3", 4, 4, 4, 4), evenNormal("U1", 8, 8)}) {
            double[] b = ComplexFields.gaussian(a.length(), 12, 0);
            double[][] x = new double[SHIFTS.length][a.length()];
            MultiShiftResult res = new MultiShiftCg(TOL, 1000, Parallelism.serial()).solve(a, SHIFTS, b, x)
                    .requireConverged("multi-shift");
            int[] iterations = res.iterations();
            double[] residuals = res.residuals();
            double bNorm = ComplexFields.norm(b);
            for (int k = 0; k < SHIFTS.length; k++) {
                double recomputed = Problems.residualNorm(a, SHIFTS[k], b, x[k]) / bNorm;
                assertTrue(residuals[k] <= TOL, "shift " + k + ": " + residuals[k]);
                // b − (A x + σ x) and (b − A x) − σ x round differently: a few ε of |b| apart at most.
                assertEquals(recomputed, residuals[k], 1e-6 * recomputed + 8 * Math.ulp(1.0),
                        "reported residual of shift " + k);
                double[] single = new double[a.length()];
                SolverResult sep = new ConjugateGradient(TOL, 1000, Parallelism.serial())
                        .solve(new ShiftedOperator(a, SHIFTS[k], new Blas(Parallelism.serial(), a.length())), b, single)
                        .requireConverged("single shift");
                // A ≥ m², so |(A + σ)⁻¹| ≤ 1/(m² + σ): |x_k − x_sep| ≤ (|r_k| + |r_sep|) / (m² + σ).
                double bound = (residuals[k] + sep.residual()) * bNorm / (MASS * MASS + SHIFTS[k]);
                double error = ComplexFields.distance(x[k], single);
                assertTrue(error <= bound * (1 + 1e-6), "shift " + k + ": |x - x_sep| = " + error + " > " + bound);
                assertTrue(Math.abs(iterations[k] - sep.iterations()) <= 2 + sep.iterations() / 10,
                        "shift " + k + " used " + iterations[k] + " iterations, a separate CG " + sep.iterations());
            }
            // Larger shifts are better conditioned and stop updating earlier.
            int[] order = {1, 2, 3, 0, 4, 5};
            for (int j = 1; j < order.length; j++) {
                assertTrue(iterations[order[j]] <= iterations[order[j - 1]], Arrays.toString(iterations));
            }
            assertTrue(iterations[5] < iterations[1] / 3, Arrays.toString(iterations));
            int base = iterations[1];
            assertTrue(res.applications() <= base + SHIFTS.length + 2L * base / 10,
                    "one CG plus the final checks: " + res.applications() + " applications for " + base + " iterations");
            System.out.printf("multi-shift CG, shifts %s: iterations %s, max residual %.2e, applications %d%n",
                    Arrays.toString(SHIFTS), Arrays.toString(iterations), res.maxResidual(), res.applications());
        }
    }

    @Test
    void nonConvergenceIsReportedPerShift() {
        LinearOperator a = evenNormal("SU3", 4, 4, 4, 4);
        double[] b = ComplexFields.gaussian(a.length(), 13, 0);
        double[][] x = new double[SHIFTS.length][a.length()];
        MultiShiftResult res = new MultiShiftCg(TOL, 3, Parallelism.serial()).solve(a, SHIFTS, b, x);
        assertFalse(res.converged());
        assertEquals(3, res.iterations()[1]);
        for (int k = 0; k < SHIFTS.length; k++) {
            assertEquals(Problems.residualNorm(a, SHIFTS[k], b, x[k]) / ComplexFields.norm(b), res.residuals()[k], 1e-12);
        }
        SolverException e = assertThrows(SolverException.class, () -> res.requireConverged("RHMC heatbath"));
        assertTrue(e.getMessage().contains("RHMC heatbath") && e.getMessage().contains("shift 1: residual "
                + res.residuals()[1] + " after 3 iterations") && e.getMessage().contains("1.0E-10"), e.getMessage());
    }

    @Test
    void zeroRightHandSideAndBadInput() {
        LinearOperator a = evenNormal("U1", 8, 8);
        int n = a.length();
        MultiShiftCg solver = new MultiShiftCg(TOL, 100, Parallelism.serial());
        double[][] x = {ComplexFields.gaussian(n, 14, 0), ComplexFields.gaussian(n, 14, 1)};
        MultiShiftResult res = solver.solve(a, new double[] {0, 1}, new double[n], x);
        assertTrue(res.converged());
        assertArrayEquals(new double[2], res.residuals());
        assertArrayEquals(new double[n], x[0]);
        assertArrayEquals(new double[n], x[1]);

        double[] b = ComplexFields.gaussian(n, 15, 0);
        ConjugateGradientTest.assertMessage("shift 1 must be finite and >= 0, got -0.5",
                () -> solver.solve(a, new double[] {0, -0.5}, b, new double[2][n]));
        ConjugateGradientTest.assertMessage("shift 0 must be finite and >= 0, got NaN",
                () -> solver.solve(a, new double[] {Double.NaN}, b, new double[1][n]));
        ConjugateGradientTest.assertMessage("need at least one shift", () -> solver.solve(a, new double[0], b, new double[0][]));
        ConjugateGradientTest.assertMessage("2 shifts, 1 vectors", () -> solver.solve(a, new double[] {0, 1}, b, new double[1][n]));
        ConjugateGradientTest.assertMessage("solution vector 1 must have " + n + " doubles, got 3",
                () -> solver.solve(a, new double[] {0, 1}, b, new double[][] {new double[n], new double[3]}));
        double[] shared = new double[n];
        ConjugateGradientTest.assertMessage("solution vectors 0 and 1 are the same array",
                () -> solver.solve(a, new double[] {0, 1}, b, new double[][] {shared, shared}));
        ConjugateGradientTest.assertMessage("solution vector 0 is the array b",
                () -> solver.solve(a, new double[] {0}, b, new double[][] {b}));
        double[] nan = b.clone();
        nan[0] = Double.POSITIVE_INFINITY;
        ConjugateGradientTest.assertMessage("right-hand side b has a non-finite entry Infinity at index 0",
                () -> solver.solve(a, new double[] {0}, nan, new double[1][n]));
    }
}
