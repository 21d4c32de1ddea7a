package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * The Wilson forces against a fourth-order numerical derivative of the action (CG at 1e-12): the plain even–odd
 * pseudofermion and the Hasenbusch ratio, along a random direction of all links and along single generators of
 * single links; and the bare kernel, ∂ Re(L† H R) for random full fields, against the derivative of the hopping term.
 */
class WilsonForceTest {
    private static final double H = 1e-2;
    /**
     * Stencil truncation O(H⁴) plus the CG error of the actions (relative residual 1e-12, amplified by the stencil's
     * 18/(12H)). Measured: ≤ 4e-10 (single generators, U(1) 2d), ≤ 5e-12 (all links), ≤ 2e-12 (bare kernel).
     */
    private static final double TOLERANCE = 1e-8;
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 0.12, 0.09, false),
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 0.12, 0.09, true),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 0.12, 0.1, false),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 0.12, 0.1, true),
                Arguments.of("U1", new int[] {4, 4}, 0.2, 0.15, false),
                Arguments.of("U1", new int[] {4, 4}, 0.2, 0.15, true),
                Arguments.of("SU2", new int[] {4, 4}, 0.2, 0.15, true));
    }

    private Monomial term(GaugeField f, double kappa, double kappaH, boolean hasenbusch) {
        ConjugateGradient cg = new ConjugateGradient(1e-12, 10_000, par);
        Monomial m = hasenbusch
                ? new WilsonHasenbuschRatio(f.lattice(), f.group(), kappa, kappaH, 3, cg, par)
                : new WilsonPseudofermion(f.lattice(), f.group(), kappa, 0, cg, par);
        m.refresh(f, new RandomStream(5, 0), 1);
        return m;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forceMatchesTheDerivativeAlongARandomDirectionOfAllLinks(String name, int[] extents, double kappa,
                                                                  double kappaH, boolean hasenbusch) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(31, 0), par);
        Monomial m = term(f, kappa, kappaH, hasenbusch);
        double[] force = new double[lat.links() * g.algebraDimension()];
        m.force(f, force);
        double[] omega = WilsonTestSupport.gaussian(force.length, 32);
        double norm = Math.sqrt(WilsonTestSupport.norm2(omega));
        double analytic = 0;
        for (int i = 0; i < omega.length; i++) analytic -= omega[i] * force[i] / norm;
        for (int i = 0; i < omega.length; i++) omega[i] /= norm;
        double numeric = WilsonTestSupport.derivative(m::action, f, omega, 0, lat.links(), H);
        double forceNorm = Math.sqrt(WilsonTestSupport.norm2(force));
        assertTrue(forceNorm > 0.1, m.name() + ": force norm " + forceNorm);
        assertEquals(numeric, analytic, TOLERANCE * forceNorm, m.name() + " on " + name + " " + lat);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forceMatchesTheDerivativeAlongSingleGenerators(String name, int[] extents, double kappa, double kappaH,
                                                        boolean hasenbusch) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(41, 0), par);
        Monomial m = term(f, kappa, kappaH, hasenbusch);
        int dim = g.algebraDimension();
        double[] force = new double[lat.links() * dim];
        m.force(f, force);
        double scale = Math.sqrt(WilsonTestSupport.norm2(force) / force.length);
        CounterRng rng = new RandomStream(42, 0).at(0, 0, 0);
        double[] e = new double[force.length];
        for (int k = 0; k < 4; k++) {
            // the last time slice's links cross the antiperiodic boundary: always test one of them
            int link = k == 0 ? lat.links() - 1 : (int) (rng.uniform() * lat.links());
            for (int a = 0; a < dim; a++) {
                e[link * dim + a] = 1;
                double numeric = WilsonTestSupport.derivative(m::action, f, e, link, link + 1, H);
                e[link * dim + a] = 0;
                assertEquals(-numeric, force[link * dim + a], TOLERANCE * Math.max(scale, Math.abs(numeric)),
                        m.name() + " on " + name + " link " + link + " generator " + a);
            }
        }
    }

    static Stream<Arguments> kernelCases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}),
                Arguments.of("U1", new int[] {4, 4}),
                Arguments.of("SU4", new int[] {4, 4}));
    }

    /** The kernel alone: c · ∂ Re(L† H R) for random full fields, against the derivative of the hopping term. */
    @ParameterizedTest
    @MethodSource("kernelCases")
    void kernelIsTheDerivativeOfTheHoppingTerm(String name, int[] extents) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(43, 0), par);
        WilsonForceKernel kernel = new WilsonForceKernel(lat, g);
        double[] l = WilsonTestSupport.gaussian(kernel.fullLength(), 44);
        double[] r = WilsonTestSupport.gaussian(kernel.fullLength(), 45);
        double[] force = new double[lat.links() * g.algebraDimension()];
        double c = -0.7;
        kernel.derivative(f, l, r, c, force, par);
        double[] omega = WilsonTestSupport.gaussian(force.length, 46);
        double norm = Math.sqrt(WilsonTestSupport.norm2(omega));
        for (int i = 0; i < omega.length; i++) omega[i] /= norm;
        double analytic = 0;
        for (int i = 0; i < omega.length; i++) analytic += omega[i] * force[i] / c;
        double numeric = WilsonTestSupport.derivative(u -> {
            double[] hr = new double[r.length];
            new WilsonOperator(u, 0.1, par).applyHopping(r, hr, false);
            double s = 0;
            for (int i = 0; i < hr.length; i++) s += l[i] * hr[i];
            return s;
        }, f, omega, 0, lat.links(), H);
        assertEquals(numeric, analytic, TOLERANCE * Math.sqrt(WilsonTestSupport.norm2(force)) / Math.abs(c),
                name + " " + lat);
    }
}
