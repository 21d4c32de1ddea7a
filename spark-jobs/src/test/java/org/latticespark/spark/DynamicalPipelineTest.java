package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.analyze.SummaryRow;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.table.Tables;

/**
 * generate → measure → analyze with dynamical fermions, staggered RHMC (Nf = 2) and Wilson with Hasenbusch, each
 * measured (chiral condensate, pion) at its own sea quark.
 */
class DynamicalPipelineTest {
    private static final int CONFIGURATIONS = 12, CHAINS = 2, VECTORS = 3;
    private static SparkSession spark;

    @TempDir
    static Path dir;

    private static RunConfig config;
    private static RunPipeline.Result result;

    @BeforeAll
    static void run() {
        spark = TestSupport.session("local[2]");
        config = RunConfig.parse("""
                name = dynamical
                seed = 11
                ensemble-defaults { group = SU2, lattice = [4, 2, 2, 4], beta = 2.0, chains = 2, thermalization = 2,
                                    configurations = 12, algorithm = hmc, hmc.steps = 4, hmc.gauge-substeps = 2 }
                ensembles = [
                  { name = stag, fermions { type = staggered, mass = 0.3, flavours = 2 } }
                  { name = wil, fermions { type = wilson, kappa = 0.11, hasenbusch-kappa = 0.07 } }
                ]
                measure {
                  stages = [plaquette, condensate, pion]
                  condensate { vectors = 3, noise = z4 }
                }
                """, "dynamical.conf").withOutput(dir.resolve("out").toString());
        result = new RunPipeline(spark, config).run();
    }

    @AfterAll
    static void stop() {
        TestSupport.stop(spark);
    }

    @Test
    void everyObservableHasItsRows() {
        List<Row> counts = Tables.readMeasurementTable(spark, config.layout().measurements())
                .groupBy("ensemble", "observable").count().collectAsList();
        Map<String, Long> n = new TreeMap<>();
        for (Row r : counts) n.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
        long configurations = (long) CHAINS * CONFIGURATIONS;
        for (String e : List.of("stag", "wil")) {
            assertEquals(configurations * VECTORS, n.get(e + "/pbp"), e);
            assertEquals(configurations * VECTORS, n.get(e + "/pbp_iterations"), e);
            for (int t = 0; t < 4; t++) assertEquals(configurations, n.get(e + "/pion_t" + t), e + " t = " + t);
            assertEquals(configurations, n.get(e + "/solver_iterations"), e);
        }
    }

    @Test
    void summaryCarriesCondensatePionAndSolverWork() throws Exception {
        Map<String, SummaryRow> rows = new TreeMap<>();
        for (SummaryRow r : result.analyze().summary().rows()) rows.put(r.ensemble() + "/" + r.observable(), r);
        for (String e : List.of("stag", "wil")) {
            SummaryRow pbp = rows.get(e + "/pbp");
            assertTrue(pbp.ok() && pbp.value() > 0 && pbp.error() > 0, pbp.toString());
            assertTrue(rows.get(e + "/pion_t0").value() > rows.get(e + "/pion_t1").value(), e + " pion falls off");
            assertTrue(rows.get(e + "/solver_iterations").value() > 10, e + " solver work");
            assertTrue(rows.get(e + "/accepted").value() > 0.5, e + " acceptance");
        }
        List<String> order = result.analyze().summary().rows().stream()
                .filter(r -> r.ensemble().equals("stag")).map(SummaryRow::observable).toList();
        assertTrue(order.indexOf("pbp") < order.indexOf("pion_t0") && order.indexOf("pion_t0") < order.indexOf("pion_t3"),
                order.toString());
        String runJson = Files.readString(Path.of(config.layout().runJson()));
        assertTrue(runJson.contains("\"fermions\"") && runJson.contains("\"hasenbusch-kappa\": 0.07"), runJson);
    }
}
