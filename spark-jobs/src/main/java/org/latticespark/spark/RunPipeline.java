package org.latticespark.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.latticespark.spark.analyze.AnalyzeJob;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.GenerateJob;
import org.latticespark.spark.generate.flow.FlowTraining;
import org.latticespark.spark.io.AtomicOutput;
import org.latticespark.spark.io.Json;
import org.latticespark.spark.measure.MeasureJob;

/**
 * A whole run: generate → measure → analyze, then {@code <output>/run.json} with the resolved configuration, the
 * Spark version and master, the backends used and each stage's wall time. Flow ensembles whose weights file does
 * not exist yet are trained first ({@link FlowTraining}).
 * With {@link #resume} it continues the chains of an existing configuration table
 * ({@link GenerateJob#resume()}), then measures and analyses the whole table again, replacing the
 * measurements, analysis and run.json.
 *
 * <pre>{@code
 * RunPipeline.Result r = new RunPipeline(spark, RunConfig.load(Path.of("conf/quickstart.conf"))).run();
 * }</pre>
 */
public final class RunPipeline {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunPipeline.class);

    /** What a run produced. */
    public record Result(GenerateJob.Result generate, MeasureJob.Result measure, AnalyzeJob.Result analyze,
                         String runJson, Duration wallTime) {}

    private final SparkSession spark;
    private final RunConfig config;
    private boolean overwrite;
    private boolean resume;

    public RunPipeline(SparkSession spark, RunConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Replace existing outputs instead of refusing them. */
    public RunPipeline overwrite(boolean value) {
        this.overwrite = value;
        return this;
    }

    /**
     * Continue the chains of the existing configurations ({@code run --resume}) instead of generating
     * them anew; the measurements, analysis and run.json are made again from the whole table.
     */
    public RunPipeline resume(boolean value) {
        this.resume = value;
        return this;
    }

    /** {@code --resume} and {@code --overwrite} exclude each other: an InvalidInputException. */
    public static void checkResumeOptions(boolean resume, boolean overwrite) {
        if (resume && overwrite) {
            throw new InvalidInputException("--resume and --overwrite cannot be used together: --resume continues "
                    + "the existing configurations, --overwrite replaces them");
        }
    }

    /**
     * Fails (an InvalidInputException) before any work if an output exists and overwrite is off;
     * with resume, if the configuration table is missing (the derived outputs will be replaced).
     */
    public void checkOutputs() {
        checkResumeOptions(resume, overwrite);
        if (resume) {
            GenerateJob.requireResumable(spark.sparkContext().hadoopConfiguration(), config.layout().configurations());
            return;
        }
        AtomicOutput.checkTarget(spark, config.layout().configurations(), overwrite);
        AtomicOutput.checkTarget(spark, config.layout().measurements(), overwrite);
        AtomicOutput.checkTarget(spark, config.layout().analysis(), overwrite);
        AtomicOutput.checkTarget(spark, config.layout().runJson(), overwrite);
    }

    public Result run() {
        checkOutputs();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (!resume) {
            new FlowTraining(config, JavaSparkContext.fromSparkContext(spark.sparkContext()), LOG::info).run(false);
        }
        GenerateJob.Result g = resume ? new GenerateJob(spark, config).resume() : new GenerateJob(spark, config).run(overwrite);
        // after a resume the derived outputs are gone, unless every chain was complete already:
        // then they are made again from the same table
        boolean replace = overwrite || resume;
        MeasureJob.Result m = new MeasureJob(spark, config).run(replace);
        AnalyzeJob.Result a = new AnalyzeJob(spark, config).run(replace);
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run", config.name());
        run.put("started", started.toString());
        run.put("spark_version", spark.version());
        run.put("master", spark.sparkContext().master());
        run.put("java_version", System.getProperty("java.version"));
        TreeSet<String> all = new TreeSet<>();
        g.backendsByEnsemble().values().forEach(all::addAll);
        run.put("backends", all.stream().toList());
        run.put("backends_by_ensemble", g.backendsByEnsemble());
        Map<String, Object> seconds = new LinkedHashMap<>();
        seconds.put("generate", g.wallTime().toMillis() / 1000.0);
        seconds.put("measure", m.wallTime().toMillis() / 1000.0);
        seconds.put("analyze", a.wallTime().toMillis() / 1000.0);
        seconds.put("total", wall.toMillis() / 1000.0);
        run.put("wall_seconds", seconds);
        if (!g.secondsPerUpdate().isEmpty()) run.put("seconds_per_update", g.secondsPerUpdate());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("configurations", g.configurations());
        counts.put("measurements", m.rows());
        counts.put("observables", a.summary().rows().size());
        counts.put("not_analysed", a.summary().rows().stream().filter(r -> !r.ok()).count());
        run.put("counts", counts);
        if (resume) {
            Map<String, Object> resumed = new LinkedHashMap<>();
            resumed.put("configurations_written", g.written());
            resumed.put("resumed_chains", g.resumedChains());
            resumed.put("started_chains", g.startedChains());
            resumed.put("complete_chains", g.completeChains());
            run.put("resume", resumed);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("configurations", g.path());
        outputs.put("measurements", m.path());
        outputs.put("analysis", a.path());
        run.put("outputs", outputs);
        run.put("config", config.toJsonTree());
        String path = config.layout().runJson();
        AtomicOutput.writeTextFile(spark.sparkContext().hadoopConfiguration(), path, replace, Json.pretty(run));
        return new Result(g, m, a, path, wall);
    }
}
