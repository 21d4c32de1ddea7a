package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.generation.hmc.fermion.RhmcFixtures.distance;
import static org.latticespark.generation.hmc.fermion.RhmcFixtures.dot;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.generation.FermionConfig;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.MultiShiftCg;

/**
 * Action and heat bath against dense matrix powers, the rigorous spectral range, the Nf = T limit against the
 * Nf = 4 pseudofermion, the Gamma law after the heat bath and thread independence.
 */
class StaggeredRationalPseudofermionTest {
    private static final double MASS = 0.5;
    private static final double RATIONAL = 1e-10;
    private static final double SOLVER = 1e-12;
    private final Parallelism par = Parallelism.serial();

    static StaggeredRationalPseudofermion pseudofermion(GaugeField f, int flavours, int index, Parallelism par) {
        return new StaggeredRationalPseudofermion(f.lattice(), f.group(), index,
                RhmcFixtures.approximations(f.lattice().dimensions(), flavours, MASS, RATIONAL, RATIONAL),
                new MultiShiftCg(SOLVER, 10_000, par), new MultiShiftCg(SOLVER, 10_000, par), par);
    }

    static Stream<Arguments> denseCases() {
        return Stream.of(
                Arguments.of("SU2", new int[] {2, 2, 2, 2}, 1),
                Arguments.of("SU2", new int[] {2, 2, 2, 2}, 2),
                Arguments.of("SU2", new int[] {2, 2, 2, 2}, 3),
                Arguments.of("SU2", new int[] {2, 2, 2, 2}, 5),
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 1),
                Arguments.of("U1", new int[] {4, 4}, 1),
                Arguments.of("U1", new int[] {4, 4}, 3));
    }

    /**
     * φ = r'(A) χ against A^{Nf/2T} χ and S = φ† r(A) φ against φ† A^{−Nf/T} φ by eigen-decomposition, and
     * S = |χ|² (r'² r = 1 up to the rational errors). Relative errors: rational ≤ 1e-10 each, solver 1e-12
     * amplified by the partial-fraction sums; measured ≤ 6e-11 (φ), 5e-11 (S), 1e-10 (S/|χ|²).
     */
    @ParameterizedTest
    @MethodSource("denseCases")
    void actionAndHeatbathMatchDenseMatrixPowers(String name, int[] extents, int flavours) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(101, 0), par);
        StaggeredRationalPseudofermion pf = pseudofermion(f, flavours, 3, par);
        RandomStream stream = new RandomStream(102, 0);
        pf.heatbath(f, stream, 5);
        double[] chi = RhmcFixtures.chi(f.lattice(), f.group().n(), stream, 5, 3);
        DenseHermitian a = new DenseHermitian(new StaggeredOperator(f, MASS, par).evenNormal());
        double tastes = FermionConfig.tastes(extents.length);
        double[] phiExact = a.apply(x -> Math.pow(x, flavours / (2 * tastes)), chi);
        double phiError = distance(pf.phi(), phiExact) / Math.sqrt(dot(phiExact, phiExact));
        double action = pf.action(f);
        double exact = dot(pf.phi(), a.apply(x -> Math.pow(x, -flavours / tastes), pf.phi()));
        double chi2 = dot(chi, chi);
        String what = name + " Nf=" + flavours + ": phi error " + phiError + ", action error "
                + Math.abs(action / exact - 1) + ", S/|chi|^2 - 1 = " + (action / chi2 - 1);
        assertTrue(phiError < 5e-10, what);
        assertEquals(exact, action, 5e-10 * exact, what);
        assertEquals(chi2, action, 1e-9 * chi2, what);
    }

    static Stream<Arguments> spectrumCases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}),
                Arguments.of("U1", new int[] {4, 4, 2, 2}),
                Arguments.of("U1", new int[] {4, 4}),
                Arguments.of("SU4", new int[] {4, 4}));
    }

    /**
     * ‖D‖ ≤ d, so the spectrum of A = m² − D_eo D_oe is inside [m², m² + d²], the range of the approximations.
     * Measured on hot fields at m = 0.1: λ_max ≈ 5.5–7.1 in 4d (bound 16.01), 2.5–3.0 in 2d (bound 4.01).
     */
    @ParameterizedTest
    @MethodSource("spectrumCases")
    void spectrumOfTheEvenNormalOperatorIsInsideTheRationalRange(String name, int[] extents) {
        double mass = 0.1;
        int d = extents.length;
        for (int seed = 0; seed < 3; seed++) {
            GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(110 + seed, 0), par);
            double[] ev = new DenseHermitian(new StaggeredOperator(f, mass, par).evenNormal()).eigenvalues();
            double min = Double.POSITIVE_INFINITY, max = 0;
            for (double e : ev) {
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
            String what = name + " seed " + seed + ": spectrum [" + min + ", " + max + "], bound [" + mass * mass
                    + ", " + (mass * mass + d * d) + "]";
            assertTrue(min >= mass * mass * (1 - 1e-12), what);
            assertTrue(max <= (mass * mass + d * d) * (1 + 1e-12), what);
        }
    }

    /** Nf = T: the action is exactly 1/x, so with the same φ action and force are those of the Nf = 4 pseudofermion. */
    @ParameterizedTest
    @MethodSource("spectrumCases")
    void tasteCountFlavoursReproduceTheNf4Pseudofermion(String name, int[] extents) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(120, 0), par);
        int tastes = FermionConfig.tastes(extents.length);
        StaggeredRationalPseudofermion rhmc = pseudofermion(f, tastes, 0, par);
        assertEquals(1, rhmc.approximations().action().degree());
        rhmc.heatbath(f, new RandomStream(121, 0), 1);
        StaggeredPseudofermion four = new StaggeredPseudofermion(f.lattice(), f.group(), MASS, 0,
                new ConjugateGradient(SOLVER, 10_000, par), par);
        System.arraycopy(rhmc.phi(), 0, four.phi(), 0, rhmc.phi().length);
        double s = rhmc.action(f);
        assertEquals(four.action(f), s, 1e-10 * s, name);
        int n = f.lattice().links() * f.group().algebraDimension();
        double[] fr = new double[n], f4 = new double[n];
        rhmc.force(f, fr);
        four.force(f, f4);
        double scale = Math.sqrt(dot(f4, f4));
        assertTrue(distance(fr, f4) < 1e-9 * scale, name + ": |F_rhmc − F_4| = " + distance(fr, f4) + " of " + scale);
    }

    static Stream<Arguments> gammaCases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 1),
                Arguments.of("U1", new int[] {4, 4}, 3));
    }

    /**
     * S right after the heat bath is |χ|² up to ~1e-10, a Gamma(k, 1) variable with k = V N/2: mean and variance k,
     * fourth central moment 3k² + 6k. z-scores over 400 seeded draws.
     */
    @ParameterizedTest
    @MethodSource("gammaCases")
    void actionAfterTheHeatbathHasTheGammaLawOfTheDegreesOfFreedom(String name, int[] extents, int flavours) {
        int draws = 400;
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(131, 0), par);
        StaggeredRationalPseudofermion pf = pseudofermion(f, flavours, 1, par);
        RandomStream stream = new RandomStream(132, 0);
        double[] s = new double[draws];
        for (int t = 0; t < draws; t++) {
            pf.refresh(f, stream, t);
            s[t] = pf.action(f);
        }
        double k = pf.complexDegreesOfFreedom();
        assertEquals(extents.length == 4 ? 8 * 3 : 8, k, name);
        GammaLaw.assertGamma(s, k, name);
        assertTrue(pf.solverIterations() > 0);
    }

    @Test
    void heatbathActionAndForceDoNotDependOnTheThreadCount() {
        Lattice lat = new Lattice(4, 4, 2, 4);
        GaugeGroup g = GaugeGroup.of("SU3");
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(141, 0), par);
        double[][] phi = new double[2][];
        double[][] force = new double[2][lat.links() * g.algebraDimension()];
        double[] action = new double[2];
        int[] threads = {1, 3};
        for (int i = 0; i < 2; i++) {
            try (Parallelism p = new Parallelism(threads[i])) {
                StaggeredRationalPseudofermion pf = pseudofermion(f, 2, 2, p);
                pf.heatbath(f, new RandomStream(142, 0), 7);
                phi[i] = pf.phi().clone();
                action[i] = pf.action(f);
                pf.force(f, force[i]);
            }
        }
        assertArrayEquals(phi[0], phi[1]);
        assertEquals(action[0], action[1], 0.0);
        assertArrayEquals(force[0], force[1]);
    }
}
