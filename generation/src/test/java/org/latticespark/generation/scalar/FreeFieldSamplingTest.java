package org.latticespark.generation.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.FreeScalarField;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * Exactness in the free theory (λ = 0): HMC and the independence sampler with a Gaussian proposal of the wrong width
 * reproduce {@link FreeScalarField}'s ⟨φ²⟩, C(t), χ = V⟨M²⟩ and ⟨S⟩/V within MAX_PULL Γ-method errors, and HMC has
 * ⟨e^{−ΔH}⟩ = 1 within errors.
 */
class FreeFieldSamplingTest {
    private static final double MAX_PULL = 4;
    private final Parallelism par = Parallelism.serial();

    private static void assertExact(String what, Phi4Series s, FreeScalarField exact) {
        check(what + " phi2", Autocorrelated.of(s.phi2), exact.phiSquared());
        check(what + " chi", Autocorrelated.of(s.volumeMSquared), exact.susceptibility());
        check(what + " S/V", Autocorrelated.of(s.actionDensity), exact.actionDensity());
        double[] c = exact.twoPoint();
        for (int t = 0; t < s.twoPoint.length; t++) check(what + " C(" + t + ")", Autocorrelated.of(s.twoPoint[t]), c[t]);
    }

    private static void check(String what, Autocorrelated estimate, double exact) {
        double pull = estimate.pull(exact);
        System.out.printf("%s: %s exact %.5f pull %.2f%n", what, estimate, exact, pull);
        assertTrue(Math.abs(pull) < MAX_PULL, what + ": " + estimate + " vs exact " + exact);
    }

    /**
     * τ = 0.5 keeps every free mode's rotation angle ωτ, ω² = 2(p̂² + m²), well below π: near ωτ = π the mode's
     * amplitude only flips sign and φ² decorrelates very slowly.
     */
    @ParameterizedTest
    @ValueSource(strings = {"4x4", "2x2x4"})
    void hmcReproducesTheExactFreeField(String shape) {
        boolean twoD = shape.equals("4x4");
        Lattice lat = twoD ? new Lattice(4, 4) : new Lattice(2, 2, 4);
        double m2 = 0.5;
        RandomStream stream = new RandomStream(101, 0);
        ScalarHmcSampler hmc = new ScalarHmcSampler(new Phi4Action(m2, 0),
                twoD ? Integrator.LEAPFROG : Integrator.OMELYAN, twoD ? 5 : 3, 0.5, stream, par);
        Phi4Series s = Phi4Series.run(hmc, ScalarField.hot(lat, stream, par), 100, 20_000);
        Autocorrelated boltzmann = Autocorrelated.of(s.expMinusDeltaH);
        System.out.printf("free HMC %s: acceptance %.3f, <exp(-dH)> = %s pull %.2f%n", shape, s.acceptance(),
                boltzmann, boltzmann.pull(1));
        assertTrue(Math.abs(boltzmann.pull(1)) < MAX_PULL);
        assertExact("free HMC " + shape, s, new FreeScalarField(lat, m2));
    }

    @Test
    void independenceSamplerWithAWrongWidthIsExact() {
        Lattice lat = new Lattice(2, 2);
        double m2 = 2;
        FreeScalarField exact = new FreeScalarField(lat, m2);
        RandomStream stream = new RandomStream(202, 0);
        // wider than the widest mode, 1/sqrt(2 m2), so that the weights e^{-S}/q are bounded
        double sigma = 1.1 / Math.sqrt(2 * m2);
        IndependenceSampler sampler = new IndependenceSampler(new Phi4Action(m2, 0), new GaussianProposal(stream, sigma),
                new IndependenceMetropolis(stream));
        Phi4Series s = Phi4Series.run(sampler, ScalarField.cold(lat), 100, 40_000);
        Autocorrelated boltzmann = Autocorrelated.of(s.expMinusDeltaH);
        System.out.printf("free independence MH: sigma %.3f vs per-site width %.3f, acceptance %.3f, <exp(-dH)> = %s%n",
                sigma, Math.sqrt(exact.phiSquared()), s.acceptance(), boltzmann);
        assertTrue(s.acceptance() > 0.2 && s.acceptance() < 0.9, "acceptance " + s.acceptance());
        assertExact("free independence MH", s, exact);
    }
}
