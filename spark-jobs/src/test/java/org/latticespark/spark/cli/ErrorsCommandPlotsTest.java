package org.latticespark.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.spark.cli.CliRun.ar1;
import static org.latticespark.spark.cli.CliRun.ok;
import static org.latticespark.spark.cli.CliRun.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plots DIR}: four plots per observable, each as PNG and SVG. */
class ErrorsCommandPlotsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void writesHistoryAutocorrelationTauIntAndHistogram() throws Exception {
        String a = write(dir.resolve("a.dat"), "plaq,E density", ",", ar1(0.6, 0.5, 400, 1), ar1(0.1, 2, 400, 2)).toString();
        String b = write(dir.resolve("b.dat"), "plaq,E density", ",", ar1(0.6, 0.5, 300, 3), ar1(0.1, 2, 300, 4)).toString();
        Path plots = dir.resolve("new/plots");
        String out = ok("errors", a, b, "--column", "plaq", "--column", "2", "--plots", plots.toString()).out();
        assertTrue(out.contains("plots: 16 files in " + plots), out);

        TreeSet<String> expected = new TreeSet<>();
        for (String o : List.of("plaq", "E_density")) {
            for (String kind : List.of("history", "autocorrelation", "tauint", "histogram")) {
                expected.add(o + "-" + kind + ".png");
                expected.add(o + "-" + kind + ".svg");
            }
        }
        TreeSet<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.list(plots)) {
            files.forEach(p -> written.add(p.getFileName().toString()));
        }
        assertEquals(expected, written);
        for (String name : expected) {
            byte[] bytes = Files.readAllBytes(plots.resolve(name));
            if (name.endsWith(".png")) {
                assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length), name);
            } else {
                assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("<svg"), name);
            }
        }
    }

    @Test
    void machineReadableOutputStaysClean() throws Exception {
        String a = write(dir.resolve("a.dat"), null, " ", ar1(0.3, 0, 300, 5)).toString();
        String csv = ok("errors", a, "--csv", "--plots", dir.resolve("p").toString()).out();
        assertEquals(2, csv.split("\n").length, csv);
        assertTrue(Files.exists(dir.resolve("p/column_1-history.png")));
    }
}
