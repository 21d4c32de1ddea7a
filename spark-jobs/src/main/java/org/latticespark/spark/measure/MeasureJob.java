package org.latticespark.spark.measure;

import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.latticespark.generation.ChainConfig;
import org.latticespark.spark.config.MeasureSettings;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.io.AtomicOutput;
import org.latticespark.spark.table.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code <output>/configurations}, verifies every configuration, applies the measurement
 * stages and the generation stage as DataFrame transformations and writes the long-format
 * measurement table to {@code <output>/measurements}.
 */
public final class MeasureJob {
    private static final Logger LOG = LoggerFactory.getLogger(MeasureJob.class);

    /** What the job wrote. */
    public record Result(String path, long rows, Duration wallTime) {}

    private final SparkSession spark;
    private final RunConfig config;

    public MeasureJob(SparkSession spark, RunConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /**
     * The measurement table of a configuration table (lazy).
     *
     * @param tablePath names the configuration table in error messages
     */
    public static Dataset<Row> measurements(Dataset<Row> configurations, MeasureSettings settings, String tablePath) {
        return configurations.flatMap(new MeasureFunction(settings, tablePath), Encoders.row(Tables.MEASUREMENT_SCHEMA));
    }

    public Result run(boolean overwrite) {
        String source = config.layout().configurations();
        String target = config.layout().measurements();
        AtomicOutput.checkTarget(spark, target, overwrite);
        Dataset<Row> configurations = Tables.readConfigurationTable(spark, source);
        boolean gauge = config.ensembles().stream().anyMatch(c -> !c.isScalar());
        boolean scalar = config.ensembles().stream().anyMatch(ChainConfig::isScalar);
        LOG.info("measure: stages {} + generation on {} -> {}", (gauge ? config.measureStages().toString() : "")
                + (gauge && scalar ? " (gauge ensembles), " : "") + (scalar ? "[phi4] (phi4 ensembles)" : ""), source,
                target);
        long start = System.nanoTime();
        try {
            spark.sparkContext().setJobDescription("latticespark measure " + config.name());
            AtomicOutput.write(spark, target, overwrite, tmp -> {
                Tables.write(measurements(configurations, config.measure(), source), tmp);
                return null;
            });
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
        if (overwrite) AtomicOutput.removeDerived(spark, config.layout(), target);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long rows = Tables.readMeasurementTable(spark, target).count();
        LOG.info("measure: wrote {} measurements to {} in {} s", rows, target, wall.toMillis() / 1000.0);
        return new Result(target, rows, wall);
    }
}
