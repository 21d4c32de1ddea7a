package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.generation.hmc.fermion.RhmcFixtures.distance;
import static org.latticespark.generation.hmc.fermion.RhmcFixtures.dot;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
import org.latticespark.lattice.solver.MultiShiftCg;

/**
 * The RHMC force against a fourth-order symmetric numerical derivative of the action: both use the same rational
 * function, so they agree up to the stencil (O(H⁴)) and solver (1e-12) errors, whatever the rational error.
 */
class StaggeredRationalForceTest {
    private static final double MASS = 0.5;
    private static final double H = 1e-2;
    /** As in {@link StaggeredForceTest}: stencil O(H⁴) ≈ 1e-8, solver error ≲ 1e-9. Measured: ≤ 2e-10 |F| (random direction), ≤ 3e-9 (single generators). */
    private static final double TOLERANCE = 1e-7;
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 1),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 2),
                Arguments.of("SU2", new int[] {2, 2, 2, 2}, 3),
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 6),
                Arguments.of("U1", new int[] {4, 4}, 1),
                Arguments.of("SU4", new int[] {4, 4}, 3));
    }

    private StaggeredRationalPseudofermion pseudofermion(GaugeField f, int flavours, double forceTolerance) {
        MultiShiftCg cg = new MultiShiftCg(1e-12, 10_000, par);
        StaggeredRationalPseudofermion pf = new StaggeredRationalPseudofermion(f.lattice(), f.group(), 0,
                RhmcFixtures.approximations(f.lattice().dimensions(), flavours, MASS, 1e-10, forceTolerance), cg, cg,
                par);
        pf.heatbath(f, new RandomStream(5, 0), 1);
        return pf;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forceMatchesTheDerivativeAlongARandomDirectionOfAllLinks(String name, int[] extents, int flavours) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(31, 0), par);
        StaggeredRationalPseudofermion pf = pseudofermion(f, flavours, 1e-10);
        double[] force = new double[lat.links() * g.algebraDimension()];
        pf.force(f, force);
        double[] omega = new double[force.length];
        CounterRng rng = new RandomStream(32, 0).at(0, 0, 0);
        for (int i = 0; i < omega.length; i++) omega[i] = rng.gaussian();
        double norm = Math.sqrt(dot(omega, omega));
        for (int i = 0; i < omega.length; i++) omega[i] /= norm;
        double analytic = -dot(omega, force);
        double numeric = derivative(pf, f, omega, 0, lat.links());
        double forceNorm = Math.sqrt(dot(force, force));
        assertTrue(forceNorm > 0.1, name + ": force norm " + forceNorm);
        assertEquals(numeric, analytic, TOLERANCE * forceNorm, name + " Nf=" + flavours);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forceMatchesTheDerivativeAlongSingleGenerators(String name, int[] extents, int flavours) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(41, 0), par);
        StaggeredRationalPseudofermion pf = pseudofermion(f, flavours, 1e-10);
        int dim = g.algebraDimension();
        double[] force = new double[lat.links() * dim];
        pf.force(f, force);
        double scale = Math.sqrt(dot(force, force) / force.length);
        CounterRng rng = new RandomStream(42, 0).at(0, 0, 0);
        double[] e = new double[lat.links() * dim];
        for (int k = 0; k < 3; k++) {
            int link = (int) (rng.uniform() * lat.links());
            for (int a = 0; a < dim; a++) {
                e[link * dim + a] = 1;
                double numeric = derivative(pf, f, e, link, link + 1);
                e[link * dim + a] = 0;
                assertEquals(-numeric, force[link * dim + a], TOLERANCE * Math.max(scale, Math.abs(numeric)),
                        name + " Nf=" + flavours + " link " + link + " generator " + a);
            }
        }
    }

    /**
     * A looser force approximation (1e-5) has fewer poles and changes the force by a modest multiple of its
     * maximal relative error e_F (measured: 6.0e-5 |F| for e_F = 7.5e-6; the derivative of the oscillating error
     * enters too); the action, hence the Metropolis test, keeps the 1e-10 approximation.
     */
    @Test
    void looserForceApproximationChangesTheForceByAboutItsTolerance() {
        Lattice lat = new Lattice(2, 2, 2, 2);
        GaugeGroup g = GaugeGroup.of("SU3");
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(51, 0), par);
        StaggeredRationalPseudofermion tight = pseudofermion(f, 1, 1e-10);
        StaggeredRationalPseudofermion loose = pseudofermion(f, 1, 1e-5);
        assertTrue(loose.approximations().force().degree() < tight.approximations().force().degree());
        assertEquals(loose.approximations().action().degree(), tight.approximations().action().degree());
        double[] ft = new double[lat.links() * g.algebraDimension()], fl = new double[ft.length];
        tight.force(f, ft);
        loose.force(f, fl);
        double relative = distance(ft, fl) / Math.sqrt(dot(ft, ft));
        double error = loose.approximations().force().maxRelativeError();
        assertTrue(relative > 1e-9 && relative < 50 * error, "|F_loose − F| / |F| = " + relative + ", e_F = " + error);
        assertEquals(tight.action(f), loose.action(f), 0.0);
    }

    /** d/dh S(exp(ih ω) U) at h = 0 on links [from, to), by the five-point stencil (error O(H⁴)). */
    private static double derivative(StaggeredRationalPseudofermion pf, GaugeField f, double[] omega, int from, int to) {
        double p1 = rotated(pf, f, omega, from, to, H), m1 = rotated(pf, f, omega, from, to, -H);
        double p2 = rotated(pf, f, omega, from, to, 2 * H), m2 = rotated(pf, f, omega, from, to, -2 * H);
        return (8 * (p1 - m1) - (p2 - m2)) / (12 * H);
    }

    private static double rotated(StaggeredRationalPseudofermion pf, GaugeField f, double[] omega, int from, int to,
            double h) {
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
}
