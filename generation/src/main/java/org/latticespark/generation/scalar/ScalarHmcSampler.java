package org.latticespark.generation.scalar;

import java.util.Locale;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * Hybrid Monte Carlo for {@link Phi4Action}: H(φ, π) = ½ Σ_x π(x)² + S(φ), momenta π(x) ~ N(0, 1) drawn from
 * {@code stream.at(x, index, Purpose.of(MOMENTUM, 0))}; equations of motion dφ/dt = π, dπ/dt = −∂S/∂φ; a trajectory of
 * length τ in {@code steps} steps of ε = τ/steps, by leapfrog P(ε/2) Φ(ε) P(ε/2) or Omelyan 2MN
 * P(λε) Φ(ε/2) P((1−2λ)ε) Φ(ε/2) P(λε), λ = {@link Integrator#LAMBDA} (outer momentum half-steps of neighbouring
 * steps merged); Metropolis with u = {@code stream.at(0, index, Purpose.of(METROPOLIS, 0)).uniform()}, accepted iff
 * u &lt; exp(−ΔH) (StrictMath). Per-site updates are independent and the energies are summed by
 * {@link Parallelism#sum} in a fixed order, so a chain is the same bit for bit on any number of threads.
 * The record carries (index, ΔH, accepted, S/V after the update, 0). Holds work arrays: one sampler per chain.
 */
public final class ScalarHmcSampler implements ScalarSampler {
    private final Phi4Action action;
    private final Integrator integrator;
    private final int steps;
    private final double trajectoryLength;
    private final RandomStream stream;
    private final Parallelism par;
    private double[] momenta = new double[0];
    private double[] start = new double[0];

    public ScalarHmcSampler(Phi4Action action, Integrator integrator, int steps, double trajectoryLength,
                            RandomStream stream, Parallelism par) {
        if (action == null || integrator == null || stream == null || par == null) {
            throw new IllegalArgumentException("action, integrator, stream and parallelism must not be null");
        }
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        if (!(trajectoryLength > 0) || Double.isInfinite(trajectoryLength)) {
            throw new IllegalArgumentException("trajectory length must be finite and > 0, got " + trajectoryLength);
        }
        this.action = action;
        this.integrator = integrator;
        this.steps = steps;
        this.trajectoryLength = trajectoryLength;
        this.stream = stream;
        this.par = par;
    }

    @Override
    public String name() { return "phi4-hmc-" + integrator.name().toLowerCase(Locale.ROOT); }

    public Phi4Action action() { return action; }

    @Override
    public UpdateRecord update(ScalarField field, long index) {
        Lattice lat = field.lattice();
        double[] phi = field.values();
        int volume = phi.length;
        if (momenta.length != volume) {
            momenta = new double[volume];
            start = new double[volume];
        }
        double[] pi = momenta;
        System.arraycopy(phi, 0, start, 0, volume);
        int purpose = Purpose.of(Purpose.MOMENTUM, 0);
        par.forEach(volume, x -> pi[x] = stream.at(x, index, purpose).gaussian());

        double actionStart = action(lat, phi);
        double h0 = kineticEnergy(pi) + actionStart;
        integrate(lat, phi, pi);
        double actionEnd = action(lat, phi);
        double deltaH = kineticEnergy(pi) + actionEnd - h0;
        double u = stream.at(0, index, Purpose.of(Purpose.METROPOLIS, 0)).uniform();
        boolean accepted = u < StrictMath.exp(-deltaH);
        if (!accepted) {
            System.arraycopy(start, 0, phi, 0, volume);
            actionEnd = actionStart;
        }
        return new UpdateRecord(index, deltaH, accepted, actionEnd / volume, 0);
    }

    /** One trajectory of length τ from (φ, π), in place; reversible: flipping π and integrating again returns. */
    public void integrate(Lattice lattice, double[] phi, double[] pi) {
        double eps = trajectoryLength / steps;
        if (integrator == Integrator.LEAPFROG) {
            updateMomenta(lattice, phi, pi, 0.5 * eps);
            for (int k = 0; k < steps; k++) {
                updateField(phi, pi, eps);
                updateMomenta(lattice, phi, pi, k == steps - 1 ? 0.5 * eps : eps);
            }
        } else {
            double lambda = Integrator.LAMBDA;
            updateMomenta(lattice, phi, pi, lambda * eps);
            for (int k = 0; k < steps; k++) {
                updateField(phi, pi, 0.5 * eps);
                updateMomenta(lattice, phi, pi, (1 - 2 * lambda) * eps);
                updateField(phi, pi, 0.5 * eps);
                updateMomenta(lattice, phi, pi, k == steps - 1 ? lambda * eps : 2 * lambda * eps);
            }
        }
    }

    /** H = ½ Σ π² + S(φ). */
    public double hamiltonian(Lattice lattice, double[] phi, double[] pi) {
        return kineticEnergy(pi) + action(lattice, phi);
    }

    /** S(φ) summed in {@link Parallelism#sum}'s fixed order (equal to {@link Phi4Action#action} up to rounding). */
    public double action(Lattice lattice, double[] phi) {
        return par.sum(phi.length, x -> action.siteAction(lattice, phi, x));
    }

    private double kineticEnergy(double[] pi) {
        return 0.5 * par.sum(pi.length, x -> pi[x] * pi[x]);
    }

    private void updateMomenta(Lattice lattice, double[] phi, double[] pi, double dt) {
        par.forEach(pi.length, x -> pi[x] -= dt * action.gradientAt(lattice, phi, x));
    }

    private void updateField(double[] phi, double[] pi, double dt) {
        par.forEach(phi.length, x -> phi[x] += dt * pi[x]);
    }
}
