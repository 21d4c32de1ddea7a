package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.GenerateJob;

/** Replacing the configurations removes what was measured and analysed on the old ones. */
class OverwriteTest {
    @TempDir
    Path dir;

    @Test
    void regeneratingRemovesDerivedOutputs() throws Exception {
        RunConfig config = TestSupport.tinyRun(dir, "ensemble-defaults.configurations = 1");
        Path measurements = Path.of(config.layout().measurements());
        Path analysis = Path.of(config.layout().analysis());
        Path runJson = Path.of(config.layout().runJson());
        Files.createDirectories(measurements);
        Files.writeString(measurements.resolve("old.parquet"), "stale");
        Files.createDirectories(analysis);
        Files.writeString(analysis.resolve("summary.csv"), "stale");
        Files.writeString(runJson, "{}");
        Files.createDirectories(Path.of(config.layout().configurations()));
        SparkSession spark = TestSupport.session("local[2]");
        try {
            new GenerateJob(spark, config).run(true);
        } finally {
            TestSupport.stop(spark);
        }
        assertTrue(Files.isDirectory(Path.of(config.layout().configurations())));
        assertFalse(Files.exists(measurements), "stale measurements left behind");
        assertFalse(Files.exists(analysis), "stale analysis left behind");
        assertFalse(Files.exists(runJson), "stale run.json left behind");
    }
}
