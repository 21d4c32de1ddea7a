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
    /** A configuration the chain saves after {@code update}: proposal {@code proposal}, with its history. */
    public record Saved(long update, long proposal, double logWeight, double actionDensity, List<UpdateRecord> history)
            implements Serializable {}

    private FlowChainPlan() {}

    /**
     * @param logWeights     log w of proposal i at [i − 1], i = 1..totalUpdates
     * @param actionDensity  S/V of proposal i at [i − 1]
     */
    public static List<Saved> of(ChainConfig config, int chain, double[] logWeights, double[] actionDensity) {
        long total = config.totalUpdates();
        if (logWeights.length != total || actionDensity.length != total) {
            throw new IllegalArgumentException(config.ensemble + " chain " + chain + ": " + logWeights.length
                    + " proposals for " + total + " updates");
        }
        IndependenceMetropolis metropolis = new IndependenceMetropolis(new RandomStream(config.seed, chain));
        List<Saved> saved = new ArrayList<>();
        List<UpdateRecord> history = new ArrayList<>();
        long current = 0;
        double currentLogWeight = IndependenceMetropolis.NO_STATE;
        for (long i = 1; i <= total; i++) {
            double w = logWeights[(int) (i - 1)];
            boolean accepted = metropolis.accept(i, w, currentLogWeight);
            double deltaH = Double.isFinite(currentLogWeight) ? currentLogWeight - w : 0;
            if (accepted) {
                current = i;
                currentLogWeight = w;
            }
            if (current == 0) {
                throw new IllegalStateException(config.ensemble + " chain " + chain + ": proposal " + i
                        + " has a non-finite log weight " + w + " and the chain has no state yet");
            }
            double density = actionDensity[(int) (current - 1)];
            history.add(new UpdateRecord(i, deltaH, accepted, density, 0, w));
            if (i > config.thermalization && (i - config.thermalization) % config.saveEvery == 0) {
                saved.add(new Saved(i, current, currentLogWeight, density, List.copyOf(history)));
                history.clear();
            }
        }
        return saved;
    }
}
