package org.latticespark.generation.scalar;

import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * Independence Metropolis–Hastings for {@link Phi4Action} over the proposals of a {@link ScalarProposal}: update
 * {@code index} draws φ' with log q(φ'), forms log w' = −S(φ') − log q(φ') and lets {@link IndependenceMetropolis}
 * decide; on acceptance φ' replaces the field. The record is (index, ΔH = log w − log w', accepted, S/V after the
 * update, 0, log w'), so e^{−ΔH} = w'/w is the acceptance ratio; ΔH = 0 when there was no current state. As for HMC,
 * ⟨e^{−ΔH}⟩ = 1 in equilibrium: E_q[w']·E_p[1/w] = Z·(1/Z).
 *
 * <p>The sampler holds the log weight of the state the chain stands on ({@link IndependenceMetropolis#NO_STATE}
 * before the first update, whose proposal is then always accepted unless its weight is not finite). A resumed chain
 * must be given the saved log weight of its current configuration (the {@code logWeight} of the record that accepted
 * it) through the constructor or {@link #resume}; it then continues bit for bit.
 */
public final class IndependenceSampler implements ScalarSampler {
    private final Phi4Action action;
    private final ScalarProposal proposal;
    private final IndependenceMetropolis metropolis;
    private double currentLogWeight;
    /** S of the configuration the chain stands on, once known: a rejection need not recompute it. */
    private double currentAction = Double.NaN;
    private double[] proposed = new double[0];

    /** A fresh chain: the first proposal is accepted. */
    public IndependenceSampler(Phi4Action action, ScalarProposal proposal, IndependenceMetropolis metropolis) {
        this(action, proposal, metropolis, IndependenceMetropolis.NO_STATE);
    }

    /** A chain resumed on a configuration of log weight {@code currentLogWeight}. */
    public IndependenceSampler(Phi4Action action, ScalarProposal proposal, IndependenceMetropolis metropolis,
                               double currentLogWeight) {
        if (action == null || proposal == null || metropolis == null) {
            throw new IllegalArgumentException("action, proposal and metropolis must not be null");
        }
        this.action = action;
        this.proposal = proposal;
        this.metropolis = metropolis;
        this.currentLogWeight = currentLogWeight;
    }

    /** Sets the log weight of the configuration the chain stands on (when resuming it). */
    public void resume(double currentLogWeight) {
        this.currentLogWeight = currentLogWeight;
        this.currentAction = Double.NaN;
    }

    public double currentLogWeight() { return currentLogWeight; }

    @Override
    public String name() { return "phi4-independence-mh"; }

    @Override
    public UpdateRecord update(ScalarField field, long index) {
        double[] phi = field.values();
        if (proposed.length != phi.length) proposed = new double[phi.length];
        double logQ = proposal.propose(index, proposed);
        double proposedAction = action.action(field.lattice(), proposed);
        double logWeight = -proposedAction - logQ;
        boolean hadState = Double.isFinite(currentLogWeight);
        double deltaH = hadState ? currentLogWeight - logWeight : 0;
        boolean accepted = metropolis.accept(index, logWeight, currentLogWeight);
        if (accepted) {
            System.arraycopy(proposed, 0, phi, 0, phi.length);
            currentLogWeight = logWeight;
            currentAction = proposedAction;
        } else if (Double.isNaN(currentAction)) {
            currentAction = action.action(field.lattice(), phi);
        }
        return new UpdateRecord(index, deltaH, accepted, currentAction / phi.length, 0, logWeight);
    }
}
