package org.latticespark.spark.generate.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.flow.FlowTrainer;
import org.latticespark.generation.flow.FlowWeights;
import org.latticespark.generation.flow.LearningRateSchedule;
import org.latticespark.generation.flow.RealNvpFlow;
import org.latticespark.generation.flow.TrainingListener;
import org.latticespark.generation.flow.TrainingSummary;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.RunConfig;

/**
 * Trains the flow of every flow ensemble of a run by minimising the reverse Kullback–Leibler divergence with Adam
 * (cosine-decayed learning rate) and writes the weights file ({@link FlowModels#weightsPath}): on the driver's cores,
 * or, with {@code flow.training-tasks} N &gt; 0, data-parallel on Spark: every batch is cut into N ranges of samples,
 * each task computes its range's gradient sum at the current weights, and the driver adds them and takes the Adam
 * step. The initial weights and every training sample come from the ensemble's seed (chain 0 of its stream) and
 * batch sums are exact, so the trained weights are the same bit for bit whatever the threads, tasks or retries.
 * An existing weights file is kept (and checked against the ensemble) unless {@code overwrite}.
 */
public final class FlowTraining {
    /** One ensemble's outcome: trained now, or the file it already had. */
    public record Trained(String ensemble, Path file, boolean trainedNow, TrainingSummary summary) {}

    private final RunConfig run;
    private final Consumer<String> progress;
    private final JavaSparkContext spark;
    private int threads = Runtime.getRuntime().availableProcessors();

    /** @param spark where data-parallel training runs ({@code flow.training-tasks} &gt; 0); null if none needs it */
    public FlowTraining(RunConfig run, JavaSparkContext spark, Consumer<String> progress) {
        this.run = run;
        this.spark = spark;
        this.progress = progress;
    }

    /** Whether some ensemble of the run trains on Spark (and so needs a session). */
    public static boolean needsSpark(RunConfig run) {
        return run.ensembles().stream().anyMatch(c -> c.algorithm == ChainConfig.Algorithm.FLOW
                && c.flow.trainingTasks > 0);
    }

    public FlowTraining threads(int n) {
        this.threads = n;
        return this;
    }

    public List<Trained> run(boolean overwrite) {
        List<Trained> out = new ArrayList<>();
        for (ChainConfig c : run.ensembles()) {
            if (c.algorithm != ChainConfig.Algorithm.FLOW) continue;
            Path file = FlowModels.weightsPath(run, c);
            if (Files.exists(file) && !overwrite) {
                TrainingSummary s = FlowModels.load(run, c).training();
                progress.accept(String.format(Locale.ROOT, "train: %s: using %s (%d steps, ESS/N %.3f)", c.ensemble,
                        file, s.steps(), s.finalEss()));
                if (s.steps() != c.flow.trainingSteps || s.batch() != c.flow.batch || s.seed() != c.seed) {
                    progress.accept(String.format(Locale.ROOT, "train: %s: note: that flow was trained for %d steps "
                            + "of batch %d (seed %d), the configuration asks for %d of batch %d (seed %d); `train "
                            + "--overwrite` trains it again", c.ensemble, s.steps(), s.batch(), s.seed(),
                            c.flow.trainingSteps, c.flow.batch, c.seed));
                }
                out.add(new Trained(c.ensemble, file, false, s));
                continue;
            }
            out.add(new Trained(c.ensemble, file, true, train(c, file)));
        }
        return out;
    }

    static LearningRateSchedule schedule(ChainConfig c) {
        return LearningRateSchedule.cosine(c.flow.learningRate, Math.max(1, c.flow.trainingSteps), 0.05);
    }

    private JavaSparkContext spark() {
        if (spark == null) throw new IllegalStateException("flow.training-tasks > 0 needs a Spark session");
        return spark;
    }

    private TrainingSummary train(ChainConfig c, Path file) {
        RealNvpFlow flow = RealNvpFlow.initial(c.lattice(), FlowModels.architecture(c.flow), c.seed);
        int steps = c.flow.trainingSteps;
        int tasks = c.flow.trainingTasks;
        progress.accept(String.format(Locale.ROOT, "train: %s: %s, %d parameters, %d steps of batch %d, lr %s, %s",
                c.ensemble, c.flow, flow.parameterCount(), steps, c.flow.batch, c.flow.learningRate,
                tasks > 0 ? tasks + " Spark task(s) per step" : threads + " thread(s)"));
        TrainingSummary summary;
        TrainingCurve curve = new TrainingCurve(steps);
        try (Parallelism par = new Parallelism(threads)) {
            FlowTrainer trainer = new FlowTrainer(flow, c.phi4Action(), c.seed, c.flow.batch, schedule(c), par);
            int every = Math.max(1, steps / 20);
            TrainingListener listener = (step, loss, ess, lr, seconds) -> {
                curve.record(step, loss, ess);
                if (step % every == 0 || step == steps) {
                    progress.accept(String.format(Locale.ROOT, "train: %s: step %d/%d loss %.4f ESS/N %.3f lr %.2e "
                            + "(%.1f s)", c.ensemble, step, steps, loss, ess, lr, seconds));
                }
            };
            summary = tasks > 0 ? new SparkBatches(spark(), c).train(trainer, steps, 1, listener)
                    : trainer.train(steps, 1, listener);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FlowWeights.save(file, flow, c.phi4Action(), summary);
        } catch (IOException e) {
            throw new InvalidInputException(c.ensemble + ": " + e.getMessage(), e);
        }
        progress.accept(String.format(Locale.ROOT, "train: %s: %d steps in %.1f s, final loss %.4f, ESS/N %.3f -> %s",
                c.ensemble, summary.steps(), summary.wallSeconds(), summary.finalLoss(), summary.finalEss(), file));
        String plots = curve.write(file, c.ensemble);
        if (!plots.isEmpty()) progress.accept("train: " + c.ensemble + ": plots " + plots);
        return summary;
    }
}
