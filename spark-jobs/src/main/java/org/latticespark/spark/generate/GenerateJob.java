package org.latticespark.spark.generate;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
import org.latticespark.spark.InvalidInputException;
import org.latticespark.generation.hmc.fermion.FermionTerms;
import org.latticespark.generation.flow.RealNvpFlow;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.flow.FlowGeneration;
import org.latticespark.spark.generate.flow.FlowModels;
import org.latticespark.spark.generate.flow.FlowResume;
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
 *
 * <p>{@link #resume()} ({@code generate --resume}) continues the chains of an existing table
 * instead: see there.
 */
public final class GenerateJob {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateJob.class);
    private static final Logger PROGRESS = LoggerFactory.getLogger("org.latticespark.spark.progress");

    /**
     * What the job did.
     *
     * @param configurations      the rows the table holds now
     * @param backendsByEnsemble  what computed them (for a resume: the stored rows and the new ones)
     * @param written             the rows this job wrote (all of them, unless it resumed)
     * @param resumedChains       chains continued from their last stored configuration
     * @param startedChains       chains run from their start
     * @param completeChains      chains of a resume already at or beyond their target, left as they were
     * @param secondsPerUpdate    per ensemble, the seconds one update (trajectory, sweep, flow proposal) took in its
     *                            task, averaged over the updates this job ran (for the log and run.json only)
     */
    public record Result(String path, long configurations, Map<String, List<String>> backendsByEnsemble,
                         Duration wallTime, long written, long resumedChains, long startedChains,
                         long completeChains, Map<String, Double> secondsPerUpdate) {}

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

    /** All (ensemble, chain) pairs of the run's Markov chains, in configuration order (flow ensembles have none). */
    public static List<ChainTask> tasks(RunConfig config) {
        List<ChainTask> tasks = new ArrayList<>();
        for (ChainConfig e : config.ensembles()) {
            if (e.algorithm == ChainConfig.Algorithm.FLOW) continue;
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
        JavaRDD<Row> rows = rdd.mapPartitions((Iterator<ChainTask> it) -> new TaskRows(it, progress, new HashMap<>(), null));
        return spark.createDataFrame(rows, Tables.CONFIGURATION_SCHEMA);
    }

    /** The fermion content of each dynamical ensemble, with the rational approximations' degrees and errors. */
    static void logFermions(RunConfig config) {
        for (ChainConfig c : config.ensembles()) {
            if (!c.fermions.dynamical()) continue;
            LOG.info("generate: {}: {}, {} fermion steps x {} gauge sub-steps per trajectory", c.ensemble, c.fermions,
                    c.steps, c.gaugeSubsteps);
            for (var r : FermionTerms.rationalApproximations(c.fermions, c.extents.length)) {
                LOG.info("generate: {}: {}", c.ensemble, r.describe());
            }
        }
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
        logFermions(config);
        Map<String, RealNvpFlow> flows = FlowModels.loadAll(config);
        Map<String, Double> flowSeconds = new TreeMap<>();

        ProgressAccumulator progress = new ProgressAccumulator();
        spark.sparkContext().register(progress, ProgressAccumulator.NAME);
        ProgressReporter reporter = reporter("generate", tasks, progress);
        long start = System.nanoTime();
        spark.sparkContext().addSparkListener(reporter);
        try {
            spark.sparkContext().setJobDescription("latticespark generate " + config.name());
            AtomicOutput.write(spark, target, overwrite, tmp -> {
                Dataset<Row> rows = configurations(spark, tasks, progress);
                if (!flows.isEmpty()) {
                    FlowGeneration.Result flowRows = FlowGeneration.rows(spark, FlowGeneration.fresh(config), flows);
                    flowSeconds.putAll(flowRows.secondsPerProposal());
                    rows = rows.union(spark.createDataFrame(flowRows.rows(), Tables.CONFIGURATION_SCHEMA));
                }
                Tables.write(rows, tmp);
                return null;
            });
        } finally {
            spark.sparkContext().setJobDescription(null);
            spark.sparkContext().removeSparkListener(reporter);
            reporter.finish();
        }
        if (overwrite) AtomicOutput.removeDerived(spark, config.layout(), target);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Map<String, List<String>> backends = backends(Map.of(), progress);
        long count = 0;
        for (ChainConfig e : config.ensembles()) count += (long) e.chains * e.configurations;
        LOG.info("generate: wrote {} configurations to {} in {} s (backends {})", count, target,
                wall.toMillis() / 1000.0, backends);
        Map<String, Double> seconds = secondsPerUpdate(progress);
        seconds.putAll(flowSeconds);
        logCost(seconds);
        return new Result(target, count, backends, wall, count, 0, tasks.size(), 0, seconds);
    }

    /** Per ensemble, the task seconds per update of the chains the tasks ran (resumed ones: of the new updates only). */
    private static Map<String, Double> secondsPerUpdate(ProgressAccumulator progress) {
        Map<String, double[]> sums = new TreeMap<>();
        for (ChainProgress p : progress.value().values()) {
            double[] s = sums.computeIfAbsent(p.ensemble(), k -> new double[2]);
            s[0] += p.updateSeconds();
            s[1] += p.done();
        }
        Map<String, Double> out = new TreeMap<>();
        sums.forEach((e, s) -> out.put(e, s[1] > 0 ? s[0] / s[1] : Double.NaN));
        return out;
    }

    private static void logCost(Map<String, Double> seconds) {
        seconds.forEach((e, s) -> LOG.info(String.format(Locale.ROOT, "generate: %s: %.1f µs per update (one task, "
                + "its threads)", e, 1e6 * s)));
    }

    /** Per ensemble, the backends that computed the configurations: those given and those the tasks reported. */
    private static Map<String, List<String>> backends(Map<String, List<String>> before, ProgressAccumulator progress) {
        Map<String, TreeSet<String>> seen = new TreeMap<>();
        before.forEach((e, b) -> seen.computeIfAbsent(e, k -> new TreeSet<>()).addAll(b));
        // the driver's accumulator holds the final progress of every successful task
        for (ChainProgress p : progress.value().values()) {
            seen.computeIfAbsent(p.ensemble(), k -> new TreeSet<>()).add(p.backend());
        }
        Map<String, List<String>> backends = new TreeMap<>();
        seen.forEach((e, b) -> backends.put(e, List.copyOf(b)));
        return backends;
    }

    private ProgressReporter reporter(String label, List<ChainTask> tasks, ProgressAccumulator progress) {
        List<ProgressReporter.Expected> expected = new ArrayList<>();
        for (ChainTask t : tasks) {
            expected.add(new ProgressReporter.Expected(t.ensemble(), t.chain(), t.config().totalUpdates(),
                    t.config().algorithm == ChainConfig.Algorithm.HMC, t.resumeFrom()));
        }
        return new ProgressReporter(label, progress.id(), expected, progressInterval, progressSink);
    }

    // ---------------------------------------------------------------------------------- resume

    /**
     * Refuses {@code generate --resume} without a configuration table to resume: an
     * {@link InvalidInputException} naming it.
     */
    public static void requireResumable(org.apache.hadoop.conf.Configuration conf, String table) {
        try {
            AtomicOutput.requireInput(conf, table, "configuration table");
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--resume: no configuration table at " + table
                    + " to resume (generate it first, without --resume)", e);
        }
    }

    /**
     * {@code generate --resume}: continues every chain of the run from its last stored configuration
     * and appends the new rows to {@code <output>/configurations}.
     *
     * <p>The driver reads the small columns of the table (ensemble, chain, update, parameters) and
     * plans the resume ({@link ResumePlan}): a chain whose stored parameters differ from the run
     * configuration in anything but {@code configurations} (and a growing {@code chains}) is refused
     * before anything runs, naming ensemble, chain and keys; a chain with no rows starts from
     * scratch; a chain at or beyond its target is left alone; when every chain is complete nothing is
     * written at all. The chains then run as in {@link #run}, one task (partition) per chain,
     * streaming their rows; a resumed task gets its stored row through a shuffle (so the links never
     * pass through the driver), verifies it ({@link Tables#readConfiguration}) and continues with
     * {@code Chain.resume}, bit for bit as if the chain had never stopped.
     *
     * <p>The append is all or nothing ({@link AtomicOutput#append}): the job writes a complete
     * Parquet table to a hidden temporary folder next to the configurations, and only after it has
     * succeeded are its part files (one per chain, with the job's UUID in their names) renamed into
     * the table folder. A failed or cancelled job leaves the table as it was. We do not use Spark's
     * append mode: its commit protocol writes {@code _temporary} into the table itself (left behind
     * by a killed driver), moves the files in one by one at job commit and, with the v2 commit
     * algorithm some clusters configure, moves each task's files at task commit, so a failed job can
     * leave part of its rows in the table. A single rename of the temporary folder to a subfolder of
     * the table would be atomic even for a killed driver, but readers that take a table as
     * {@code configurations/*.parquet} would silently miss the resumed rows; the table stays flat.
     *
     * <p>Just before the files move, the measurements, analysis and run.json (stale once the table
     * grows) are removed, as {@code --overwrite} does.
     */
    public Result resume() {
        String target = config.layout().configurations();
        requireResumable(spark.sparkContext().hadoopConfiguration(), target);
        long start = System.nanoTime();
        Dataset<Row> table = Tables.readConfigurationTable(spark, target);
        ResumePlan plan = ResumePlan.of(config, ResumedRows.storedChains(table, target), target);
        List<ChainTask> tasks = plan.tasks();
        if (tasks.isEmpty()) {
            LOG.info("generate --resume: all {} chain(s) of the run are complete in {}; nothing written",
                    plan.complete().size(), target);
            return new Result(target, plan.storedRows(), plan.storedBackends(),
                    Duration.ofNanos(System.nanoTime() - start), 0, 0, 0, plan.complete().size(), Map.of());
        }
        long updates = 0;
        List<String> positions = new ArrayList<>();
        for (ChainTask t : tasks) {
            updates += t.config().totalUpdates() - t.resumeFrom();
            positions.add(t.ensemble() + "/" + t.chain() + " " + (t.resumed() ? t.resumeFrom() + "/" + t.config().totalUpdates()
                    : "new"));
        }
        LOG.info("generate --resume: {} chain(s) resumed, {} new, {} complete; {} updates -> {} [{}]",
                plan.resumedChains(), plan.startedChains(), plan.complete().size(), updates, target,
                String.join(", ", positions));

        List<ChainTask> chainTasks = new ArrayList<>();
        List<ChainTask> flowTasks = new ArrayList<>();
        for (ChainTask t : tasks) (t.config().algorithm == ChainConfig.Algorithm.FLOW ? flowTasks : chainTasks).add(t);
        Map<String, RealNvpFlow> flows = flowTasks.isEmpty() ? Map.of() : FlowModels.loadAll(config);
        List<FlowGeneration.FlowChain> flowChains = FlowResume.chains(config, table, target, flowTasks, flows);

        ProgressAccumulator progress = new ProgressAccumulator();
        spark.sparkContext().register(progress, ProgressAccumulator.NAME);
        ProgressReporter reporter = reporter("generate", chainTasks, progress);
        spark.sparkContext().addSparkListener(reporter);
        try {
            spark.sparkContext().setJobDescription("latticespark generate --resume " + config.name());
            AtomicOutput.append(spark, target, tmp -> {
                Dataset<Row> rows = ResumedRows.resumedConfigurations(spark, table, target, chainTasks, progress);
                if (!flowChains.isEmpty()) {
                    rows = rows.union(spark.createDataFrame(FlowGeneration.rows(spark, flowChains, flows).rows(),
                            Tables.CONFIGURATION_SCHEMA));
                }
                Tables.write(rows, tmp);
                // the new rows are complete: whatever was derived from the old table is stale from now on
                AtomicOutput.removeDerived(spark, config.layout(), target);
                return null;
            });
        } finally {
            spark.sparkContext().setJobDescription(null);
            spark.sparkContext().removeSparkListener(reporter);
            reporter.finish();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Map<String, List<String>> backends = backends(plan.storedBackends(), progress);
        long written = plan.configurationsToSave();
        LOG.info(String.format(Locale.ROOT, "generate --resume: appended %d configurations to %s in %.3f s "
                + "(%d rows in all, backends %s)", written, target, wall.toMillis() / 1000.0,
                plan.storedRows() + written, backends));
        return new Result(target, plan.storedRows() + written, backends, wall, written, plan.resumedChains(),
                plan.startedChains(), plan.complete().size(), Map.of());
    }
}
