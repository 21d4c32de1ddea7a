package org.latticespark.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.spark.cli.CliRun.ar1;
import static org.latticespark.spark.cli.CliRun.assertBadInput;
import static org.latticespark.spark.cli.CliRun.cli;
import static org.latticespark.spark.cli.CliRun.ok;
import static org.latticespark.spark.cli.CliRun.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;
import org.latticespark.analysis.resample.BinningAnalysis;
import org.latticespark.analysis.resample.BinningResult;

/** {@code errors --binning}: the printed numbers are those of BinningAnalysis and the Γ-method on the same data. */
class ErrorsCommandBinningTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static double[][] dropped(double[][] x, int skip) {
        double[][] d = new double[x.length][];
        for (int r = 0; r < x.length; r++) d[r] = Arrays.copyOfRange(x[r], skip, x[r].length);
        return d;
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }

    private static void assertBinningJson(JsonNode observable, double[][] replicas) {
        BinningResult b = BinningAnalysis.of(replicas);
        JsonNode rows = observable.get("binning");
        assertEquals(b.binSizes().length, rows.size());
        assertTrue(b.binSizes().length >= 5, "several bin sizes: " + Arrays.toString(b.binSizes()));
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertEquals(b.binSizes()[i], row.get("bin_size").intValue());
            assertEquals(b.bins()[i], row.get("bins").intValue());
            assertEquals(b.errors()[i], row.get("error").doubleValue());
            assertEquals(b.errorsOfErrors()[i], row.get("error_of_error").doubleValue());
            assertEquals(b.tauInt()[i], row.get("tau_int").doubleValue());
            assertEquals(b.tauIntErrors()[i], row.get("tau_int_error").doubleValue());
        }
        // The delete-one-bin jackknife equals err(b) identically, so it is not reported as a check.
        assertFalse(observable.has("jackknife"), observable.toString());
    }

    /** Two replicas of different lengths, two observables, --skip: every binning number bit for bit. */
    @Test
    void jsonHoldsBinningAnalysisOfTheSameReplicas() throws Exception {
        int skip = 30;
        int[] lengths = {3000, 2200};
        double[][] a = new double[2][];
        double[][] c = new double[2][];
        String[] files = new String[2];
        for (int r = 0; r < 2; r++) {
            a[r] = ar1(0.8, 1.0, lengths[r], 100 + r);
            c[r] = ar1(0.3, -2.0, lengths[r], 200 + r);
            files[r] = write(dir.resolve("rep" + r + ".dat"), "a c", " ", a[r], c[r]).toString();
        }
        String out = ok("errors", files[0], files[1], "--column", "a", "--column", "c", "--skip", "" + skip,
                "--binning", "--json").out();
        JsonNode results = new ObjectMapper().readTree(out).get("results");
        assertEquals(2, results.size());
        double[][] da = dropped(a, skip);
        double[][] dc = dropped(c, skip);
        assertBinningJson(results.get(0), da);
        assertBinningJson(results.get(1), dc);
        GammaResult ga = GammaMethod.analyze(da);
        assertEquals(ga.error(), results.get(0).get("error").doubleValue());
        assertEquals(ga.tauInt(), results.get(0).get("tau_int").doubleValue());

        JsonNode plain = new ObjectMapper().readTree(ok("errors", files[0], "--column", "a", "--json").out());
        assertFalse(plain.get("results").get(0).has("binning"));
        assertFalse(plain.get("results").get(0).has("jackknife"));
    }

    @Test
    void tableFollowsTheGammaTable() throws Exception {
        double[] x = ar1(0.8, 0.5, 2000, 7);
        Path f = write(dir.resolve("x.dat"), "plaq", " ", x);
        double[][] replicas = {x};
        BinningResult b = BinningAnalysis.of(replicas);
        GammaResult g = GammaMethod.analyze(replicas);
        int n = b.binSizes().length;

        String out = ok("errors", f.toString(), "--binning").out();
        String plain = ok("errors", f.toString()).out();
        assertTrue(out.startsWith(plain + "\n"), out);
        String[] lines = out.substring(plain.length() + 1).split("\n");
        assertEquals(3 + n, lines.length, out);
        assertEquals("binning analysis of plaq (tau(b) = (error(b) / error(1))^2 / 2):", lines[0]);
        assertEquals(List.of("b", "bins", "error", "d(error)", "tau(b)", "d(tau(b))"),
                List.of(lines[1].trim().split("\\s+")));
        for (int i = 0; i < n; i++) {
            assertEquals(List.of("" + b.binSizes()[i], "" + b.bins()[i], fmt("%.3g", b.errors()[i]),
                    fmt("%.2g", b.errorsOfErrors()[i]), fmt("%.2f", b.tauInt()[i]), fmt("%.2f", b.tauIntErrors()[i])),
                    List.of(lines[2 + i].trim().split("\\s+")), lines[2 + i]);
        }
        assertEquals("largest bin size b = " + b.binSizes()[n - 1] + " (" + b.bins()[n - 1] + " bins): error "
                + fmt("%.3g", b.errors()[n - 1]) + " +- " + fmt("%.2g", b.errorsOfErrors()[n - 1])
                + "; Gamma method: " + fmt("%.3g", g.error()) + " +- " + fmt("%.2g", g.errorOfError())
                + "; ratio " + fmt("%.2f", b.errors()[n - 1] / g.error()), lines[2 + n]);
        assertFalse(out.contains("jackknife"), out);
    }

    @Test
    void plotsAddBinningAndCsvStaysTheSame() throws Exception {
        String f = write(dir.resolve("x.dat"), "E/density", " ", ar1(0.6, 0, 1000, 9)).toString();
        Path plots = dir.resolve("plots");
        String out = ok("errors", f, "--binning", "--plots", plots.toString()).out();
        assertTrue(out.contains("plots: 10 files in " + plots), out);
        TreeSet<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.list(plots)) {
            files.forEach(p -> written.add(p.getFileName().toString()));
        }
        assertTrue(written.containsAll(List.of("E_density-binning.png", "E_density-binning.svg")), "" + written);
        assertEquals(10, written.size(), "" + written);
        byte[] png = Files.readAllBytes(plots.resolve("E_density-binning.png"));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length));
        String svg = Files.readString(plots.resolve("E_density-binning.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));

        assertEquals(ok("errors", f, "--csv").out(), ok("errors", f, "--csv", "--binning").out());
    }

    @Test
    void listedInTheHelp() {
        String help = ok("errors", "--help").out();
        assertTrue(help.contains("--binning"), help);
        assertTrue(help.contains("-binning"), help);
        assertFalse(help.contains("jackknife"), help);
    }

    /** Bin size 2 must leave at least BinningAnalysis.DEFAULT_MIN_BINS = 32 bins; exactly 32 is enough. */
    @Test
    void tooShortForBinningIsBadInputNamingObservableAndFile() throws Exception {
        assertEquals(32, BinningAnalysis.DEFAULT_MIN_BINS);
        Path shortFile = write(dir.resolve("short.dat"), "x", " ", ar1(0.2, 0, 63, 11));
        ok("errors", shortFile.toString());
        assertBadInput(cli("errors", shortFile.toString(), "--binning"),
                "x in " + shortFile + ": too short for --binning: bin size 2 leaves 31 bin(s) of the 63 samples, "
                        + "the binning analysis needs at least 32");
        assertEquals("", cli("errors", shortFile.toString(), "--binning", "--json").out());

        Path enough = write(dir.resolve("enough.dat"), "x", " ", ar1(0.2, 0, 64, 12));
        JsonNode rows = new ObjectMapper().readTree(ok("errors", enough.toString(), "--binning", "--json").out())
                .get("results").get(0).get("binning");
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(1).get("bin_size").intValue());
        assertEquals(32, rows.get(1).get("bins").intValue());

        // Replicas are binned one by one: 33 + 31 samples give 16 + 15 bins of size 2.
        String a = write(dir.resolve("a.dat"), null, " ", ar1(0.2, 0, 33, 13)).toString();
        String b = write(dir.resolve("b.dat"), null, " ", ar1(0.2, 0, 31, 14)).toString();
        assertBadInput(cli("errors", a, b, "--binning"), "column 1 (replica r is the r-th FILE, from 0: " + a + ", " + b
                + "): too short for --binning: bin size 2 leaves 31 bin(s) of the 64 samples");
    }

    @Test
    void constantSeriesIsBadInputForBinning() throws Exception {
        double[] constant = new double[100];
        Arrays.fill(constant, 0.25);
        Path f = write(dir.resolve("c.dat"), "acc", " ", constant);
        ok("errors", f.toString());
        assertBadInput(cli("errors", f.toString(), "--binning"),
                "acc in " + f + ": --binning: all 100 samples are equal");
    }
}
