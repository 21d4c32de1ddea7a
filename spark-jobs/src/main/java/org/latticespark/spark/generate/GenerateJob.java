package org.latticespark.spark.generate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.latticespark.generation.ChainConfig;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.io.AtomicOutput;
import org.latticespark.spark.progress.ChainProgress;
import org.latticespark.spark.progress.ProgressAccumulator;
import org.latticespark.spark.progress.ProgressReporter;
import org.latticespark.spark.table.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every chain of every ensemble of a run, one Spark task (partition) per chain, and writes
 * the configuration table to {@code <output>/configurations}. Chains use counter-based random
 * numbers, so a retried task recomputes its chain bit for bit and the writer's commit protocol
 * keeps exactly one copy of every row.
 */
public final class GenerateJob {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateJob.class);
    private static final Logger PROGRESS = LoggerFactory.getLogger("org.latticespark.spark.progress");

    /** What the job wrote. */
    public record Result(String path, long configurations, Map<String, List<String>> backendsByEnsemble,
                         Duration wallTime) {}

    private final SparkSession spark;
    private final RunConfig config;
    private Duration progressInterval = Duration.ofSeconds(3);
    private Consumer<String> progressSink = PROGRESS::info;

    public GenerateJob(SparkSession spark, RunConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** At most one progress line per interval (default 3 s). */
    public GenerateJob progressInterval(Duration interval) {
        this.progressInterval = interval;
        return this;
    }

    /** Where progress lines go (default: the log, logger org.latticespark.spark.progress). */
    public GenerateJob progressSink(Consumer<String> sink) {
        this.progressSink = sink;
        return this;
    }

    /** All (ensemble, chain) pairs of the run, in configuration order. */
    public static List<ChainTask> tasks(RunConfig config) {
        List<ChainTask> tasks = new ArrayList<>();
        for (ChainConfig e : config.ensembles()) {
            for (int c = 0; c < e.chains; c++) tasks.add(ChainTask.of(e, c));
        }
        return tasks;
    }

    /**
     * The configuration table as a lazy DataFrame, one partition per chain; the chains run when an
     * action (the writer) pulls the rows.
     */
    public static Dataset<Row> configurations(SparkSession spark, List<ChainTask> tasks, ProgressAccumulator progress) {
        JavaRDD<ChainTask> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, Math.max(1, tasks.size()));
        JavaRDD<Row> rows = rdd.mapPartitions((Iterator<ChainTask> it) -> new TaskRows(it, progress));
        return spark.createDataFrame(rows, Tables.CONFIGURATION_SCHEMA);
    }

    /** Generates and writes {@code <output>/configurations}; refuses an existing one unless overwrite. */
    public Result run(boolean overwrite) {
        String target = config.layout().configurations();
        AtomicOutput.checkTarget(spark, target, overwrite);
        List<ChainTask> tasks = tasks(config);
        long updates = 0;
        for (ChainTask t : tasks) updates += t.config().totalUpdates();
        LOG.info("generate: {} ensemble(s), {} chain(s), {} updates in all -> {}", config.ensembles().size(),
                tasks.size(), updates, target);

        ProgressAccumulator progress = new ProgressAccumulator();
        spark.sparkContext().register(progress, ProgressAccumulator.NAME);
        List<ProgressReporter.Expected> expected = new ArrayList<>();
        for (ChainTask t : tasks) {
            expected.add(new ProgressReporter.Expected(t.ensemble(), t.chain(), t.config().totalUpdates(),
                    t.config().algorithm == ChainConfig.Algorithm.HMC));
        }
        ProgressReporter reporter = new ProgressReporter("generate", progress.id(), expected, progressInterval,
                progressSink);
        long start = System.nanoTime();
        spark.sparkContext().addSparkListener(reporter);
        try {
            spark.sparkContext().setJobDescription("latticespark generate " + config.name());
            AtomicOutput.write(spark, target, overwrite, tmp -> {
                Tables.write(configurations(spark, tasks, progress), tmp);
                return null;
            });
        } finally {
            spark.sparkContext().setJobDescription(null);
            spark.sparkContext().removeSparkListener(reporter);
            reporter.finish();
        }
        if (overwrite) AtomicOutput.removeDerived(spark, config.layout(), target);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        // the driver's accumulator holds the final progress of every successful task
        Map<String, TreeSet<String>> seen = new TreeMap<>();
        for (ChainProgress p : progress.value().values()) {
            seen.computeIfAbsent(p.ensemble(), k -> new TreeSet<>()).add(p.backend());
        }
        Map<String, List<String>> backends = new TreeMap<>();
        seen.forEach((e, b) -> backends.put(e, List.copyOf(b)));
        long count = 0;
        for (ChainConfig e : config.ensembles()) count += (long) e.chains * e.configurations;
        LOG.info("generate: wrote {} configurations to {} in {} s (backends {})", count, target,
                wall.toMillis() / 1000.0, backends);
        return new Result(target, count, backends, wall);
    }

    /** Flattens the (normally single) chain task of a partition into rows. */
    private static final class TaskRows implements Iterator<Row> {
        private final Iterator<ChainTask> tasks;
        private final ProgressAccumulator progress;
        private ChainRows current;

        TaskRows(Iterator<ChainTask> tasks, ProgressAccumulator progress) {
            this.tasks = tasks;
            this.progress = progress;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (!tasks.hasNext()) return false;
                current = new ChainRows(tasks.next(), progress);
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            return current.next();
        }
    }
}
