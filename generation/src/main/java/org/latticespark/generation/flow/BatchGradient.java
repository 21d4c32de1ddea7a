package org.latticespark.generation.flow;

import java.io.Serializable;

/**
 * The reverse-KL gradient of samples [firstSample, firstSample + samples) of one training step: Σ_i ∂F_i/∂θ,
 * Σ_i F_i and the per-sample log weights log w_i = −S(φ_i) − log q(φ_i) = −F_i. The sums are exact
 * ({@link ExactSum}), so the gradient of a range is the same bit for bit for any thread count, and
 * {@code a.plus(b)} of two adjacent ranges equals the gradient of their union bit for bit, however the batch is
 * cut: the base of a Spark data-parallel trainer, whose tasks compute sub-ranges and whose driver adds them.
 */
public final class BatchGradient implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final int firstSample;
    private final ExactSum gradient;
    private final ExactSum objective;
    private final double[] logWeights;

    BatchGradient(long step, int firstSample, ExactSum gradient, ExactSum objective, double[] logWeights) {
        this.step = step;
        this.firstSample = firstSample;
        this.gradient = gradient;
        this.objective = objective;
        this.logWeights = logWeights;
    }

    public long step() { return step; }

    public int firstSample() { return firstSample; }

    public int samples() { return logWeights.length; }

    /** Σ_i ∂F_i/∂θ, rounded to double; NaN entries if any gradient was not finite. */
    public double[] gradientSum() {
        double[] g = new double[gradient.length()];
        gradient.values(g);
        return g;
    }

    /** Σ_i F_i (the loss times the number of samples). */
    public double objectiveSum() { return objective.value(0); }

    /** log w_i = −F_i for the samples in order (a copy). */
    public double[] logWeights() { return logWeights.clone(); }

    /** The gradient of this range followed by the adjacent range {@code next} of the same step. */
    public BatchGradient plus(BatchGradient next) {
        if (next.step != step || next.firstSample != firstSample + samples()) {
            throw new IllegalArgumentException("not adjacent: step " + step + " samples [" + firstSample + ", "
                    + (firstSample + samples()) + ") and step " + next.step + " from " + next.firstSample);
        }
        ExactSum g = gradient.copy();
        g.add(next.gradient);
        ExactSum f = objective.copy();
        f.add(next.objective);
        double[] w = new double[samples() + next.samples()];
        System.arraycopy(logWeights, 0, w, 0, samples());
        System.arraycopy(next.logWeights, 0, w, samples(), next.samples());
        return new BatchGradient(step, firstSample, g, f, w);
    }
}
