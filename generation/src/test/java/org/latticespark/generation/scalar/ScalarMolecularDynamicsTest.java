package org.latticespark.generation.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * The scalar molecular dynamics: time reversibility to round-off, and the energy violation of a trajectory of fixed
 * length shrinking like ε² (ratio 4 when ε halves) for both integrators, with a smaller coefficient for Omelyan 2MN.
 */
class ScalarMolecularDynamicsTest {
    private static final Phi4Action ACTION = new Phi4Action(-1, 1);
    private static final Lattice LATTICE = new Lattice(4, 4);
    private final Parallelism par = Parallelism.serial();

    /** A field in equilibrium (some HMC trajectories from a hot start), so the forces are typical. */
    private ScalarField equilibrated() {
        RandomStream stream = new RandomStream(7, 0);
        ScalarField field = ScalarField.hot(LATTICE, stream, par);
        ScalarHmcSampler hmc = new ScalarHmcSampler(ACTION, Integrator.OMELYAN, 10, 1.0, stream, par);
        for (long i = 1; i <= 50; i++) hmc.update(field, i);
        return field;
    }

    private static double[] momenta(int volume, long draw) {
        CounterRng rng = new RandomStream(8, 0).at(0, draw, Purpose.of(Purpose.TEST, 0));
        double[] pi = new double[volume];
        for (int x = 0; x < volume; x++) pi[x] = rng.gaussian();
        return pi;
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void forwardFlipBackwardRestoresTheStart(Integrator integrator) {
        ScalarField start = equilibrated();
        double[] pi0 = momenta(LATTICE.volume(), 1);
        double[] phi = start.values().clone();
        double[] pi = pi0.clone();
        ScalarHmcSampler md = new ScalarHmcSampler(ACTION, integrator, 13, 1.3, new RandomStream(1, 0), par);
        double h0 = md.hamiltonian(LATTICE, phi, pi);
        md.integrate(LATTICE, phi, pi);
        double moved = 0;
        for (int x = 0; x < phi.length; x++) moved = Math.max(moved, Math.abs(phi[x] - start.values()[x]));
        assertTrue(moved > 0.1, "the trajectory should move the field, moved " + moved);
        assertEquals(h0, md.hamiltonian(LATTICE, phi, pi), 0.05 * Math.abs(h0));
        for (int x = 0; x < pi.length; x++) pi[x] = -pi[x];
        md.integrate(LATTICE, phi, pi);
        for (int x = 0; x < phi.length; x++) {
            assertEquals(start.values()[x], phi[x], 1e-12, "phi at " + x);
            assertEquals(pi0[x], -pi[x], 1e-12, "pi at " + x);
        }
    }

    /** RMS of ΔH over a few momentum draws, trajectory length 1 in {@code steps} steps. */
    private double rmsDeltaH(ScalarField start, Integrator integrator, int steps) {
        ScalarHmcSampler md = new ScalarHmcSampler(ACTION, integrator, steps, 1.0, new RandomStream(1, 0), par);
        double sum = 0;
        int draws = 8;
        for (int k = 0; k < draws; k++) {
            double[] phi = start.values().clone();
            double[] pi = momenta(phi.length, 10 + k);
            double h0 = md.hamiltonian(LATTICE, phi, pi);
            md.integrate(LATTICE, phi, pi);
            double dh = md.hamiltonian(LATTICE, phi, pi) - h0;
            sum += dh * dh;
        }
        return Math.sqrt(sum / draws);
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void energyViolationScalesLikeEpsilonSquared(Integrator integrator) {
        ScalarField start = equilibrated();
        double coarse = rmsDeltaH(start, integrator, 20);
        double fine = rmsDeltaH(start, integrator, 40);
        double ratio = coarse / fine;
        double leapfrog = rmsDeltaH(start, Integrator.LEAPFROG, 20);
        System.out.printf("%s: rms dH %.3e (eps 1/20), %.3e (eps 1/40), ratio %.3f; leapfrog at 1/20 %.3e%n",
                integrator, coarse, fine, ratio, leapfrog);
        assertEquals(4, ratio, 0.3, "dH(eps)/dH(eps/2)");
        if (integrator == Integrator.OMELYAN) {
            assertTrue(coarse < leapfrog / 5, "Omelyan's error coefficient is smaller: " + coarse + " vs " + leapfrog);
        }
    }
}
