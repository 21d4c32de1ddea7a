package org.latticespark.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.spark.cli.CliRun.ar1;
import static org.latticespark.spark.cli.CliRun.ok;
import static org.latticespark.spark.cli.CliRun.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

/** {@code latticespark errors}: the printed numbers are those of GammaMethod on the same data, bit for bit. */
class ErrorsCommandTest {
    @TempDir
    Path dir;

    private static void assertCsvRow(String row, String observable, GammaResult g) {
        assertEquals(observable + "," + g.value() + "," + g.error() + "," + g.errorOfError() + "," + g.tauInt() + ","
                + g.tauIntError() + "," + g.window() + "," + g.samples() + "," + g.replicas(), row);
    }

    private static void assertJson(JsonNode r, String observable, GammaResult g) {
        assertEquals(observable, r.get("observable").asText());
        assertEquals(g.value(), r.get("value").doubleValue());
        assertEquals(g.error(), r.get("error").doubleValue());
        assertEquals(g.errorOfError(), r.get("error_of_error").doubleValue());
        assertEquals(g.tauInt(), r.get("tau_int").doubleValue());
        assertEquals(g.tauIntError(), r.get("tau_int_error").doubleValue());
        assertEquals(g.window(), r.get("window").intValue());
        assertEquals(g.samples(), r.get("samples").longValue());
        assertEquals(g.replicas(), r.get("replicas").intValue());
    }

    @Test
    void oneFileOneValuePerLine() throws Exception {
        double[] x = ar1(0.8, 0.59, 3000, 1);
        Path f = write(dir.resolve("plaq.dat"), null, " ", x);
        GammaResult g = GammaMethod.analyze(new double[][] {x});
        assertTrue(g.window() > 1 && g.tauInt() > 2, "correlated test data: " + g);

        String[] csv = ok("errors", f.toString(), "--csv").out().split("\n");
        assertEquals(String.join(",", ErrorsCommand.CSV_COLUMNS), csv[0]);
        assertEquals(2, csv.length);
        assertCsvRow(csv[1], "column 1", g);

        String table = ok("errors", f.toString()).out();
        String[] lines = table.split("\n");
        assertEquals(2, lines.length, table);
        List<String> head = List.of(lines[0].trim().split("\\s+"));
        assertEquals(List.of("observable", "value", "error", "d(error)", "tau_int", "d(tau_int)", "W", "N", "R"), head);
        List<String> row = List.of(lines[1].trim().split("\\s{2,}"));
        assertEquals(List.of("column 1", fmt("%.8g", g.value()), fmt("%.3g", g.error()), fmt("%.2g", g.errorOfError()),
                fmt("%.2f", g.tauInt()), fmt("%.2f", g.tauIntError()), "" + g.window(), "3000", "1"), row);
        assertEquals(lines[0].length(), lines[1].length(), "aligned:\n" + table);
    }

    /** Three replicas of different lengths with a header, two observables, --skip and --s. */
    @Test
    void severalFilesAreReplicasAndSeveralColumnsSeparateObservables() throws Exception {
        int skip = 50;
        double s = 1.5;
        int[] lengths = {1200, 900, 1500};
        double[][] a = new double[3][];
        double[][] b = new double[3][];
        String[] args = new String[lengths.length];
        for (int r = 0; r < 3; r++) {
            a[r] = ar1(0.7, 1.0, lengths[r], 10 + r);
            b[r] = ar1(0.2, -3.0, lengths[r], 20 + r);
            double[] t = new double[lengths[r]];
            Arrays.setAll(t, i -> i);
            args[r] = write(dir.resolve("rep" + r + ".csv"), "traj,energy,acc", ",", t, a[r], b[r]).toString();
        }
        GammaResult ga = GammaMethod.analyze(dropped(a, skip), s);
        GammaResult gb = GammaMethod.analyze(dropped(b, skip), s);
        assertEquals(3, ga.replicas());
        assertEquals(1200 + 900 + 1500 - 3 * skip, ga.samples());

        String[] options = {"--column", "energy", "--column", "3", "--skip", "" + skip, "--s", "" + s};
        String[] csv = ok(concat(args, options, "--csv")).out().split("\n");
        assertEquals(3, csv.length);
        assertCsvRow(csv[1], "energy", ga);
        assertCsvRow(csv[2], "acc", gb);

        JsonNode root = new ObjectMapper().readTree(ok(concat(args, options, "--json")).out());
        assertEquals(s, root.get("s").doubleValue());
        assertEquals(skip, root.get("skip").intValue());
        assertEquals(List.of(args), toList(root.get("files")));
        assertEquals(2, root.get("results").size());
        assertJson(root.get("results").get(0), "energy", ga);
        assertJson(root.get("results").get(1), "acc", gb);

        // Every FILE counts: two of the three files give GammaMethod on those two replicas.
        assertCsvRow(ok(concat(new String[] {args[0], args[1]}, options, "--csv")).out().split("\n")[1], "energy",
                GammaMethod.analyze(dropped(new double[][] {a[0], a[1]}, skip), s));
    }

    @Test
    void defaultSIsWolffs() throws Exception {
        double[] x = ar1(0.5, 0, 800, 3);
        Path f = write(dir.resolve("x.dat"), "x", " ", x);
        assertCsvRow(ok("errors", f.toString(), "--csv").out().split("\n")[1], "x",
                GammaMethod.analyze(new double[][] {x}, GammaMethod.DEFAULT_S));
        assertTrue(ok("errors", "--help").out().contains("Default: 2.0"));
    }

    @Test
    void listedInTheHelp() {
        assertTrue(ok("--help").out().contains("errors"));
        String help = ok("errors", "--help").out();
        for (String option : List.of("--column", "--skip", "--s", "--plots", "--csv", "--json", "FILE")) {
            assertTrue(help.contains(option), option + " not in: " + help);
        }
    }

    @Test
    void plotNamesAreSafeAndDistinct() {
        assertEquals(List.of("plaq", "column_1", "E_density", "E_density_2", "_.hidden", "_"),
                ErrorsCommand.plotNames(List.of("plaq", "column 1", "E density", "E/density", ".hidden", "")));
        assertEquals(List.of("a", "A_2"), ErrorsCommand.plotNames(List.of("a", "A")));
    }

    private static double[][] dropped(double[][] replicas, int skip) {
        double[][] kept = new double[replicas.length][];
        for (int r = 0; r < kept.length; r++) kept[r] = Arrays.copyOfRange(replicas[r], skip, replicas[r].length);
        return kept;
    }

    private static String[] concat(String[] files, String[] options, String format) {
        List<String> all = new java.util.ArrayList<>(List.of("errors"));
        all.addAll(List.of(files));
        all.addAll(List.of(options));
        all.add(format);
        return all.toArray(new String[0]);
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
