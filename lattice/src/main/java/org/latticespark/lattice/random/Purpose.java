package org.latticespark.lattice.random;

/**
 * The purpose word of a random-number address: a kind in the high 16 bits and a sub-step (sweep
 * stage, direction, parity, subgroup) in the low 16 bits, so that no two uses share numbers.
 */
public final class Purpose {
    public static final int START = 1;
    public static final int HEATBATH = 2;
    public static final int MOMENTUM = 4;
    public static final int METROPOLIS = 5;
    public static final int GAUGE_TRANSFORM = 6;
    /** Pseudofermion heat bath; the sub-step is the pseudofermion's index. */
    public static final int PSEUDOFERMION = 8;
    /** Noise vectors of stochastic estimators; the sub-step is the noise vector's id. */
    public static final int NOISE = 32;
    /** Prior draws of a normalizing-flow proposal; the update index is the proposal's. */
    public static final int FLOW_PRIOR = 9;
    /** Prior draws of a training batch: element = sample in the batch, update = training step. */
    public static final int FLOW_TRAINING = 10;
    /** Initial weights of a flow: element = parameter block (layer), sub-step = tensor in the layer. */
    public static final int FLOW_INIT = 11;
    public static final int TEST = 15;

    private Purpose() {}

    public static int of(int kind, int subStep) {
        if (subStep < 0 || subStep > 0xFFFF) {
            throw new IllegalArgumentException("sub-step out of range: " + subStep);
        }
        return (kind << 16) | subStep;
    }
}
