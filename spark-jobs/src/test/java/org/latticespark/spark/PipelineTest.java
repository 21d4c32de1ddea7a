package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.generation.Chain;
import org.latticespark.generation.ProgressListener;
import org.latticespark.generation.SavedConfiguration;
import org.latticespark.lattice.codec.ConfigurationCodec;
import org.latticespark.spark.analyze.AnalyzeJob;
import org.latticespark.spark.analyze.SummaryRow;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.GenerateJob;
import org.latticespark.spark.io.OutputExistsException;
import org.latticespark.spark.table.StoredConfiguration;
import org.latticespark.spark.table.Tables;

/** generate → measure → analyze on a small run, and the progress lines of a generate job. */
class PipelineTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;

    private static RunConfig config;
    private static RunPipeline.Result result;

    @BeforeAll
    static void run() {
        spark = TestSupport.session("local[2]");
        config = RunConfig.parse("""
                name = pipeline
                seed = 5
                ensemble-defaults { group = SU3, lattice = [4, 4, 4, 4], beta = 6.0, chains = 2, thermalization = 5 }
                ensembles = [
                  { name = hb, algorithm = heatbath, heatbath.overrelaxation = 1, save-every = 2, configurations = 25 }
                  { name = hmc, algorithm = hmc, start = hot, configurations = 25, hmc { steps = 7 } }
                ]
                """, "pipeline.conf").withOutput(dir.resolve("out").toString());
        result = new RunPipeline(spark, config).run();
    }

    @AfterAll
    static void stop() {
        TestSupport.stop(spark);
    }

    @Test
    void measurementTableHasTheExpectedObservables() {
        List<Row> counts = Tables.readMeasurementTable(spark, config.layout().measurements())
                .groupBy("ensemble", "observable").count().collectAsList();
        Map<String, Long> n = new TreeMap<>();
        for (Row r : counts) n.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
        Map<String, Long> expected = new TreeMap<>();
        for (String o : List.of("plaquette", "polyakov_re", "polyakov_im", "polyakov_abs")) {
            expected.put("hb/" + o, 2L * 25);
            expected.put("hmc/" + o, 2L * 25);
        }
        expected.put("hb/update_plaquette", 2L * 25 * 2);
        for (String o : List.of("update_plaquette", "delta_h", "exp_minus_delta_h", "accepted")) {
            expected.put("hmc/" + o, 2L * 25);
        }
        assertEquals(expected, n);
        assertEquals(2L * 25 * 2, result.generate().configurations());
    }

    @Test
    void measuredPlaquetteMatchesTheGeneratorsAndIndicesAreUpdates() {
        List<Row> rows = Tables.readMeasurementTable(spark, config.layout().measurements())
                .filter("observable = 'plaquette' or observable = 'update_plaquette'").collectAsList();
        Map<String, Double> measured = new TreeMap<>();
        Map<String, Double> generator = new TreeMap<>();
        for (Row r : rows) {
            String key = r.getString(Tables.M_ENSEMBLE) + "/" + r.getInt(Tables.M_CHAIN) + "/" + r.getLong(Tables.M_INDEX);
            (r.getString(Tables.M_OBSERVABLE).equals("plaquette") ? measured : generator).put(key, r.getDouble(Tables.M_VALUE));
        }
        assertEquals(100, measured.size());
        for (Map.Entry<String, Double> e : measured.entrySet()) {
            Double g = generator.get(e.getKey());
            assertTrue(g != null, "no update_plaquette for " + e.getKey());
            assertEquals(g, e.getValue(), 1e-12, e.getKey());
        }
        // heatbath saves every 2nd update after 5 of thermalization: 7, 9, ..., 55
        assertTrue(measured.containsKey("hb/0/7") && measured.containsKey("hb/1/55") && !measured.containsKey("hb/0/8"));
        assertTrue(generator.containsKey("hb/0/6") && !generator.containsKey("hb/0/5"));
    }

    @Test
    void summaryFilesAndRunJson() throws Exception {
        Path analysis = Path.of(config.layout().analysis());
        List<String> csv = Files.readAllLines(analysis.resolve("summary.csv"));
        assertEquals("ensemble,observable,value,error,error_of_error,tau_int,tau_int_error,window,samples,chains,note",
                csv.get(0));
        assertEquals(1 + 5 + 8, csv.size(), String.join("\n", csv));
        String json = Files.readString(analysis.resolve("summary.json"));
        assertTrue(json.contains("\"observable\": \"exp_minus_delta_h\""), json);
        List<String> order = result.analyze().summary().rows().stream()
                .map(r -> r.ensemble() + "/" + r.observable()).collect(Collectors.toList());
        assertEquals(List.of("hb/plaquette", "hb/polyakov_re", "hb/polyakov_im", "hb/polyakov_abs",
                "hb/update_plaquette", "hmc/plaquette", "hmc/polyakov_re", "hmc/polyakov_im", "hmc/polyakov_abs",
                "hmc/update_plaquette", "hmc/delta_h", "hmc/exp_minus_delta_h", "hmc/accepted"), order);
        for (SummaryRow r : result.analyze().summary().rows()) {
            if (!r.ok()) {
                assertFalse(r.note().isEmpty());
                continue;
            }
            assertEquals(r.chains(), 2, r.toString());
            assertTrue(Double.isFinite(r.value()) && r.error() >= 0, r.toString());
        }
        SummaryRow plaq = result.analyze().summary().rows().get(0);
        assertTrue(plaq.ok(), plaq.toString());
        assertTrue(plaq.value() > 0.55 && plaq.value() < 0.65, plaq.toString());
        assertEquals(50, plaq.samples());
        String table = result.analyze().summary().table();
        assertTrue(table.startsWith("ensemble") && table.contains("tau_int") && table.contains("hmc"), table);

        String run = Files.readString(Path.of(result.runJson()));
        assertTrue(run.contains("\"spark_version\": \"" + spark.version() + "\""), run);
        assertTrue(run.contains("\"backends\": [\"java\"]"), run);
        assertTrue(run.contains("\"generate\":") && run.contains("\"analyze\":"), run);
    }

    @Test
    void analysisIsReproducibleAndOutputsAreNotOverwrittenSilently() throws Exception {
        Path csv = Path.of(config.layout().analysis()).resolve("summary.csv");
        String before = Files.readString(csv);
        assertThrows(OutputExistsException.class, () -> new AnalyzeJob(spark, config).run(false));
        assertThrows(OutputExistsException.class, () -> new RunPipeline(spark, config).run());
        new AnalyzeJob(spark, config).run(true);
        assertEquals(before, Files.readString(csv), "a second analysis differs");
    }

    @Test
    void storedConfigurationResumesTheChainBitForBit() {
        String table = config.layout().configurations();
        List<Row> rows = Tables.readConfigurationTable(spark, table)
                .filter("(ensemble = 'hb' and chain = 0 and (`update` = 7 or `update` = 9))"
                        + " or (ensemble = 'hmc' and chain = 1 and (`update` = 10 or `update` = 11))")
                .orderBy("ensemble", "update").collectAsList();
        assertEquals(4, rows.size());
        for (int k = 0; k < 4; k += 2) {
            StoredConfiguration from = Tables.readConfiguration(rows.get(k), table);
            StoredConfiguration next = Tables.readConfiguration(rows.get(k + 1), table);
            try (Chain chain = from.resume(ProgressListener.NONE)) {
                SavedConfiguration s = chain.next();
                assertEquals(next.update(), s.index());
                assertArrayEquals(ConfigurationCodec.encode(next.field()), ConfigurationCodec.encode(s.field()),
                        from.ensemble() + " resumed from update " + from.update());
                assertEquals(next.history(), s.history());
            }
        }
    }

    @Test
    void progressLinesWhileChainsRun() {
        RunConfig rc = RunConfig.parse("""
                ensembles = [ { name = slow, algorithm = hmc, lattice = [4, 4, 4, 8], chains = 2, thermalization = 0,
                                configurations = 40, hmc.steps = 8 } ]
                """, "progress.conf").withOutput(dir.resolve("progress").toString());
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        new GenerateJob(spark, rc).progressInterval(Duration.ofMillis(100)).progressSink(lines::add).run(false);
        assertFalse(lines.isEmpty());
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("100%") && last.contains("slow[done acc=") && !last.contains(", -"), last);
        // heartbeats (every second in tests) report running tasks: some line shows a chain midway
        assertTrue(lines.stream().anyMatch(l -> !l.contains("100%")), "no progress while running: " + lines);
    }
}
