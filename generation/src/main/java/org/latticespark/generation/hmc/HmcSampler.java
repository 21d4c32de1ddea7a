package org.latticespark.generation.hmc;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.generation.Sampler;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.backend.PlaquetteBackend;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * Hybrid Monte Carlo for the Wilson gauge action plus optional pseudofermion terms: momentum and pseudofermion
 * refresh, MD trajectory, Metropolis on ΔH. With fermions the fermion terms sit on the outer time scale
 * ({@code steps} steps per trajectory) and the gauge force on the inner one ({@code gaugeSubsteps} steps per
 * outer sub-interval); without, there is one scale.
 */
public final class HmcSampler implements Sampler {
    private final WilsonGaugeAction action;
    private final List<Monomial> fermions;
    private final Integrator integrator;
    private final int[] steps;
    private final double trajectoryLength;
    private final RandomStream stream;
    private final Parallelism par;
    private final PlaquetteBackend backend;

    /** Pure gauge. */
    public HmcSampler(WilsonGaugeAction action, Integrator integrator, int steps, double trajectoryLength,
                      RandomStream stream, Parallelism par, PlaquetteBackend backend) {
        this(action, List.of(), integrator, steps, 1, trajectoryLength, stream, par, backend);
    }

    public HmcSampler(WilsonGaugeAction action, List<Monomial> fermions, Integrator integrator, int steps,
                      int gaugeSubsteps, double trajectoryLength, RandomStream stream, Parallelism par,
                      PlaquetteBackend backend) {
        if (steps < 1 || gaugeSubsteps < 1) {
            throw new IllegalArgumentException("steps and gauge sub-steps must be >= 1, got " + steps + ", "
                    + gaugeSubsteps);
        }
        this.action = action;
        this.fermions = List.copyOf(fermions);
        this.integrator = integrator;
        this.steps = this.fermions.isEmpty() ? new int[] {steps} : new int[] {steps, gaugeSubsteps};
        this.trajectoryLength = trajectoryLength;
        this.stream = stream;
        this.par = par;
        this.backend = backend;
    }

    @Override
    public String name() {
        return (fermions.isEmpty() ? "hmc-" : "hmc-dynamical-") + integrator.name().toLowerCase(java.util.Locale.ROOT);
    }

    private MolecularDynamics molecularDynamics(GaugeField field) {
        List<List<Monomial>> levels = new ArrayList<>();
        if (!fermions.isEmpty()) levels.add(fermions);
        levels.add(List.of(new GaugeMonomial(action, par)));
        return new MolecularDynamics(field, levels, par);
    }

    private double fermionAction(GaugeField field) {
        double s = 0;
        for (Monomial m : fermions) s += m.action(field);
        return s;
    }

    @Override
    public UpdateRecord update(GaugeField field, long index) {
        GaugeField start = field.copy();
        MolecularDynamics md = molecularDynamics(field);
        long iterationsBefore = md.solverIterations();
        md.refreshMomenta(stream, index);
        md.refreshPseudofermions(stream, index);
        double plaquetteStart = backend.plaquetteSum(field, par);
        double h0 = md.kineticEnergy() + action.fromPlaquetteSum(field, plaquetteStart) + fermionAction(field);
        if (steps.length == 1) {
            integrator.integrate(md, steps[0], trajectoryLength / steps[0]);
        } else {
            integrator.integrate(md, steps, trajectoryLength);
        }
        double plaquetteEnd = backend.plaquetteSum(field, par);
        double deltaH = md.kineticEnergy() + action.fromPlaquetteSum(field, plaquetteEnd) + fermionAction(field) - h0;
        double u = stream.at(0, index, Purpose.of(Purpose.METROPOLIS, 0)).uniform();
        boolean accepted = u < StrictMath.exp(-deltaH);
        if (accepted) {
            field.reunitarize(par);
            plaquetteEnd = backend.plaquetteSum(field, par);
        } else {
            field.copyFrom(start);
            plaquetteEnd = plaquetteStart;
        }
        return new UpdateRecord(index, deltaH, accepted, Plaquettes.normalise(field, plaquetteEnd),
                md.solverIterations() - iterationsBefore);
    }
}
