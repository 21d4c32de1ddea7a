package org.latticespark.spark.generate.flow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.generation.scalar.IndependenceMetropolis;
import org.latticespark.lattice.random.RandomStream;

/**
 * The independence Metropolis–Hastings chain over a flow's proposals, run in order on the driver from their log
 * weights alone: update i proposes proposal i, accepted with probability min(1, w_i / w_current), w = e^{−S}/q;
 * the first proposal with a finite weight starts the chain. What each saved configuration is (the proposal the chain stands on) is all
 * the row tasks need: they regenerate that proposal bit for bit from its counter-based prior draw.
 */
public final class FlowChainPlan {
    /**
     * A configuration the chain saves after {@code update}: proposal {@code proposal}, or {@link #STORED} for the
     * configuration a resumed chain started from, with its history.
     */
    public record Saved(long update, long proposal, double logWeight, double actionDensity, List<UpdateRecord> history)
            implements Serializable {}

    /** Where a chain stands before its first proposal here: after {@code update} updates, on a stored state. */
    public record Start(long update, double logWeight, double actionDensity) implements Serializable {
        /** A chain from scratch: no state, the first finite proposal is accepted. */
        public static final Start FRESH = new Start(0, IndependenceMetropolis.NO_STATE, Double.NaN);
    }

    /** The proposal index of a resumed chain's stored starting configuration. */
    public static final long STORED = 0;

    private FlowChainPlan() {}

    /**
     * @param logWeights     log w of proposal i at [i − start.update − 1], i = start.update + 1 … totalUpdates
     * @param actionDensity  S/V of the same proposals
     */
    public static List<Saved> of(ChainConfig config, int chain, Start start, double[] logWeights,
                                 double[] actionDensity) {
        long total = config.totalUpdates();
        if (logWeights.length != total - start.update() || actionDensity.length != logWeights.length) {
            throw new IllegalArgumentException(config.ensemble + " chain " + chain + ": " + logWeights.length
                    + " proposals for updates " + (start.update() + 1) + ".." + total);
        }
        IndependenceMetropolis metropolis = new IndependenceMetropolis(new RandomStream(config.seed, chain));
        List<Saved> saved = new ArrayList<>();
        List<UpdateRecord> history = new ArrayList<>();
        boolean hasState = Double.isFinite(start.logWeight());
        long current = STORED;
        double currentLogWeight = start.logWeight();
        double density = start.actionDensity();
        for (long i = start.update() + 1; i <= total; i++) {
            int k = (int) (i - start.update() - 1);
            double w = logWeights[k];
            boolean accepted = metropolis.accept(i, w, currentLogWeight);
            double deltaH = Double.isFinite(currentLogWeight) ? currentLogWeight - w : 0;
            if (accepted) {
                current = i;
                currentLogWeight = w;
                density = actionDensity[k];
                hasState = true;
            }
            if (!hasState) {
                throw new IllegalStateException(config.ensemble + " chain " + chain + ": proposal " + i
                        + " has a non-finite log weight " + w + " and the chain has no state yet");
            }
            history.add(new UpdateRecord(i, deltaH, accepted, density, 0, w));
            if (i > config.thermalization && (i - config.thermalization) % config.saveEvery == 0) {
                saved.add(new Saved(i, current, currentLogWeight, density, List.copyOf(history)));
                history.clear();
            }
        }
        return saved;
    }
}
