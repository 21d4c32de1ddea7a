package org.latticespark.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.RunPipeline;
import org.latticespark.spark.SparkSessions;
import org.latticespark.spark.analyze.SummaryRow;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.GenerateJob;
import org.latticespark.spark.table.Tables;

/**
 * The whole pipeline on a real standalone master and worker (executors in their own JVMs), and the
 * same chains generated in local mode: the stored configurations agree bit for bit.
 */
class ClusterPipelineTest {
    private static final String RUN = """
            name = cluster
            seed = 99
            ensemble-defaults { group = SU2, lattice = [4, 4, 4, 4], beta = 2.3, chains = 2, start = hot,
                                thermalization = 5, save-every = 2, configurations = 12 }
            ensembles = [
              { name = hb, algorithm = heatbath, heatbath.overrelaxation = 2 }
              { name = hmc, algorithm = hmc, hmc { integrator = omelyan, steps = 6 } }
            ]
            """;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void pipelineOnAStandaloneClusterMatchesLocalMode() throws Exception {
        RunConfig onCluster = RunConfig.parse(RUN, "cluster.conf").withOutput(dir.resolve("cluster").toString());
        Map<String, String> clusterRows;
        List<SummaryRow> summary;
        try (StandaloneCluster cluster = StandaloneCluster.start()) {
            SparkSession spark = cluster.sessionBuilder("latticespark-cluster-pipeline").getOrCreate();
            try {
                assertEquals(cluster.masterUrl(), spark.sparkContext().master());
                RunPipeline.Result r = new RunPipeline(spark, onCluster).run();
                summary = r.analyze().summary().rows();
                clusterRows = checksums(spark, r.generate().path());
            } finally {
                stop(spark);
            }
        }
        assertEquals(2 * 2 * 12, clusterRows.size());
        Path analysis = dir.resolve("cluster").resolve("analysis");
        assertTrue(Files.isRegularFile(analysis.resolve("summary.csv")));
        // the plots are drawn by executors in their own JVMs
        assertTrue(Files.isRegularFile(analysis.resolve("report.html")));
        assertTrue(Files.readString(analysis.resolve("report.html")).contains("plots/hb/plaquette-history.png"));
        for (String f : List.of("plots/hb/plaquette-history.png", "plots/hmc/plaquette-hist.svg")) {
            assertTrue(Files.size(analysis.resolve(f)) > 0, f);
        }
        for (SummaryRow row : summary) {
            if (row.observable().equals("plaquette")) {
                assertTrue(row.ok() && row.value() > 0.5 && row.value() < 0.9, row.toString());
            }
        }

        RunConfig local = RunConfig.parse(RUN, "cluster.conf").withOutput(dir.resolve("local").toString());
        SparkSession spark = SparkSessions.local("local[1]", "latticespark-local-reference");
        try {
            assertEquals(clusterRows, checksums(spark, new GenerateJob(spark, local).run(false).path()));
        } finally {
            stop(spark);
        }
    }

    /** ensemble/chain/update → link checksum and plaquette bits; fails on duplicates. */
    private static Map<String, String> checksums(SparkSession spark, String table) {
        Map<String, String> out = new TreeMap<>();
        for (Row r : Tables.readConfigurationTable(spark, table).collectAsList()) {
            String key = r.getString(Tables.C_ENSEMBLE) + "/" + r.getInt(Tables.C_CHAIN) + "/" + r.getLong(Tables.C_UPDATE);
            String value = r.getString(Tables.C_CHECKSUM) + " " + Double.doubleToRawLongBits(r.getDouble(Tables.C_PLAQUETTE));
            if (out.put(key, value) != null) throw new AssertionError("duplicate row " + key);
        }
        return out;
    }

    private static void stop(SparkSession spark) {
        spark.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }
}
