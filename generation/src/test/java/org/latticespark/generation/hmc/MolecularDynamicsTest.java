package org.latticespark.generation.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.generation.heatbath.HeatbathSampler;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.backend.JavaPlaquetteBackend;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

class MolecularDynamicsTest {
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("U1", new int[] {8, 8}, 2.0),
                Arguments.of("SU2", new int[] {4, 4, 4}, 2.5),
                Arguments.of("SU3", new int[] {4, 4, 4, 4}, 5.7));
    }

    /** A thermalised field, so that forces are typical of production. */
    private GaugeField thermalised(String group, int[] extents, double beta) {
        RandomStream stream = new RandomStream(21, 0);
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(group), stream, par);
        HeatbathSampler hb = new HeatbathSampler(beta, 1, stream, par, new JavaPlaquetteBackend());
        for (int i = 1; i <= 10; i++) hb.update(f, i);
        return f;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void trajectoriesAreReversible(String group, int[] extents, double beta) {
        for (Integrator integrator : Integrator.values()) {
            GaugeField f = thermalised(group, extents, beta);
            GaugeField start = f.copy();
            MolecularDynamics md = new MolecularDynamics(f, new WilsonGaugeAction(beta), par);
            md.refreshMomenta(new RandomStream(3, 0), 1);
            double[] p0 = md.momenta().clone();
            integrator.integrate(md, 10, 0.1);
            double moved = maxDifference(start.links(), f.links());
            md.flipMomenta();
            integrator.integrate(md, 10, 0.1);
            md.flipMomenta();
            assertTrue(moved > 1e-2, "the trajectory must move the field");
            assertTrue(maxDifference(start.links(), f.links()) < 1e-10, integrator + " links");
            assertTrue(maxDifference(p0, md.momenta()) < 1e-10, integrator + " momenta");
        }
    }

    /**
     * Both integrators are of second order: ΔH ∝ ε², so halving ε divides ΔH by about 4. The ε²
     * coefficient of one trajectory can pass through zero, so |ΔH| is summed over three momentum draws.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void energyViolationScalesWithTheSquareOfTheStepSize(String group, int[] extents, double beta) {
        GaugeField f0 = thermalised(group, extents, beta);
        for (Integrator integrator : Integrator.values()) {
            double[] dh = new double[2];
            for (int k = 0; k < 2; k++) {
                int steps = 48 << k;
                for (int draw = 0; draw < 3; draw++) {
                    GaugeField f = f0.copy();
                    MolecularDynamics md = new MolecularDynamics(f, new WilsonGaugeAction(beta), par);
                    md.refreshMomenta(new RandomStream(4 + draw, 0), 1);
                    double h0 = md.hamiltonian();
                    integrator.integrate(md, steps, 1.0 / steps);
                    dh[k] += Math.abs(md.hamiltonian() - h0);
                }
            }
            assertEquals(4.0, dh[0] / dh[1], 0.3, integrator + " " + group + " |ΔH| = " + java.util.Arrays.toString(dh));
        }
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
