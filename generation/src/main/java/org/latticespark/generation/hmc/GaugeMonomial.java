package org.latticespark.generation.hmc;

import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/** The Wilson gauge action as a term of the HMC Hamiltonian. */
public final class GaugeMonomial implements Monomial {
    private final WilsonGaugeAction action;
    private final Parallelism par;

    public GaugeMonomial(WilsonGaugeAction action, Parallelism par) {
        if (action == null || par == null) throw new IllegalArgumentException("action and parallelism must not be null");
        this.action = action;
        this.par = par;
    }

    public WilsonGaugeAction gaugeAction() { return action; }

    @Override
    public String name() { return "wilson gauge beta=" + action.beta(); }

    @Override
    public void refresh(GaugeField u, RandomStream stream, long trajectory) {}

    @Override
    public double action(GaugeField u) { return action.action(u, par); }

    @Override
    public void force(GaugeField u, double[] force) { action.force(u, force, par); }
}
