package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.cli.Cli;
import org.latticespark.spark.config.EnsembleJson;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.table.Tables;

/** The command line: exit statuses, messages without stack traces, a whole run. */
class CliTest {
    @TempDir
    Path dir;

    record Outcome(int status, String out, String err) {}

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    private static void badInput(Outcome o, String... fragments) {
        assertEquals(Main.BAD_INPUT, o.status(), o.err());
        for (String f : fragments) assertTrue(o.err().contains(f), "'" + f + "' not in: " + o.err());
        assertFalse(o.err().contains("\tat "), "stack trace printed: " + o.err());
    }

    @Test
    void helpAndUsage() {
        Outcome help = cli("--help");
        assertEquals(0, help.status());
        for (String c : List.of("generate", "measure", "analyze", "run")) assertTrue(help.out().contains(c), help.out());
        for (String c : List.of("generate", "measure", "analyze", "run")) {
            Outcome h = cli(c, "--help");
            assertEquals(0, h.status(), c);
            assertTrue(h.out().contains("--master") && h.out().contains("--overwrite") && h.out().contains("--output"),
                    h.out());
        }
        assertEquals(Main.BAD_INPUT, cli().status());
        assertEquals(Main.BAD_INPUT, cli("run").status(), "missing CONFIG");
        assertEquals(Main.BAD_INPUT, cli("frobnicate", "x.conf").status());
    }

    @Test
    void badInputGivesStatus2AndAMessageNamingTheProblem() throws Exception {
        badInput(cli("run", dir.resolve("missing.conf").toString()), "missing.conf", "not found");

        Path typo = dir.resolve("typo.conf");
        Files.writeString(typo, "ensembles = [ {name = a, thermalisation = 3} ]\n");
        badInput(cli("generate", typo.toString()), "typo.conf", "'thermalisation'", "did you mean 'thermalization'");

        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "ensembles = [ {name = a, algorithm = hmc, hmc.steps = -2} ]\n");
        badInput(cli("run", bad.toString()), "bad.conf", "hmc.steps");

        Path ok = dir.resolve("ok.conf");
        Files.writeString(ok, "ensembles = [ {name = a} ]\n");
        Path out = dir.resolve("existing");
        Files.createDirectories(out.resolve("configurations"));
        badInput(cli("generate", ok.toString(), "--output", out.toString()), "configurations", "already exists",
                "--overwrite");
        badInput(cli("run", ok.toString(), "--output", out.toString()), "already exists");
        badInput(cli("measure", ok.toString(), "--output", dir.resolve("empty").toString(), "--master", "local[1]"),
                "no configuration table");
        badInput(cli("generate", ok.toString(), "--output", dir.resolve("m").toString(), "--master", "foo://bar"),
                "--master 'foo://bar'");
    }

    @Test
    void corruptDataGivesStatus2() throws Exception {
        Path out = dir.resolve("corrupt");
        Path conf = dir.resolve("c.conf");
        Files.writeString(conf, "ensembles = [ {name = t} ]\n");
        RunConfig rc = RunConfig.load(conf).withOutput(out.toString());
        SparkSession spark = TestSupport.session("local[1]");
        try {
            var good = Tables.configurationRow(rc.ensembles().get(0), EnsembleJson.toJson(rc.ensembles().get(0)), "java",
                    ConfigurationTableTest.savedFor(rc.ensembles().get(0), 0, 11));
            Object[] v = new Object[good.size()];
            for (int i = 0; i < v.length; i++) v[i] = good.get(i);
            byte[] blob = ((byte[]) v[Tables.C_LINKS]).clone();
            blob[0] ^= 1;
            v[Tables.C_LINKS] = blob;
            Tables.write(spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(v)),
                    Tables.CONFIGURATION_SCHEMA), rc.layout().configurations());
        } finally {
            TestSupport.stop(spark);
        }
        badInput(cli("measure", conf.toString(), "--output", out.toString(), "--master", "local[1]"),
                "ensemble=t chain=0 update=11", "checksum mismatch");
    }

    @Test
    void wholeRunFromTheCommandLine() throws Exception {
        Path conf = dir.resolve("cli.conf");
        Files.writeString(conf, """
                name = cli
                ensembles = [ { name = hb, lattice = [4, 4, 4, 4], chains = 2, thermalization = 2, configurations = 12,
                                heatbath.overrelaxation = 1 } ]
                """);
        Path out = dir.resolve("cli-out");
        Outcome run = cli("run", conf.toString(), "--output", out.toString(), "--master", "local[2]");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("plaquette") && run.out().contains("tau_int"), run.out());
        for (String p : List.of("configurations", "measurements", "analysis/summary.csv", "analysis/summary.json", "run.json")) {
            assertTrue(Files.exists(out.resolve(p)), p);
        }
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"master\": \"local[2]\""));
        badInput(cli("analyze", conf.toString(), "--output", out.toString()), "analysis", "already exists");
        Outcome again = cli("analyze", conf.toString(), "--output", out.toString(), "--overwrite", "--master", "local[1]");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("update_plaquette"), again.out());
    }
}
