package org.latticespark.lattice.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/** CGNR and BiCGStab on the Wilson operator (κ = 0.12, below critical on hot fields) and its Schur complement. */
class WilsonSolversTest {
    private static final double TOL = 1e-10;
    private static final double KAPPA = 0.12;

    static Stream<Arguments> large() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 4, 4}),
                Arguments.of("SU2", new int[] {4, 4, 4, 4}),
                Arguments.of("U1", new int[] {8, 8}));
    }

    /** Lattices small enough for a dense SVD of M. */
    static Stream<Arguments> small() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 4}),
                Arguments.of("SU2", new int[] {2, 2, 2, 4}),
                Arguments.of("U1", new int[] {8, 8}));
    }

    private static double[] solveWith(String which, LinearOperator m, double[] b, SolverResult[] out) {
        double[] x = new double[m.length()];
        SolverResult res = which.equals("cgnr")
                ? new CgNormalEquations(TOL, 2000, Parallelism.serial()).solve(m, b, x)
                : new BiCgStab(TOL, 2000, Parallelism.serial()).solve(m, b, x);
        out[0] = res;
        double recomputed = Problems.relativeResidual(m, b, x);
        assertTrue(res.converged() && res.residual() <= TOL, which + ": " + res);
        assertEquals(recomputed, res.residual(), 1e-6 * recomputed, which + ": the reported residual is the true one");
        return x;
    }

    @ParameterizedTest
    @MethodSource("large")
    void cgnrAndBiCgStabReachTheTolerance(String group, int[] extents) {
        WilsonOperator m = new WilsonOperator(Problems.hot(group, 23, extents), KAPPA, Parallelism.serial());
        double[] b = ComplexFields.gaussian(m.length(), 8, 0);
        SolverResult[] r1 = new SolverResult[1], r2 = new SolverResult[1];
        double[] x1 = solveWith("cgnr", m, b, r1);
        double[] x2 = solveWith("bicgstab", m, b, r2);
        assertEquals(2L * r1[0].iterations() + r1[0].restarts() + 2, r1[0].applications(), "M and M† per iteration: " + r1[0]);
        assertTrue(r2[0].iterations() < r1[0].iterations(), "BiCGStab needs fewer iterations than CGNR");
        // |M(x1 − x2)| ≤ |r1| + |r2|; the solutions themselves are compared against a dense bound below.
        double[] diff = new double[x1.length];
        for (int i = 0; i < diff.length; i++) diff[i] = x1[i] - x2[i];
        double[] mDiff = new double[diff.length];
        m.apply(diff, mDiff);
        assertTrue(ComplexFields.norm(mDiff) <= (r1[0].residual() + r2[0].residual()) * ComplexFields.norm(b) * (1 + 1e-6));
        System.out.printf("Wilson %s %s kappa=%.2f: CGNR %d iterations (%.2e), BiCGStab %d iterations (%.2e), "
                        + "|x_cgnr - x_bicg|/|x| = %.2e%n", group, Arrays.toString(extents), KAPPA,
                r1[0].iterations(), r1[0].residual(), r2[0].iterations(), r2[0].residual(),
                ComplexFields.distance(x1, x2) / ComplexFields.norm(x1));
    }

    @ParameterizedTest
    @MethodSource("small")
    void bothAgreeWithTheDenseSolutionWithinTheResidualBound(String group, int[] extents) {
        WilsonOperator m = new WilsonOperator(Problems.hot(group, 24, extents), KAPPA, Parallelism.serial());
        double[] b = ComplexFields.gaussian(m.length(), 9, 0);
        double sigmaMin = Problems.smallestSingularValue(m);
        double[] exact = Problems.denseSolve(m, b);
        double exactResidual = Problems.residualNorm(m, 0, b, exact);
        SolverResult[] r = new SolverResult[1];
        for (String which : new String[] {"cgnr", "bicgstab"}) {
            double[] x = solveWith(which, m, b, r);
            // x − x_exact = M⁻¹ [(b − M x_exact) − (b − M x)], so |x − x_exact| ≤ (|r_exact| + |r|) / σ_min.
            double bound = (exactResidual + r[0].residual() * ComplexFields.norm(b)) / sigmaMin;
            double error = ComplexFields.distance(x, exact);
            assertTrue(error <= bound * (1 + 1e-6), which + ": |x - x_exact| = " + error + " > bound " + bound);
            assertTrue(error > 0, "distinct computations");
        }
    }

    @ParameterizedTest
    @MethodSource("small")
    void evenOddSolveReconstructsTheFullSolution(String group, int[] extents) {
        GaugeField u = Problems.hot(group, 25, extents);
        WilsonOperator m = new WilsonOperator(u, KAPPA, Parallelism.serial());
        WilsonEvenOdd eo = new WilsonEvenOdd(u, KAPPA, Parallelism.serial());
        double[] eta = ComplexFields.gaussian(m.length(), 10, 0);
        double[] exact = Problems.denseSolve(m, eta);
        double exactResidual = Problems.residualNorm(m, 0, eta, exact);
        double sigmaMin = Problems.smallestSingularValue(m);
        for (boolean dagger : new boolean[] {false, true}) {
            double[] source = new double[eo.halfLength()];
            eo.prepareSource(eta, source, dagger);
            LinearOperator schur = eo.schur();
            LinearOperator target = dagger ? dagger(schur) : schur;
            double[] psiEven = new double[eo.halfLength()];
            SolverResult res = new BiCgStab(TOL, 2000, Parallelism.serial()).solve(target, source, psiEven)
                    .requireConverged("even-odd BiCGStab");
            double[] psi = new double[m.length()];
            eo.reconstruct(eta, psiEven, psi, dagger);
            LinearOperator full = dagger ? dagger(m) : m;
            // The full residual is the Schur residual on the even sites and zero (up to round-off) on the odd ones.
            double fullResidual = Problems.residualNorm(full, 0, eta, psi);
            double schurResidual = res.residual() * ComplexFields.norm(source);
            assertEquals(schurResidual, fullResidual, 1e-12 * ComplexFields.norm(eta), "full residual = Schur residual");
            if (!dagger) {
                double bound = (exactResidual + fullResidual) / sigmaMin;
                double error = ComplexFields.distance(psi, exact);
                assertTrue(error <= bound * (1 + 1e-6), "|psi - psi_exact| = " + error + " > bound " + bound);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("large")
    void evenOddSolveOnLargeLatticesHasTheFullResidualOfTheSchurSolve(String group, int[] extents) {
        GaugeField u = Problems.hot(group, 26, extents);
        WilsonOperator m = new WilsonOperator(u, KAPPA, Parallelism.serial());
        WilsonEvenOdd eo = new WilsonEvenOdd(u, KAPPA, Parallelism.serial());
        double[] eta = ComplexFields.gaussian(m.length(), 11, 0);
        double[] source = new double[eo.halfLength()];
        eo.prepareSource(eta, source, false);
        double[] psiEven = new double[eo.halfLength()];
        SolverResult eoRes = new BiCgStab(TOL, 2000, Parallelism.serial()).solve(eo.schur(), source, psiEven)
                .requireConverged("even-odd BiCGStab");
        double[] psi = new double[m.length()];
        eo.reconstruct(eta, psiEven, psi, false);
        double fullResidual = Problems.residualNorm(m, 0, eta, psi);
        assertEquals(eoRes.residual() * ComplexFields.norm(source), fullResidual, 1e-12 * ComplexFields.norm(eta));
        double[] x = new double[m.length()];
        SolverResult fullRes = new BiCgStab(TOL, 2000, Parallelism.serial()).solve(m, eta, x).requireConverged("BiCGStab");
        assertTrue(eoRes.iterations() < fullRes.iterations(), "even-odd preconditioning pays: " + eoRes.iterations()
                + " vs " + fullRes.iterations());
        System.out.printf("Wilson %s %s: even-odd BiCGStab %d iterations vs full %d%n", group,
                Arrays.toString(extents), eoRes.iterations(), fullRes.iterations());
    }

    static LinearOperator dagger(LinearOperator a) {
        return new LinearOperator() {
            @Override
            public int length() { return a.length(); }

            @Override
            public void apply(double[] in, double[] out) { a.applyDagger(in, out); }

            @Override
            public void applyDagger(double[] in, double[] out) { a.apply(in, out); }
        };
    }
}
