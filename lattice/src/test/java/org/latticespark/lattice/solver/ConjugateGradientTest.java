package org.latticespark.lattice.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.parallel.Parallelism;

class ConjugateGradientTest {
    private static final double TOL = 1e-10;

    static Stream<Arguments> staggered() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 4, 4}, 0.2),
                Arguments.of("SU2", new int[] {4, 4, 4, 4}, 0.1),
                Arguments.of("U1", new int[] {8, 8}, 0.1));
    }

    private static LinearOperator evenNormal(String group, int[] extents, double mass) {
        return new StaggeredOperator(Problems.hot(group, 17, extents), mass, Parallelism.serial()).evenNormal();
    }

    @ParameterizedTest
    @MethodSource("staggered")
    void reachesTheToleranceOnTheStaggeredEvenOperatorWithinTheCgBound(String group, int[] extents, double mass) {
        LinearOperator a = evenNormal(group, extents, mass);
        double[] b = ComplexFields.gaussian(a.length(), 3, 0);
        double[] x = new double[a.length()];
        SolverResult res = new ConjugateGradient(TOL, 1000, Parallelism.serial()).solve(a, b, x);

        double recomputed = Problems.relativeResidual(a, b, x);
        assertTrue(res.converged() && res.residual() <= TOL, res.toString());
        assertEquals(recomputed, res.residual(), 1e-6 * recomputed, "reported residual is the true one");
        // Spectrum in [m², m² + d²] (|D| ≤ d): the CG bound |r_k|/|r_0| ≤ 2√c ((√c − 1)/(√c + 1))^k, c = λmax/λmin.
        int d = extents.length;
        double sqrtC = Math.sqrt((mass * mass + d * d) / (mass * mass));
        double bound = Math.log(2 * sqrtC / TOL) / Math.log((sqrtC + 1) / (sqrtC - 1));
        assertTrue(res.iterations() <= Math.ceil(bound) + 2, res.iterations() + " iterations, CG bound " + bound);
        assertTrue(res.iterations() >= 10, "a hot configuration needs real work: " + res.iterations());
        assertEquals(res.iterations() + 1 + res.restarts() + 1, res.applications(), "initial + per iteration + final");
        System.out.printf("CG staggered %s %s m=%.2f: %d iterations (bound %.0f), residual %.2e%n", group,
                Arrays.toString(extents), mass, res.iterations(), bound, res.residual());
    }

    @Test
    void aGoodInitialGuessIsUsed() {
        LinearOperator a = evenNormal("SU3", new int[] {4, 4, 4, 4}, 0.2);
        double[] b = ComplexFields.gaussian(a.length(), 4, 0);
        double[] x = new double[a.length()];
        ConjugateGradient cg = new ConjugateGradient(TOL, 1000, Parallelism.serial());
        int cold = cg.solve(a, b, x).iterations();
        SolverResult again = cg.solve(a, b, x);
        assertEquals(0, again.iterations(), "already converged");
        assertTrue(again.converged());
        double[] rough = new double[a.length()];
        new ConjugateGradient(1e-4, 1000, Parallelism.serial()).solve(a, b, rough);
        SolverResult warm = cg.solve(a, b, rough);
        assertTrue(warm.converged());
        assertTrue(warm.iterations() < cold, warm.iterations() + " from a 1e-4 guess vs " + cold + " from zero");
    }

    @Test
    void stopsAtMaxIterationsAndSaysSo() {
        LinearOperator a = evenNormal("SU3", new int[] {4, 4, 4, 4}, 0.2);
        double[] b = ComplexFields.gaussian(a.length(), 5, 0);
        double[] x = new double[a.length()];
        SolverResult res = new ConjugateGradient(TOL, 3, Parallelism.serial()).solve(a, b, x);
        assertFalse(res.converged());
        assertEquals(3, res.iterations());
        assertEquals(Problems.relativeResidual(a, b, x), res.residual(), 1e-12);
        assertTrue(res.residual() > TOL);
        SolverException e = assertThrows(SolverException.class, () -> res.requireConverged("staggered CG"));
        assertTrue(e.getMessage().contains("staggered CG") && e.getMessage().contains("3 iterations")
                && e.getMessage().contains(String.valueOf(res.residual())) && e.getMessage().contains("1.0E-10"),
                e.getMessage());
    }

    @Test
    void refusesAnOperatorThatIsNotPositive() {
        LinearOperator a = evenNormal("U1", new int[] {8, 8}, 0.1);
        LinearOperator negative = new LinearOperator() {
            @Override
            public int length() { return a.length(); }

            @Override
            public void apply(double[] in, double[] out) {
                a.apply(in, out);
                for (int i = 0; i < out.length; i++) out[i] = -out[i];
            }

            @Override
            public void applyDagger(double[] in, double[] out) { apply(in, out); }
        };
        double[] b = ComplexFields.gaussian(a.length(), 6, 0);
        SolverException e = assertThrows(SolverException.class,
                () -> new ConjugateGradient(TOL, 100, Parallelism.serial()).solve(negative, b, new double[a.length()]));
        assertTrue(e.getMessage().contains("not Hermitian positive definite"), e.getMessage());
    }

    @Test
    void zeroRightHandSideGivesZero() {
        LinearOperator a = evenNormal("U1", new int[] {8, 8}, 0.1);
        double[] x = ComplexFields.gaussian(a.length(), 7, 0);
        SolverResult res = new ConjugateGradient(TOL, 100, Parallelism.serial()).solve(a, new double[a.length()], x);
        assertTrue(res.converged());
        assertEquals(0.0, res.residual());
        assertEquals(0, res.iterations());
        assertArrayEquals(new double[a.length()], x);
    }

    @Test
    void badInputIsRefusedByName() {
        LinearOperator a = evenNormal("U1", new int[] {8, 8}, 0.1);
        ConjugateGradient cg = new ConjugateGradient(TOL, 100, Parallelism.serial());
        int n = a.length();
        double[] nan = new double[n];
        nan[5] = Double.NaN;
        assertMessage("right-hand side b has a non-finite entry NaN at index 5", () -> cg.solve(a, nan, new double[n]));
        assertMessage("initial guess x has a non-finite entry NaN", () -> cg.solve(a, new double[n], nan));
        assertMessage("right-hand side b has " + (n - 2) + " doubles, the operator needs " + n,
                () -> cg.solve(a, new double[n - 2], new double[n]));
        assertMessage("initial guess x must not be null", () -> cg.solve(a, new double[n], null));
        assertMessage("operator must not be null", () -> cg.solve(null, new double[n], new double[n]));
        double[] same = new double[n];
        assertMessage("different arrays", () -> cg.solve(a, same, same));
        assertMessage("tolerance must be in (0, 1)", () -> new ConjugateGradient(0, 10, Parallelism.serial()));
        assertMessage("tolerance must be in (0, 1)", () -> new ConjugateGradient(Double.NaN, 10, Parallelism.serial()));
        assertMessage("maxIterations must be >= 1", () -> new ConjugateGradient(1e-8, 0, Parallelism.serial()));
        assertMessage("parallelism must not be null", () -> new ConjugateGradient(1e-8, 10, null));
    }

    static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
