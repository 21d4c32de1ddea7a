package org.latticespark.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latticespark.generation.ChainConfig;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.flow.FlowTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latticespark train}: trains the normalizing flows of the run's flow ensembles (on this machine's cores). */
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
        PrintWriter out = spec.commandLine().getOut();
        FlowTraining training = new FlowTraining(config, line -> {
            out.println(line);
            out.flush();
        });
        if (threads != null) {
            if (threads < 1 || threads > 1024) throw new InvalidInputException("--threads: must be in 1..1024, got " + threads);
            training.threads(threads);
        }
        for (FlowTraining.Trained t : training.run(overwrite)) {
            out.printf(Locale.ROOT, "train: %s -> %s%s%n", t.ensemble(), t.file(), t.trainedNow() ? "" : " (kept)");
        }
        out.flush();
        return 0;
    }
}
