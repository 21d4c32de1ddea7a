package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.FaultInjection;
import org.latticespark.spark.generate.GenerateJob;
import org.latticespark.spark.table.Tables;

/**
 * {@code generate --resume}: a run of 2 configurations per chain resumed to 5 has exactly the rows of
 * one run of 5; changed parameters are refused and nothing is written; a new chain starts from
 * scratch; a complete run writes nothing; a failed resume leaves the table as it was.
 */
class ResumeTest {
    private static SparkSession spark;
    /** A run with 2 configurations per chain (thermalization 2: updates 3, 4 saved), its digest; never modified. */
    private static Path base;
    private static Map<String, String> baseDigest;
    /** One run with 5 configurations per chain (updates 3..7). */
    private static Path full;
    private static Map<String, String> fullDigest;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        spark = TestSupport.session("local[2,2]"); // two attempts per task, as on a cluster
        base = shared.resolve("base");
        baseDigest = TestSupport.digest(spark, new GenerateJob(spark, run(base, 2, "")).run(false).path());
        full = shared.resolve("full");
        fullDigest = TestSupport.digest(spark, new GenerateJob(spark, run(full, 5, "")).run(false).path());
        assertEquals(8, baseDigest.size());
        assertEquals(20, fullDigest.size());
    }

    @AfterAll
    static void stop() {
        TestSupport.stop(spark);
    }

    @AfterEach
    void clearHook() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    private static RunConfig run(Path output, int configurations, String extra) {
        return TestSupport.tinyRun(output, "ensemble-defaults.configurations = " + configurations + "\n" + extra);
    }

    /** A copy of a run's output folder, to resume without touching the original. */
    private Path copy(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
        return to;
    }

    /** Every file and folder under {@code root} with its size: what a job that writes nothing must leave as it is. */
    private static Map<String, Long> listing(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) out.put(root.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
        }
        return out;
    }

    /** Stale derived outputs, as a measure, analyze and run would have left them. */
    private static void derivedOutputs(RunConfig config) throws IOException {
        Files.createDirectories(Path.of(config.layout().measurements()));
        Files.writeString(Path.of(config.layout().measurements()).resolve("old.parquet"), "stale");
        Files.createDirectories(Path.of(config.layout().analysis()));
        Files.writeString(Path.of(config.layout().analysis()).resolve("summary.csv"), "stale");
        Files.writeString(Path.of(config.layout().runJson()), "{}");
    }

    private static boolean anyDerived(RunConfig config) {
        return Files.exists(Path.of(config.layout().measurements())) || Files.exists(Path.of(config.layout().analysis()))
                || Files.exists(Path.of(config.layout().runJson()));
    }

    @Test
    void resumedRunHasExactlyTheRowsOfOneRun() throws Exception {
        Path out = copy(base, "resumed");
        RunConfig config = run(out, 5, "");
        derivedOutputs(config);

        GenerateJob.Result r = new GenerateJob(spark, config).resume();
        assertEquals(12, r.written(), "3 new configurations for each of 4 chains");
        assertEquals(20, r.configurations());
        assertEquals(4, r.resumedChains());
        assertEquals(0, r.startedChains());
        assertEquals(0, r.completeChains());
        assertEquals(fullDigest, TestSupport.digest(spark, config.layout().configurations()));
        assertFalse(anyDerived(config), "stale measurements, analysis or run.json left behind");
        // the new rows carry the run's parameters
        assertEquals(12, Tables.readConfigurationTable(spark, config.layout().configurations())
                .filter("parameters like '%\"configurations\":5%'").count());
        String[] left = out.toFile().list();
        for (String n : left) assertFalse(n.contains(".tmp-"), "temporary folder left: " + n);

        // run --resume of the now complete run: nothing generated, everything measured and analysed
        RunPipeline.Result all = new RunPipeline(spark, config).resume(true).run();
        assertEquals(0, all.generate().written());
        assertEquals(4, all.generate().completeChains());
        assertEquals(20, all.generate().configurations());
        assertEquals(fullDigest, TestSupport.digest(spark, config.layout().configurations()));
        assertEquals(20, Tables.readMeasurementTable(spark, config.layout().measurements())
                .filter("observable = 'plaquette'").count(), "every configuration measured");
        assertTrue(Files.readString(Path.of(all.runJson())).contains("\"configurations\": 20"));
        assertTrue(Files.exists(Path.of(config.layout().analysis()).resolve("summary.csv")));
    }

    @Test
    void changedParametersAreRefusedAndNothingIsWritten() throws Exception {
        Path out = copy(base, "changed");
        derivedOutputs(run(out, 5, ""));
        Map<String, Long> before = listing(out);
        String where = out.resolve("configurations") + " ensemble=hb chain=0 update=4";
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("ensemble-defaults.beta = 5.9", List.of(where, "beta (stored 6.0, run configuration 5.9)"));
        cases.put("seed = 99", List.of(where, "seed (stored "));
        cases.put("ensemble-defaults.save-every = 2", List.of(where, "save-every (stored 1, run configuration 2)"));
        cases.put("ensemble-defaults.chains = 1", List.of(where, "chains (stored 2, run configuration 1)"));
        cases.put("ensemble-defaults.lattice = [4, 4, 4, 4]", List.of(where, "lattice (stored [4,4,4,8]"));
        cases.put("ensembles = [ { name = hb, algorithm = heatbath, heatbath.overrelaxation = 1 } ]",
                List.of("ensemble=hmc chain=0", "'hmc'", "not in the run configuration"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            RunConfig changed = run(out, 5, c.getKey());
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GenerateJob(spark, changed).resume(),
                    c.getKey());
            for (String f : c.getValue()) assertTrue(e.getMessage().contains(f), c.getKey() + ": '" + f + "' not in " + e.getMessage());
            assertEquals(before, listing(out), c.getKey() + ": something was written");
        }
        assertEquals(baseDigest, TestSupport.digest(spark, out.resolve("configurations").toString()));
    }

    @Test
    void anExtraChainStartsFromScratch() throws Exception {
        Path out = copy(base, "extra");
        RunConfig config = run(out, 2, "ensemble-defaults.chains = 3");
        GenerateJob.Result r = new GenerateJob(spark, config).resume();
        assertEquals(2, r.startedChains(), "chain 2 of each ensemble");
        assertEquals(0, r.resumedChains());
        assertEquals(4, r.completeChains());
        assertEquals(4, r.written());
        Map<String, String> expected = TestSupport.digest(spark,
                new GenerateJob(spark, run(dir.resolve("three"), 2, "ensemble-defaults.chains = 3")).run(false).path());
        assertEquals(12, expected.size());
        assertEquals(expected, TestSupport.digest(spark, config.layout().configurations()));
    }

    @Test
    void aCompleteRunWritesNothing() throws Exception {
        Path out = copy(full, "complete");
        derivedOutputs(run(out, 5, ""));
        Map<String, Long> before = listing(out);
        for (int configurations : new int[] {5, 4}) { // at and beyond the target
            GenerateJob.Result r = new GenerateJob(spark, run(out, configurations, "")).resume();
            assertEquals(0, r.written());
            assertEquals(4, r.completeChains());
            assertEquals(20, r.configurations());
            assertEquals(before, listing(out), "something was written (or removed)");
        }
    }

    @Test
    void aFailedResumeLeavesTheTableAsItWas() throws Exception {
        Path out = copy(base, "failed");
        RunConfig config = run(out, 5, "");
        derivedOutputs(config);
        Map<String, Long> before = listing(out);
        int injected = FaultInjection.injected();
        // hmc chain 1 resumes after update 4 and saves 5, 6, 7: every attempt fails after update 6
        System.setProperty(FaultInjection.PROPERTY, "hmc:1:6:always");
        Exception e = assertThrows(Exception.class, () -> new GenerateJob(spark, config).resume());
        assertTrue(String.valueOf(e.getMessage()).contains("injected failure"), e.toString());
        assertEquals(injected + 2, FaultInjection.injected(), "both attempts should have failed");
        System.clearProperty(FaultInjection.PROPERTY);
        assertEquals(before, listing(out), "the failed resume changed the output folder");
        assertEquals(baseDigest, TestSupport.digest(spark, config.layout().configurations()));
    }

    @Test
    void aCorruptLastRowIsRefused() throws Exception {
        // the base table with one bit of hb chain 0's last configuration (update 4) flipped
        Path out = dir.resolve("corrupt");
        List<Row> rows = new ArrayList<>();
        for (Row r : Tables.readConfigurationTable(spark, base.resolve("configurations").toString()).collectAsList()) {
            Object[] v = new Object[r.size()];
            for (int i = 0; i < v.length; i++) v[i] = r.get(i);
            if (r.getString(Tables.C_ENSEMBLE).equals("hb") && r.getInt(Tables.C_CHAIN) == 0 && r.getLong(Tables.C_UPDATE) == 4) {
                byte[] links = ((byte[]) v[Tables.C_LINKS]).clone();
                links[100] ^= 1;
                v[Tables.C_LINKS] = links;
            }
            rows.add(RowFactory.create(v));
        }
        Tables.write(spark.createDataFrame(rows, Tables.CONFIGURATION_SCHEMA), out.resolve("configurations").toString());
        Map<String, Long> before = listing(out);
        Exception e = assertThrows(Exception.class, () -> new GenerateJob(spark, run(out, 5, "")).resume());
        RuntimeException bad = Main.badInput(e); // what the command line reports with exit status 2
        assertTrue(bad != null && bad.getMessage().contains("ensemble=hb chain=0 update=4")
                && bad.getMessage().contains("checksum"), e.toString());
        assertEquals(before, listing(out), "the refused resume changed the output folder");
    }

    @Test
    void aTableOfTheOlderSchemaIsRefusedAsSuch() throws Exception {
        // what schema version 1 wrote: no solver-iteration history, no fermion keys in the parameters
        Path out = dir.resolve("old-schema");
        List<Row> rows = new ArrayList<>();
        for (Row r : Tables.readConfigurationTable(spark, base.resolve("configurations").toString()).collectAsList()) {
            Object[] v = new Object[r.size() - 1];
            for (int i = 0; i < v.length; i++) v[i] = r.get(i);
            v[Tables.C_SCHEMA_VERSION] = 1;
            v[Tables.C_PARAMETERS] = r.getString(Tables.C_PARAMETERS).replaceAll(",\"gauge-substeps\":\\d+", "")
                    .replaceAll(",\"fermions\":\\{[^}]*\\}", "");
            rows.add(RowFactory.create(v));
        }
        org.apache.spark.sql.types.StructField[] fields = Tables.CONFIGURATION_SCHEMA.fields();
        org.apache.spark.sql.types.StructType v1 = new org.apache.spark.sql.types.StructType(
                java.util.Arrays.copyOf(fields, fields.length - 1));
        assertTrue(!rows.get(0).getString(Tables.C_PARAMETERS).contains("fermions"), rows.get(0).getString(Tables.C_PARAMETERS));
        Tables.write(spark.createDataFrame(rows, v1), out.resolve("configurations").toString());
        Map<String, Long> before = listing(out);
        Exception e = assertThrows(Exception.class, () -> new GenerateJob(spark, run(out, 5, "")).resume());
        RuntimeException bad = Main.badInput(e);
        assertTrue(bad != null && bad.getMessage().contains("schema_version 1")
                && bad.getMessage().contains("older table"), e.toString());
        assertEquals(before, listing(out), "the refused resume changed the output folder");
    }

    @Test
    void resumeAndOverwriteExcludeEachOther() throws Exception {
        RunConfig config = run(dir.resolve("both"), 5, "");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new RunPipeline(spark, config).overwrite(true).resume(true).run());
        assertTrue(e.getMessage().contains("--resume and --overwrite"), e.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> new GenerateJob(spark, config).resume());
        assertTrue(missing.getMessage().contains(config.layout().configurations()), missing.getMessage());

        // the command line refuses both before it starts Spark
        Path conf = dir.resolve("r.conf");
        Files.writeString(conf, "ensembles = [ {name = a} ]\n");
        for (String command : List.of("generate", "run")) {
            CliTest.Outcome o = CliTest.cli(command, conf.toString(), "--resume", "--overwrite", "--output",
                    dir.resolve("cli").toString());
            assertEquals(Main.BAD_INPUT, o.status(), o.err());
            assertTrue(o.err().contains("--resume and --overwrite cannot be used together"), o.err());
            CliTest.Outcome none = CliTest.cli(command, conf.toString(), "--resume", "--output", dir.resolve("cli").toString());
            assertEquals(Main.BAD_INPUT, none.status(), none.err());
            assertTrue(none.err().contains("no configuration table at " + dir.resolve("cli").resolve("configurations")),
                    none.err());
            assertFalse(none.err().contains("\tat "), none.err());
        }
    }
}
