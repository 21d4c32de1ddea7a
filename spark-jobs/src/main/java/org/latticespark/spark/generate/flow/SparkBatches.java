package org.latticespark.spark.generate.flow;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.flow.BatchGradient;
import org.latticespark.generation.flow.FlowArchitecture;
import org.latticespark.generation.flow.FlowTrainer;
import org.latticespark.generation.flow.LearningRateSchedule;
import org.latticespark.generation.flow.RealNvpFlow;
import org.latticespark.generation.flow.TrainingListener;
import org.latticespark.generation.flow.TrainingSummary;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * Data-parallel training steps: the batch of every step is cut into {@code flow.training-tasks} contiguous ranges of
 * samples, one Spark task each, which rebuilds the flow at the step's weights and returns its range's exact gradient
 * sum; the driver joins the ranges in order and takes the Adam step. Batch sums are exact, so the weights equal those
 * of training on the driver bit for bit.
 */
final class SparkBatches {
    /** One task's share of a step: samples [first, first + count) at the given weights. */
    private record Range(long step, int first, int count, double[] weights) implements java.io.Serializable {}

    private final JavaSparkContext spark;
    private final ChainConfig config;

    SparkBatches(JavaSparkContext spark, ChainConfig config) {
        this.spark = spark;
        this.config = config;
    }

    TrainingSummary train(FlowTrainer trainer, int steps, int reportEvery, TrainingListener listener) {
        long start = System.nanoTime();
        for (int n = 1; n <= steps; n++) {
            FlowTrainer.StepResult r = trainer.apply(gradient(trainer.flow(), trainer.stepsDone()));
            if (n % reportEvery == 0 || n == steps) {
                listener.progress(trainer.stepsDone(), r.loss(), r.ess(), r.learningRate(),
                        (System.nanoTime() - start) * 1e-9);
            }
        }
        TrainingSummary s = trainer.summary();
        return new TrainingSummary(s.steps(), s.batch(), s.seed(), s.finalLoss(), s.finalEss(),
                (System.nanoTime() - start) * 1e-9);
    }

    private BatchGradient gradient(RealNvpFlow flow, long step) {
        int batch = config.flow.batch;
        int tasks = config.flow.trainingTasks;
        double[] weights = flow.parameters().clone();
        List<Range> ranges = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int first = (int) ((long) batch * t / tasks);
            int end = (int) ((long) batch * (t + 1) / tasks);
            ranges.add(new Range(step, first, end - first, weights));
        }
        Lattice lattice = flow.lattice();
        FlowArchitecture architecture = flow.architecture();
        Phi4Action action = config.phi4Action();
        long seed = config.seed;
        LearningRateSchedule schedule = FlowTraining.schedule(config);
        List<BatchGradient> parts = spark.parallelize(ranges, tasks).map(r -> {
            RealNvpFlow f = new RealNvpFlow(lattice, architecture, r.weights());
            FlowTrainer t = new FlowTrainer(f, action, seed, batch, schedule, Parallelism.serial());
            return t.gradient(r.step(), r.first(), r.count());
        }).collect();
        BatchGradient whole = parts.get(0);
        for (int i = 1; i < parts.size(); i++) whole = whole.plus(parts.get(i));
        return whole;
    }
}
