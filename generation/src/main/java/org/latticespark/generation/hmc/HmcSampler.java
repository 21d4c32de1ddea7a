package org.latticespark.generation.hmc;

import org.latticespark.generation.Sampler;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.backend.PlaquetteBackend;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** Hybrid Monte Carlo for the Wilson gauge action: momentum refresh, MD trajectory, Metropolis on ΔH. */
public final class HmcSampler implements Sampler {
    private final WilsonGaugeAction action;
    private final Integrator integrator;
    private final int steps;
    private final double stepSize;
    private final RandomStream stream;
    private final Parallelism par;
    private final PlaquetteBackend backend;

    public HmcSampler(WilsonGaugeAction action, Integrator integrator, int steps, double trajectoryLength,
                      RandomStream stream, Parallelism par, PlaquetteBackend backend) {
        this.action = action;
        this.integrator = integrator;
        this.steps = steps;
        this.stepSize = trajectoryLength / steps;
        this.stream = stream;
        this.par = par;
        this.backend = backend;
    }

    @Override
    public String name() {
        return "hmc-" + integrator.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public UpdateRecord update(GaugeField field, long index) {
        GaugeField start = field.copy();
        MolecularDynamics md = new MolecularDynamics(field, action, par);
        md.refreshMomenta(stream, index);
        double plaquetteStart = backend.plaquetteSum(field, par);
        double h0 = md.kineticEnergy() + action.fromPlaquetteSum(field, plaquetteStart);
        integrator.integrate(md, steps, stepSize);
        double plaquetteEnd = backend.plaquetteSum(field, par);
        double deltaH = md.kineticEnergy() + action.fromPlaquetteSum(field, plaquetteEnd) - h0;
        double u = stream.at(0, index, Purpose.of(Purpose.METROPOLIS, 0)).uniform();
        boolean accepted = u < StrictMath.exp(-deltaH);
        if (accepted) {
            field.reunitarize(par);
            plaquetteEnd = backend.plaquetteSum(field, par);
        } else {
            field.copyFrom(start);
            plaquetteEnd = plaquetteStart;
        }
        return new UpdateRecord(index, deltaH, accepted, Plaquettes.normalise(field, plaquetteEnd));
    }
}
