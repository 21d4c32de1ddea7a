package org.latticespark.spark.analyze;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.latticespark.generation.ChainConfig;
import org.latticespark.measurement.MeasurementStages;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.io.AtomicOutput;
import org.latticespark.spark.io.OutputLayout;
import org.latticespark.spark.measure.GenerationStage;
import org.latticespark.spark.table.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Reads {@code <output>/measurements}, runs the Γ method per (ensemble, observable) with one
 * replica per chain, and writes {@code <output>/analysis/summary.csv} and {@code summary.json}.
 * Each group is sorted before the analysis, so results are the same bit for bit on every run.
 */
public final class AnalyzeJob {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeJob.class);

    /** What the job wrote. */
    public record Result(String path, Summary summary, Duration wallTime) {}

    private final SparkSession spark;
    private final RunConfig config;

    public AnalyzeJob(SparkSession spark, RunConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Analyses a measurement table; rows sorted by ensemble and observable (alphabetically). */
    public static List<SummaryRow> analyze(Dataset<Row> measurements, double s) {
        JavaPairRDD<Tuple2<String, String>, Sample> pairs = measurements.javaRDD().mapToPair(r -> new Tuple2<>(
                new Tuple2<>(r.getString(Tables.M_ENSEMBLE), r.getString(Tables.M_OBSERVABLE)),
                new Sample(r.getInt(Tables.M_CHAIN), r.getLong(Tables.M_INDEX), r.getInt(Tables.M_SOURCE),
                        r.getDouble(Tables.M_VALUE))));
        List<SummaryRow> rows = new ArrayList<>(pairs.groupByKey()
                .map(g -> ObservableAnalysis.analyze(g._1()._1(), g._1()._2(), g._2(), s))
                .collect());
        rows.sort(Comparator.comparing(SummaryRow::ensemble).thenComparing(SummaryRow::observable));
        return rows;
    }

    public Result run(boolean overwrite) {
        String source = config.layout().measurements();
        String target = config.layout().analysis();
        AtomicOutput.checkTarget(spark, target, overwrite);
        Dataset<Row> measurements = Tables.readMeasurementTable(spark, source);
        long start = System.nanoTime();
        List<SummaryRow> rows;
        try {
            spark.sparkContext().setJobDescription("latticespark analyze " + config.name());
            rows = new ArrayList<>(analyze(measurements, config.analyzeS()));
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
        rows.sort(order(config));
        Summary summary = new Summary(config.analyzeS(), rows);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(OutputLayout.SUMMARY_CSV, summary.csv());
        files.put(OutputLayout.SUMMARY_JSON, summary.json());
        AtomicOutput.writeTextFiles(spark.sparkContext().hadoopConfiguration(), target, overwrite, files);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long failed = rows.stream().filter(r -> !r.ok()).count();
        LOG.info("analyze: {} observables ({} not analysed) -> {} in {} s", rows.size(), failed, target,
                wall.toMillis() / 1000.0);
        return new Result(target, summary, wall);
    }

    /** Ensembles in configuration order, observables in stage order, anything else alphabetically after. */
    static Comparator<SummaryRow> order(RunConfig config) {
        List<String> ensembles = new ArrayList<>();
        for (ChainConfig c : config.ensembles()) ensembles.add(c.ensemble);
        List<String> observables = new ArrayList<>();
        for (String stage : config.measureStages()) observables.addAll(MeasurementStages.of(stage).observables());
        for (String o : List.of(GenerationStage.UPDATE_PLAQUETTE, GenerationStage.DELTA_H,
                GenerationStage.EXP_MINUS_DELTA_H, GenerationStage.ACCEPTED)) {
            if (!observables.contains(o)) observables.add(o);
        }
        return Comparator.<SummaryRow>comparingInt(r -> rank(ensembles, r.ensemble()))
                .thenComparing(SummaryRow::ensemble)
                .thenComparingInt(r -> rank(observables, r.observable()))
                .thenComparing(SummaryRow::observable);
    }

    private static int rank(List<String> order, String s) {
        int i = order.indexOf(s);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
