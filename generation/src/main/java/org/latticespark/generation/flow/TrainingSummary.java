package org.latticespark.generation.flow;

import java.io.Serializable;

/**
 * How a flow was trained, stored with its weights: steps done, batch size, training seed, the last batch's loss
 * (mean of log q + S = KL(q‖p) − log Z) and ESS/N, and the wall-clock seconds spent.
 */
public record TrainingSummary(long steps, int batch, long seed, double finalLoss, double finalEss, double wallSeconds)
        implements Serializable {
    /** An untrained flow. */
    public static TrainingSummary untrained(long seed) {
        return new TrainingSummary(0, 0, seed, Double.NaN, Double.NaN, 0);
    }
}
