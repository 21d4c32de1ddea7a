package org.latticespark.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.latticespark.spark.analyze.AnalyzeJob;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.GenerateJob;
import org.latticespark.spark.io.AtomicOutput;
import org.latticespark.spark.io.Json;
import org.latticespark.spark.measure.MeasureJob;

/**
 * A whole run: generate → measure → analyze, then {@code <output>/run.json} with the resolved
 * configuration, the Spark version and master, the backends used and each stage's wall time.
 *
 * <pre>{@code
 * RunPipeline.Result r = new RunPipeline(spark, RunConfig.load(Path.of("conf/quickstart.conf"))).run();
 * }</pre>
 */
public final class RunPipeline {
    /** What a run produced. */
    public record Result(GenerateJob.Result generate, MeasureJob.Result measure, AnalyzeJob.Result analyze,
                         String runJson, Duration wallTime) {}

    private final SparkSession spark;
    private final RunConfig config;
    private boolean overwrite;

    public RunPipeline(SparkSession spark, RunConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Replace existing outputs instead of refusing them. */
    public RunPipeline overwrite(boolean value) {
        this.overwrite = value;
        return this;
    }

    /** Fails (an InvalidInputException) before any work if an output exists and overwrite is off. */
    public void checkOutputs() {
        AtomicOutput.checkTarget(spark, config.layout().configurations(), overwrite);
        AtomicOutput.checkTarget(spark, config.layout().measurements(), overwrite);
        AtomicOutput.checkTarget(spark, config.layout().analysis(), overwrite);
        AtomicOutput.checkTarget(spark, config.layout().runJson(), overwrite);
    }

    public Result run() {
        checkOutputs();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        GenerateJob.Result g = new GenerateJob(spark, config).run(overwrite);
        MeasureJob.Result m = new MeasureJob(spark, config).run(overwrite);
        AnalyzeJob.Result a = new AnalyzeJob(spark, config).run(overwrite);
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
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("configurations", g.configurations());
        counts.put("measurements", m.rows());
        counts.put("observables", a.summary().rows().size());
        counts.put("not_analysed", a.summary().rows().stream().filter(r -> !r.ok()).count());
        run.put("counts", counts);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("configurations", g.path());
        outputs.put("measurements", m.path());
        outputs.put("analysis", a.path());
        run.put("outputs", outputs);
        run.put("config", config.toJsonTree());
        String path = config.layout().runJson();
        AtomicOutput.writeTextFile(spark.sparkContext().hadoopConfiguration(), path, overwrite, Json.pretty(run));
        return new Result(g, m, a, path, wall);
    }
}
