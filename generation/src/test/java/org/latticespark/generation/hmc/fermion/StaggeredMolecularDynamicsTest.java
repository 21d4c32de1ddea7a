package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.generation.hmc.GaugeMonomial;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.generation.hmc.MolecularDynamics;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * Leapfrog with gauge plus pseudofermion force, on one time scale and nested (gauge inside): ΔH ∝ ε² and
 * reversibility, which fail for a wrong force or a wrong nesting.
 */
class StaggeredMolecularDynamicsTest {
    private static final double CG_TOLERANCE = 1e-12;
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 5.0),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 2.0),
                Arguments.of("U1", new int[] {4, 4}, 1.0));
    }

    /** One time scale holding both forces, or the fermion force outside and the gauge force nested inside. */
    private MolecularDynamics dynamics(GaugeField f, double beta, int draw, boolean nested) {
        StaggeredPseudofermion pf = new StaggeredPseudofermion(f.lattice(), f.group(), 0.3, 0,
                new ConjugateGradient(CG_TOLERANCE, 10_000, par), par);
        GaugeMonomial gauge = new GaugeMonomial(new WilsonGaugeAction(beta), par);
        MolecularDynamics md = new MolecularDynamics(f, nested ? List.of(List.of(pf), List.of(gauge))
                : List.of(List.<Monomial>of(gauge, pf)), par);
        md.refreshPseudofermions(new RandomStream(70 + draw, 0), 1);
        md.refreshMomenta(new RandomStream(80 + draw, 0), 1);
        return md;
    }

    private static void integrate(MolecularDynamics md, int steps, double eps) {
        if (md.levels() == 1) {
            Integrator.LEAPFROG.integrate(md, steps, eps);
        } else {
            Integrator.LEAPFROG.integrate(md, new int[] {steps, 3}, steps * eps);
        }
    }

    static Stream<Arguments> casesAndScales() {
        return cases().flatMap(a -> Stream.of(false, true).map(n -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], n)));
    }

    /**
     * Second order: halving ε divides ΔH by 4 up to O(ε²) corrections; |ΔH| is summed over three draws since the
     * ε² coefficient of one trajectory can pass through zero. Measured ratios: 3.995–3.998 (the O(ε²) correction).
     */
    @ParameterizedTest
    @MethodSource("casesAndScales")
    void energyViolationScalesWithTheSquareOfTheStepSize(String name, int[] extents, double beta, boolean nested) {
        GaugeField f0 = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(71, 0), par);
        double[] dh = new double[2];
        for (int k = 0; k < 2; k++) {
            int steps = 20 << k;
            for (int draw = 0; draw < 3; draw++) {
                MolecularDynamics md = dynamics(f0.copy(), beta, draw, nested);
                double h0 = md.hamiltonian();
                integrate(md, steps, 0.5 / steps);
                dh[k] += Math.abs(md.hamiltonian() - h0);
            }
        }
        assertEquals(4.0, dh[0] / dh[1], 0.05, name + (nested ? " nested" : "") + " |ΔH| = "
                + java.util.Arrays.toString(dh));
    }

    @ParameterizedTest
    @MethodSource("casesAndScales")
    void trajectoriesAreReversible(String name, int[] extents, double beta, boolean nested) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(72, 0), par);
        double[] start = f.links().clone();
        MolecularDynamics md = dynamics(f, beta, 0, nested);
        double[] p0 = md.momenta().clone();
        integrate(md, 10, 0.05);
        double moved = maxDifference(start, f.links());
        md.flipMomenta();
        integrate(md, 10, 0.05);
        md.flipMomenta();
        assertTrue(moved > 1e-2, "the trajectory must move the field: " + moved);
        // forces are exact up to the CG tolerance, so the return trip misses by about that much
        assertTrue(maxDifference(start, f.links()) < 1e3 * CG_TOLERANCE, name + " links");
        assertTrue(maxDifference(p0, md.momenta()) < 1e3 * CG_TOLERANCE, name + " momenta");
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
