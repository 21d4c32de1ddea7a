package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * The pseudofermion force against a fourth-order symmetric numerical derivative of the action (CG at 1e-12),
 * along random algebra directions on every link at once and along single generators of single links.
 */
class StaggeredForceTest {
    private static final double MASS = 0.3;
    private static final double H = 1e-2;
    /**
     * The stencil's truncation error is O(H⁴) ≈ 1e-8 relative; the CG error of each action (relative residual 1e-12,
     * amplified by 1/m² ≈ 11 and by the stencil's 18/(12H)) is ≲ 1e-8 of the action. Measured: ≤ 3e-9.
     */
    private static final double TOLERANCE = 1e-7;
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}),
                Arguments.of("U1", new int[] {4, 4}),
                Arguments.of("SU4", new int[] {4, 4}));
    }

    private StaggeredPseudofermion pseudofermion(GaugeField f) {
        ConjugateGradient cg = new ConjugateGradient(1e-12, 10_000, par);
        StaggeredPseudofermion pf = new StaggeredPseudofermion(f.lattice(), f.group(), MASS, 0, cg, par);
        pf.heatbath(f, new RandomStream(5, 0), 1);
        return pf;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forceMatchesTheDerivativeAlongARandomDirectionOfAllLinks(String name, int[] extents) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(31, 0), par);
        StaggeredPseudofermion pf = pseudofermion(f);
        int dim = g.algebraDimension();
        double[] force = new double[lat.links() * dim];
        pf.force(f, force);
        double[] omega = new double[force.length];
        CounterRng rng = new RandomStream(32, 0).at(0, 0, 0);
        for (int i = 0; i < omega.length; i++) omega[i] = rng.gaussian();
        double norm = Math.sqrt(dot(omega, omega));
        for (int i = 0; i < omega.length; i++) omega[i] /= norm;
        double analytic = 0;
        for (int i = 0; i < omega.length; i++) analytic -= omega[i] * force[i];
        double numeric = derivative(pf, f, omega, 0, lat.links());
        double forceNorm = Math.sqrt(dot(force, force));
        assertTrue(forceNorm > 1, name + ": force norm " + forceNorm);
        // |ω| = 1, so |F| bounds the derivative; measured deviations are below 1e-9 |F|
        assertEquals(numeric, analytic, TOLERANCE * forceNorm, name);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forceMatchesTheDerivativeAlongSingleGenerators(String name, int[] extents) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(41, 0), par);
        StaggeredPseudofermion pf = pseudofermion(f);
        int dim = g.algebraDimension();
        double[] force = new double[lat.links() * dim];
        pf.force(f, force);
        double scale = Math.sqrt(dot(force, force) / force.length);
        CounterRng rng = new RandomStream(42, 0).at(0, 0, 0);
        double[] e = new double[lat.links() * dim];
        for (int k = 0; k < 6; k++) {
            int link = (int) (rng.uniform() * lat.links());
            for (int a = 0; a < dim; a++) {
                e[link * dim + a] = 1;
                double numeric = derivative(pf, f, e, link, link + 1);
                e[link * dim + a] = 0;
                assertEquals(-numeric, force[link * dim + a], TOLERANCE * Math.max(scale, Math.abs(numeric)),
                        name + " link " + link + " generator " + a);
            }
        }
    }

    /** d/dh S_f(exp(ih ω) U) at h = 0 on links [from, to), by the five-point stencil (error O(H⁴)). */
    private static double derivative(StaggeredPseudofermion pf, GaugeField f, double[] omega, int from, int to) {
        double p1 = rotated(pf, f, omega, from, to, H), m1 = rotated(pf, f, omega, from, to, -H);
        double p2 = rotated(pf, f, omega, from, to, 2 * H), m2 = rotated(pf, f, omega, from, to, -2 * H);
        return (8 * (p1 - m1) - (p2 - m2)) / (12 * H);
    }

    private static double rotated(StaggeredPseudofermion pf, GaugeField f, double[] omega, int from, int to, double h) {
        GaugeGroup g = f.group();
        int ms = g.matrixSize(), dim = g.algebraDimension();
        GaugeField c = f.copy();
        double[] rot = new double[ms], tmp = new double[ms];
        for (int link = from; link < to; link++) {
            g.expI(omega, link * dim, h, rot, 0);
            CMat.mul(g.n(), rot, 0, c.links(), link * ms, tmp, 0);
            System.arraycopy(tmp, 0, c.links(), link * ms, ms);
        }
        return pf.action(c);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
