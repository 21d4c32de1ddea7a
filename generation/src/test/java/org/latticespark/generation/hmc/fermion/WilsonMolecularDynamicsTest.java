package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.generation.hmc.GaugeMonomial;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.generation.hmc.MolecularDynamics;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * Nested leapfrog with the Wilson terms, a pseudofermion at κ_h and the Hasenbusch ratio κ/κ_h, on the outer time
 * scale and the gauge action on the inner one: ΔH ∝ ε² and exact reversibility, both of which fail for a wrong force.
 */
class WilsonMolecularDynamicsTest {
    private static final double CG_TOLERANCE = 1e-12;
    private static final double LENGTH = 0.5;
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 5.0, 0.12, 0.09),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 2.0, 0.12, 0.1),
                Arguments.of("U1", new int[] {4, 4}, 1.0, 0.2, 0.15));
    }

    private MolecularDynamics dynamics(GaugeField f, double beta, double kappa, double kappaH, int draw) {
        ConjugateGradient cg = new ConjugateGradient(CG_TOLERANCE, 10_000, par);
        List<Monomial> fermions = List.of(
                new WilsonPseudofermion(f.lattice(), f.group(), kappaH, 0, cg, par),
                new WilsonHasenbuschRatio(f.lattice(), f.group(), kappa, kappaH, 1, cg, par));
        MolecularDynamics md = new MolecularDynamics(f,
                List.of(fermions, List.of(new GaugeMonomial(new WilsonGaugeAction(beta), par))), par);
        RandomStream stream = new RandomStream(70, 0);
        md.refreshMomenta(stream, draw);
        md.refreshPseudofermions(stream, draw);
        return md;
    }

    /**
     * Second order: doubling the outer steps (the inner two per outer step kept) halves every step size and divides
     * ΔH by 4 up to O(ε²); |ΔH| summed over three draws, since one trajectory's ε² coefficient can pass through zero.
     * Measured ratios 3.997 (SU(3)), 3.998 (SU(2)), 3.9995 (U(1)).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void energyViolationScalesWithTheSquareOfTheStepSize(String name, int[] extents, double beta, double kappa,
                                                         double kappaH) {
        GaugeField f0 = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(71, 0), par);
        double[] dh = new double[2];
        for (int k = 0; k < 2; k++) {
            int steps = 10 << k;
            for (int draw = 0; draw < 3; draw++) {
                MolecularDynamics md = dynamics(f0.copy(), beta, kappa, kappaH, draw);
                double h0 = md.hamiltonian();
                Integrator.LEAPFROG.integrate(md, new int[] {steps, 2}, LENGTH);
                dh[k] += Math.abs(md.hamiltonian() - h0);
                assertTrue(md.solverIterations() > 0);
            }
        }
        assertEquals(4.0, dh[0] / dh[1], 0.1, name + " |ΔH| = " + Arrays.toString(dh));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void trajectoriesAreReversible(String name, int[] extents, double beta, double kappa, double kappaH) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(72, 0), par);
        double[] start = f.links().clone();
        MolecularDynamics md = dynamics(f, beta, kappa, kappaH, 0);
        double[] p0 = md.momenta().clone();
        double h0 = md.hamiltonian();
        Integrator.LEAPFROG.integrate(md, new int[] {10, 2}, LENGTH);
        double moved = maxDifference(start, f.links());
        md.flipMomenta();
        Integrator.LEAPFROG.integrate(md, new int[] {10, 2}, LENGTH);
        md.flipMomenta();
        assertTrue(moved > 1e-2, "the trajectory must move the field: " + moved);
        // every solve starts from zero, so the forces are functions of the links: measured misses ≤ 4e-15
        assertTrue(maxDifference(start, f.links()) < 1e3 * CG_TOLERANCE, name + " links");
        assertTrue(maxDifference(p0, md.momenta()) < 1e3 * CG_TOLERANCE, name + " momenta");
        assertEquals(h0, md.hamiltonian(), 1e-8 * Math.abs(h0), name + " H");
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
