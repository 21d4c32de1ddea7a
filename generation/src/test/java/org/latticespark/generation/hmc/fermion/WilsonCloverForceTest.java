package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * The Wilson–clover forces against a fourth-order numerical derivative of the actions (CG at 1e-12), separately for
 * the odd-site log-det term, the pseudofermion term and their sum: along a random direction of all links and along
 * single generators of single links, always including a link across the antiperiodic time boundary.
 */
class WilsonCloverForceTest {
    private static final double H = 5e-3;
    /**
     * Stencil truncation O(H⁴) plus the CG error of the actions (relative residual 1e-12), amplified by the stencil's
     * 18/(12H). Measured, relative to the force norm (all links) or the rms force (single generators), for each of
     * the log-det, pseudofermion and total forces: ≤ 1.5e-12 (all links), ≤ 4e-11 (single, SU(2), SU(3)),
     * ≤ 2.6e-10 (single, U(1) 2d).
     */
    private static final double TOLERANCE = 1e-8;
    private final Parallelism par = Parallelism.serial();

    enum Part { LOG_DET, PSEUDOFERMION, TOTAL }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Part part : Part.values()) {
            b.add(Arguments.of("SU3", new int[] {2, 2, 2, 2}, 0.12, 1.5, part));
            b.add(Arguments.of("SU2", new int[] {4, 2, 2, 2}, 0.12, 1.3, part));
            b.add(Arguments.of("U1", new int[] {4, 4}, 0.2, 1.5, part));
        }
        b.add(Arguments.of("SU2", new int[] {4, 4}, 0.2, 1.2, Part.TOTAL));
        return b.build();
    }

    private WilsonCloverPseudofermion term(GaugeField f, double kappa, double cSw) {
        WilsonCloverPseudofermion m = new WilsonCloverPseudofermion(f.lattice(), f.group(), kappa, cSw, 0,
                new ConjugateGradient(1e-12, 10_000, par), par);
        m.refresh(f, new RandomStream(5, 0), 1);
        return m;
    }

    private static ToDoubleFunction<GaugeField> action(WilsonCloverPseudofermion m, Part part) {
        return switch (part) {
            case LOG_DET -> m::logDetAction;
            case PSEUDOFERMION -> m::pseudofermionAction;
            case TOTAL -> m::action;
        };
    }

    private static BiConsumer<GaugeField, double[]> force(WilsonCloverPseudofermion m, Part part) {
        return switch (part) {
            case LOG_DET -> m::logDetForce;
            case PSEUDOFERMION -> m::pseudofermionForce;
            case TOTAL -> m::force;
        };
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forceMatchesTheDerivativeAlongARandomDirectionOfAllLinks(String name, int[] extents, double kappa,
                                                                  double cSw, Part part) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(31, 0), par);
        WilsonCloverPseudofermion m = term(f, kappa, cSw);
        assertEquals(0, m.negativeDeterminants(f), "the test wants positive blocks");
        double[] force = new double[lat.links() * g.algebraDimension()];
        force(m, part).accept(f, force);
        double[] omega = WilsonTestSupport.gaussian(force.length, 32);
        double norm = Math.sqrt(WilsonTestSupport.norm2(omega));
        double analytic = 0;
        for (int i = 0; i < omega.length; i++) {
            omega[i] /= norm;
            analytic -= omega[i] * force[i];
        }
        double numeric = WilsonTestSupport.derivative(action(m, part), f, omega, 0, lat.links(), H);
        double forceNorm = Math.sqrt(WilsonTestSupport.norm2(force));
        assertTrue(forceNorm > 0.1, m.name() + " " + part + ": force norm " + forceNorm);
        assertEquals(numeric, analytic, TOLERANCE * forceNorm, m.name() + " " + part + " on " + name + " " + lat);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forceMatchesTheDerivativeAlongSingleGenerators(String name, int[] extents, double kappa, double cSw,
                                                        Part part) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(41, 0), par);
        WilsonCloverPseudofermion m = term(f, kappa, cSw);
        int dim = g.algebraDimension();
        double[] force = new double[lat.links() * dim];
        force(m, part).accept(f, force);
        double scale = Math.sqrt(WilsonTestSupport.norm2(force) / force.length);
        int d = lat.dimensions();
        // a time link on the last slice (crosses the antiperiodic boundary), a spatial link there, two inside
        int last = lat.volume() - 1;
        int[] links = {last * d + d - 1, last * d, d - 1, (lat.volume() / 2 + 1) * d + 1};
        double[] e = new double[force.length];
        for (int link : links) {
            for (int a = 0; a < dim; a++) {
                e[link * dim + a] = 1;
                double numeric = WilsonTestSupport.derivative(action(m, part), f, e, link, link + 1, H);
                e[link * dim + a] = 0;
                assertEquals(-numeric, force[link * dim + a], TOLERANCE * Math.max(scale, Math.abs(numeric)),
                        m.name() + " " + part + " on " + name + " link " + link + " generator " + a);
            }
        }
    }
}
