package org.latticespark.generation.scalar;

/**
 * A source of independent proposals for {@link IndependenceSampler}, such as a normalizing flow: proposal
 * {@code index} is a deterministic function of the random numbers at (element 0, update {@code index},
 * {@code Purpose.of(Purpose.FLOW_PRIOR, 0)}) of the chain's stream, so any proposal can be regenerated bit for bit.
 */
public interface ScalarProposal {
    /** Writes proposal {@code index} into {@code phiOut} (one value per site, lexicographic) and returns log q(φ). */
    double propose(long index, double[] phiOut);
}
