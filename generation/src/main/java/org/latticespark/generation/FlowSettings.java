package org.latticespark.generation;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The normalizing flow of a {@code algorithm = flow} ensemble (configuration keys {@code flow.*}): the Real NVP
 * architecture, how it is trained (reverse Kullback–Leibler divergence, Adam) and how its proposals are split into
 * Spark tasks. {@code weights} is the trained-weights file; empty means the run's default place
 * ({@code <output>/flows/<ensemble>.flow}). {@code trainingTasks} &gt; 0 splits every training batch over that many
 * Spark tasks (data-parallel; the same weights bit for bit as training on the driver, which 0 means).
 */
public final class FlowSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final FlowSettings DEFAULT = builder().build();

    public final int layers;
    public final int[] hiddenChannels;
    public final int kernelSize;
    public final String activation;
    public final int trainingSteps;
    public final int batch;
    public final double learningRate;
    public final String weights;
    public final int proposalsPerTask;
    public final int trainingTasks;

    private FlowSettings(Builder b) {
        layers = b.layers;
        hiddenChannels = b.hiddenChannels.clone();
        kernelSize = b.kernelSize;
        activation = b.activation;
        trainingSteps = b.trainingSteps;
        batch = b.batch;
        learningRate = b.learningRate;
        weights = b.weights;
        proposalsPerTask = b.proposalsPerTask;
        trainingTasks = b.trainingTasks;
    }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        return builder().layers(layers).hiddenChannels(hiddenChannels).kernelSize(kernelSize).activation(activation)
                .trainingSteps(trainingSteps).batch(batch).learningRate(learningRate).weights(weights)
                .proposalsPerTask(proposalsPerTask).trainingTasks(trainingTasks);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "real-nvp layers=%d hidden=%s kernel=%d %s", layers,
                Arrays.toString(hiddenChannels), kernelSize, activation);
    }

    public static final class Builder {
        private int layers = 8;
        private int[] hiddenChannels = {8, 8};
        private int kernelSize = 3;
        private String activation = "leaky_relu";
        private int trainingSteps = 500;
        private int batch = 64;
        private double learningRate = 1e-3;
        private String weights = "";
        private int proposalsPerTask = 1000;
        private int trainingTasks = 0;

        public Builder layers(int v) { layers = v; return this; }
        public Builder hiddenChannels(int... v) { hiddenChannels = v.clone(); return this; }
        public Builder kernelSize(int v) { kernelSize = v; return this; }
        public Builder activation(String v) { activation = v; return this; }
        public Builder trainingSteps(int v) { trainingSteps = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder weights(String v) { weights = v; return this; }
        public Builder proposalsPerTask(int v) { proposalsPerTask = v; return this; }
        public Builder trainingTasks(int v) { trainingTasks = v; return this; }

        public FlowSettings build() {
            require(layers >= 2 && layers <= 256 && layers % 2 == 0, "flow.layers", "must be even and in 2..256", layers);
            require(hiddenChannels.length <= 8, "flow.hidden-channels", "must list at most 8 layers",
                    Arrays.toString(hiddenChannels));
            for (int c : hiddenChannels) {
                require(c >= 1 && c <= 256, "flow.hidden-channels", "each entry must be in 1..256",
                        Arrays.toString(hiddenChannels));
            }
            require(kernelSize >= 1 && kernelSize <= 9 && kernelSize % 2 == 1, "flow.kernel-size", "must be odd and in 1..9",
                    kernelSize);
            require(java.util.List.of("leaky_relu", "tanh", "relu", "silu").contains(activation), "flow.activation",
                    "must be leaky_relu, tanh, relu or silu", activation);
            require(trainingSteps >= 0 && trainingSteps <= 10_000_000, "flow.training-steps", "must be in 0..10000000",
                    trainingSteps);
            require(batch >= 1 && batch <= 1 << 20, "flow.batch", "must be in 1..1048576", batch);
            require(learningRate > 0 && learningRate < 1, "flow.learning-rate", "must be in (0, 1)", learningRate);
            require(weights != null, "flow.weights", "must be a path or empty", weights);
            require(proposalsPerTask >= 1 && proposalsPerTask <= 10_000_000, "flow.proposals-per-task",
                    "must be in 1..10000000", proposalsPerTask);
            require(trainingTasks >= 0 && trainingTasks <= Math.min(batch, 4096), "flow.training-tasks",
                    "must be in 0..min(batch, 4096)", trainingTasks);
            return new FlowSettings(this);
        }

        private static void require(boolean ok, String key, String rule, Object value) {
            if (!ok) throw new IllegalArgumentException(key + ": " + rule + ", got " + value);
        }
    }
}
