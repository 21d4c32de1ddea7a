package org.latticespark.generation.flow;

/** Told every N training steps; must be cheap. */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = (step, loss, ess, learningRate, elapsedSeconds) -> {};

    /**
     * After training step {@code step} (1-based count of steps done): the batch loss (mean of log q + S, before the
     * step's update), the batch's ESS/N, the learning rate used and the seconds since training started.
     */
    void progress(long step, double loss, double ess, double learningRate, double elapsedSeconds);
}
