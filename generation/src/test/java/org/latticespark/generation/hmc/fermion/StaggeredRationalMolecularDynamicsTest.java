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
import org.latticespark.generation.hmc.MolecularDynamics;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.MultiShiftCg;

/**
 * The RHMC pseudofermion in {@link MolecularDynamics} with two time scales (fermion outside, gauge inside, two
 * gauge steps per fermion step), leapfrog: ΔH ∝ ε² and exact reversibility, which fail for a wrong force.
 */
class StaggeredRationalMolecularDynamicsTest {
    private static final double SOLVER = 1e-12;
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 1, 5.0),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 3, 2.0),
                Arguments.of("U1", new int[] {4, 4}, 1, 1.0));
    }

    private MolecularDynamics md(GaugeField f, int flavours, double beta, double forceTolerance, int draw) {
        StaggeredRationalPseudofermion pf = new StaggeredRationalPseudofermion(f.lattice(), f.group(), 0,
                RhmcFixtures.approximations(f.lattice().dimensions(), flavours, 0.5, 1e-10, forceTolerance),
                new MultiShiftCg(SOLVER, 10_000, par), new MultiShiftCg(SOLVER, 10_000, par), par);
        MolecularDynamics md = new MolecularDynamics(f,
                List.of(List.of(pf), List.of(new GaugeMonomial(new WilsonGaugeAction(beta), par))), par);
        md.refreshMomenta(new RandomStream(80 + draw, 0), 1);
        md.refreshPseudofermions(new RandomStream(70 + draw, 0), 1);
        return md;
    }

    /**
     * Halving ε divides ΔH by 4 up to O(ε²); |ΔH| summed over three draws. Measured ratios 3.997–3.998. The force and the action use the same
     * rational function here: a looser force approximation adds an ε-independent part to ΔH.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void energyViolationScalesWithTheSquareOfTheStepSize(String name, int[] extents, int flavours, double beta) {
        GaugeField f0 = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(71, 0), par);
        double[] dh = new double[2];
        for (int k = 0; k < 2; k++) {
            for (int draw = 0; draw < 3; draw++) {
                MolecularDynamics md = md(f0.copy(), flavours, beta, 1e-10, draw);
                double h0 = md.hamiltonian();
                Integrator.LEAPFROG.integrate(md, new int[] {10 << k, 2}, 0.5);
                dh[k] += Math.abs(md.hamiltonian() - h0);
            }
        }
        assertTrue(dh[0] > 1e-6, name + ": the trajectory must violate H measurably: " + dh[0]);
        assertEquals(4.0, dh[0] / dh[1], 0.1, name + " |ΔH| = " + java.util.Arrays.toString(dh));
    }

    /**
     * Also with a loose force approximation (1e-4): the force is still a fixed function of the links. Measured
     * return errors ≤ 2e-14 (links and momenta) after moving the links by up to 0.9.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void trajectoriesAreReversible(String name, int[] extents, int flavours, double beta) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(72, 0), par);
        double[] start = f.links().clone();
        MolecularDynamics md = md(f, flavours, beta, 1e-4, 0);
        double[] p0 = md.momenta().clone();
        Integrator.LEAPFROG.integrate(md, new int[] {10, 2}, 0.5);
        double moved = maxDifference(start, f.links());
        md.flipMomenta();
        Integrator.LEAPFROG.integrate(md, new int[] {10, 2}, 0.5);
        md.flipMomenta();
        assertTrue(moved > 1e-2, "the trajectory must move the field: " + moved);
        assertTrue(maxDifference(start, f.links()) < 1e3 * SOLVER, name + " links " + maxDifference(start, f.links()));
        assertTrue(maxDifference(p0, md.momenta()) < 1e3 * SOLVER, name + " momenta " + maxDifference(p0, md.momenta()));
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
