package org.latticespark.generation.scalar;

import java.io.Serializable;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * The accept/reject step of an independence Metropolis–Hastings chain whose proposals φ' ~ q are independent of
 * the current state: with importance weights w = e^{−S(φ)}/q(φ), i.e. log w = −S − log q, the proposal is accepted
 * with probability min(1, w'/w), which leaves e^{−S}/Z invariant whatever q is (q &gt; 0 where e^{−S} &gt; 0).
 * Update {@code index} draws u = {@code stream.at(0, index, Purpose.of(METROPOLIS, 0)).uniform()} and accepts iff
 * u &lt; exp(log w' − log w) (StrictMath, so the chain is the same on every JVM).
 *
 * <p>Non-finite weights: a proposal whose log weight is not finite (NaN, ±∞: an overflow or q = 0) is always
 * rejected. A current log weight that is not finite means there is no usable current state, in particular
 * {@link #NO_STATE} (NaN) before the first proposal: any finite proposal is then accepted. Stateless and
 * serializable; the same index always gives the same decision.
 */
public final class IndependenceMetropolis implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The current log weight of a chain that does not stand on a configuration yet. */
    public static final double NO_STATE = Double.NaN;

    private final RandomStream stream;

    public IndependenceMetropolis(RandomStream stream) {
        if (stream == null) throw new IllegalArgumentException("random stream must not be null");
        this.stream = stream;
    }

    /** Whether update {@code index} moves the chain from a state of log weight {@code logWeightCurrent} to the proposal. */
    public boolean accept(long index, double logWeightProposal, double logWeightCurrent) {
        if (!Double.isFinite(logWeightProposal)) return false;
        if (!Double.isFinite(logWeightCurrent)) return true;
        double u = stream.at(0, index, Purpose.of(Purpose.METROPOLIS, 0)).uniform();
        return u < StrictMath.exp(logWeightProposal - logWeightCurrent);
    }
}
