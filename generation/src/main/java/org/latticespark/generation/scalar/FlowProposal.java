package org.latticespark.generation.scalar;

import org.latticespark.generation.flow.RealNvpFlow;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * Proposals of a trained normalizing flow: proposal n is φ = f(z) with z drawn from the chain's stream at
 * (0, n, FLOW_PRIOR), so any proposal is regenerated bit for bit (the flow uses StrictMath). Not thread-safe: one per
 * thread.
 */
public final class FlowProposal implements ScalarProposal {
    private final RealNvpFlow flow;
    private final RealNvpFlow.Workspace workspace;
    private final CounterRng prior;

    public FlowProposal(RealNvpFlow flow, RandomStream stream) {
        this.flow = flow;
        this.workspace = flow.newWorkspace();
        this.prior = new CounterRng(stream);
    }

    @Override
    public double propose(long index, double[] phiOut) {
        prior.reset(0, index, Purpose.of(Purpose.FLOW_PRIOR, 0));
        return flow.sample(prior, phiOut, workspace);
    }
}
