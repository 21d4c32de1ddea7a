package org.latticespark.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latticespark.generation.ChainConfig;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.SparkSessions;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.flow.FlowTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code latticespark train}: trains the normalizing flows of the run's flow ensembles, on this machine's cores or, for
 * flows with {@code flow.training-tasks} &gt; 0, data-parallel on Spark.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the normalizing flow of every flow ensemble (reverse KL, Adam) and write its weights "
                + "(flow.weights, default <output>/flows/<ensemble>.flow); `run` trains missing flows by itself.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Run configuration file (HOCON), e.g. conf/phi4.conf.")
    Path configFile;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder, overrides output of the configuration.")
    String output;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for flows with flow.training-tasks > 0 "
            + "(overrides spark.master).")
    String master;

    @Option(names = "--overwrite", description = "Train again and replace existing weights files.")
    boolean overwrite;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: all cores); the weights "
            + "do not depend on it.")
    Integer threads;

    @Override
    public Integer call() {
        RunConfig config = RunConfig.load(configFile);
        if (output != null) config = config.withOutput(output);
        if (config.ensembles().stream().noneMatch(c -> c.algorithm == ChainConfig.Algorithm.FLOW)) {
            throw new InvalidInputException(configFile + ": no ensemble has algorithm = flow; nothing to train");
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new InvalidInputException("--threads: must be in 1..1024, got " + threads);
        }
        config = config.withMaster(SparkSessions.master(config, master));
        // a Spark session only where some flow trains data-parallel
        SparkSession spark = FlowTraining.needsSpark(config) ? SparkSessions.create(config, config.master()) : null;
        try {
            PrintWriter out = spec.commandLine().getOut();
            FlowTraining training = new FlowTraining(config,
                    spark == null ? null : JavaSparkContext.fromSparkContext(spark.sparkContext()), line -> {
                        out.println(line);
                        out.flush();
                    });
            if (threads != null) training.threads(threads);
            for (FlowTraining.Trained t : training.run(overwrite)) {
                out.printf(Locale.ROOT, "train: %s -> %s%s%n", t.ensemble(), t.file(), t.trainedNow() ? "" : " (kept)");
            }
            out.flush();
        } finally {
            if (spark != null) spark.stop();
        }
        return 0;
    }
}
