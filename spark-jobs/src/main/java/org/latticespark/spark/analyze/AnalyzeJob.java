package org.latticespark.spark.analyze;

import java.nio.charset.StandardCharsets;
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
import org.latticespark.spark.analyze.report.CampaignReport;
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
 * replica per chain, and writes {@code <output>/analysis/summary.csv}, {@code summary.json} and the
 * campaign report ({@link CampaignReport}: {@code report.html}, {@code report.md}, {@code plots/}).
 * Each group is sorted before the analysis, so results are the same bit for bit on every run.
 *
 * <p>The plots are drawn by the executors that hold the series; only their PNG and SVG bytes come
 * back to the driver with the summary rows, which then writes the whole folder atomically.
 */
public final class AnalyzeJob {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeJob.class);

    /** What the job wrote. */
    public record Result(String path, Summary summary, Duration wallTime) {
        /** The campaign report in the analysis folder. */
        public String reportHtml() {
            return (path.endsWith("/") ? path : path + "/") + OutputLayout.REPORT_HTML;
        }
    }

    private final SparkSession spark;
    private final RunConfig config;

    public AnalyzeJob(SparkSession spark, RunConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Analyses a measurement table; rows sorted by ensemble and observable (alphabetically). */
    public static List<SummaryRow> analyze(Dataset<Row> measurements, double s) {
        List<SummaryRow> rows = new ArrayList<>();
        for (AnalyzedObservable a : analyze(measurements, s, false)) rows.add(a.row());
        return rows;
    }

    /**
     * Analyses a measurement table and, if {@code plots}, draws the plots of every analysed
     * observable on the executors; sorted by ensemble and observable (alphabetically).
     */
    public static List<AnalyzedObservable> analyze(Dataset<Row> measurements, double s, boolean plots) {
        JavaPairRDD<Tuple2<String, String>, Sample> pairs = measurements.javaRDD().mapToPair(r -> new Tuple2<>(
                new Tuple2<>(r.getString(Tables.M_ENSEMBLE), r.getString(Tables.M_OBSERVABLE)),
                new Sample(r.getInt(Tables.M_CHAIN), r.getLong(Tables.M_INDEX), r.getInt(Tables.M_SOURCE),
                        r.getDouble(Tables.M_VALUE))));
        List<AnalyzedObservable> out = new ArrayList<>(pairs.groupByKey()
                .map(g -> ObservableAnalysis.analyze(g._1()._1(), g._1()._2(), g._2(), s, plots))
                .collect());
        out.sort(Comparator.comparing((AnalyzedObservable a) -> a.row().ensemble())
                .thenComparing(a -> a.row().observable()));
        return out;
    }

    public Result run(boolean overwrite) {
        String source = config.layout().measurements();
        String target = config.layout().analysis();
        AtomicOutput.checkTarget(spark, target, overwrite);
        Dataset<Row> measurements = Tables.readMeasurementTable(spark, source);
        long start = System.nanoTime();
        List<AnalyzedObservable> results;
        try {
            spark.sparkContext().setJobDescription("latticespark analyze " + config.name());
            results = new ArrayList<>(analyze(measurements, config.analyzeS(), config.analyzePlots()));
            results.addAll(ProposalEss.analyze(measurements));
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
        Comparator<SummaryRow> order = order(config);
        results.sort((a, b) -> order.compare(a.row(), b.row()));
        List<SummaryRow> rows = new ArrayList<>();
        for (AnalyzedObservable a : results) rows.add(a.row());
        Summary summary = new Summary(config.analyzeS(), rows);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(OutputLayout.SUMMARY_CSV, summary.csv().getBytes(StandardCharsets.UTF_8));
        files.put(OutputLayout.SUMMARY_JSON, summary.json().getBytes(StandardCharsets.UTF_8));
        files.putAll(CampaignReport.files(config, results));
        AtomicOutput.writeFiles(spark.sparkContext().hadoopConfiguration(), target, overwrite, files);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long failed = rows.stream().filter(r -> !r.ok()).count();
        LOG.info("analyze: {} observables ({} not analysed) -> {} ({} files) in {} s", rows.size(), failed, target,
                files.size(), wall.toMillis() / 1000.0);
        return new Result(target, summary, wall);
    }

    /** Ensembles in configuration order, observables in stage order, anything else alphabetically after. */
    static Comparator<SummaryRow> order(RunConfig config) {
        List<String> ensembles = new ArrayList<>();
        for (ChainConfig c : config.ensembles()) ensembles.add(c.ensemble);
        List<String> observables = new ArrayList<>();
        for (ChainConfig c : config.ensembles()) {
            for (String o : config.measure().observables(c)) if (!observables.contains(o)) observables.add(o);
        }
        for (String o : List.of(GenerationStage.UPDATE_PLAQUETTE, GenerationStage.UPDATE_ACTION_DENSITY,
                GenerationStage.DELTA_H, GenerationStage.EXP_MINUS_DELTA_H, GenerationStage.ACCEPTED,
                GenerationStage.SOLVER_ITERATIONS, GenerationStage.LOG_WEIGHT, ProposalEss.OBSERVABLE)) {
            if (!observables.contains(o)) observables.add(o);
        }
        return Comparator.<SummaryRow>comparingInt(r -> rank(ensembles, r.ensemble()))
                .thenComparing(SummaryRow::ensemble)
                .thenComparingInt(r -> rank(observables, r.observable()))
                .thenComparing(SummaryRow::observable, AnalyzeJob::natural);
    }

    /** Text order, except that runs of digits compare as numbers ("pion_t2" before "pion_t10"). */
    static int natural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int i2 = i, j2 = j;
                while (i2 < a.length() && Character.isDigit(a.charAt(i2))) i2++;
                while (j2 < b.length() && Character.isDigit(b.charAt(j2))) j2++;
                int c = new java.math.BigInteger(a.substring(i, i2)).compareTo(new java.math.BigInteger(b.substring(j, j2)));
                if (c != 0) return c;
                i = i2;
                j = j2;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int rank(List<String> order, String s) {
        int i = order.indexOf(s);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
