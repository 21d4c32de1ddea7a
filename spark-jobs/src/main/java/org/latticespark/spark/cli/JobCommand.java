package org.latticespark.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.SparkSessions;
import org.latticespark.spark.config.RunConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What every job command shares: the configuration file, --master, --output, --overwrite. */
abstract class JobCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Run configuration file (HOCON), e.g. conf/quickstart.conf.")
    Path configFile;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, overrides spark.master of the configuration (local[*], local[4], spark://host:7077, ...).")
    String master;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder, overrides output of the configuration.")
    String output;

    @Option(names = "--overwrite", description = "Replace existing outputs instead of refusing them.")
    boolean overwrite;

    @Override
    public Integer call() {
        RunConfig config = RunConfig.load(configFile);
        if (output != null) config = config.withOutput(output);
        config = config.withMaster(SparkSessions.master(config, master));
        checkBeforeSpark(config);
        SparkSession spark;
        try {
            spark = SparkSessions.create(config, config.master());
        } catch (Exception e) { // SparkException is checked, but Scala throws it anyway
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Master URL") || msg.contains("master URL")) {
                throw new InvalidInputException("spark.master / --master '" + config.master() + "': " + msg, e);
            }
            throw e;
        }
        try {
            execute(spark, config, spec.commandLine().getOut());
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** Cheap checks (inputs present, outputs absent) before the session starts. */
    abstract void checkBeforeSpark(RunConfig config);

    abstract void execute(SparkSession spark, RunConfig config, PrintWriter out);

    /** The Hadoop settings the jobs will see: spark.hadoop.* of the run's spark.conf, as Spark passes them on. */
    static org.apache.hadoop.conf.Configuration hadoop(RunConfig config) {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        config.sparkConf().forEach((key, value) -> {
            if (key.startsWith("spark.hadoop.")) conf.set(key.substring("spark.hadoop.".length()), value);
        });
        return conf;
    }
}
