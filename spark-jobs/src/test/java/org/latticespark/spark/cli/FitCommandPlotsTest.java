package org.latticespark.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.spark.cli.CliRun.assertBadInput;
import static org.latticespark.spark.cli.CliRun.cli;
import static org.latticespark.spark.cli.CliRun.ok;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plot PATH}: the fit as PATH.{png,svg}, for correlator models also PATH-log.{png,svg}; nothing on failure. */
class FitCommandPlotsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final FitCommandData.Correlator CORRELATOR =
            new FitCommandData.Correlator(1.0, 0.5, 16, 0.05, 0.5, 0.3);

    @TempDir
    Path dir;

    private String data() throws Exception {
        return FitCommandData.write(dir.resolve("c.dat"), FitCommandData.columns(CORRELATOR, 300, 1)).toString();
    }

    @Test
    void correlatorModelsAlsoGetALogPlot() throws Exception {
        String file = data();
        Path plots = dir.resolve("new/plots");
        String out = ok("fit", file, "--columns", "4-9", "--x", "2,3,4,5,6,7", "--model", "cosh:16", "--plot",
                plots.resolve("cosh").toString()).out();
        assertTrue(out.contains("plots: " + plots.resolve("cosh.png") + ", " + plots.resolve("cosh.svg") + ", "
                + plots.resolve("cosh-log.png") + ", " + plots.resolve("cosh-log.svg")), out);
        ok("fit", file, "--columns", "4-9", "--model", "poly:2", "--plot", plots.resolve("poly.png").toString(), "--csv");
        assertEquals(Set.of("cosh.png", "cosh.svg", "cosh-log.png", "cosh-log.svg", "poly.png", "poly.svg"),
                names(plots));
        for (String name : names(plots)) {
            byte[] bytes = Files.readAllBytes(plots.resolve(name));
            if (name.endsWith(".png")) {
                assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length), name);
            } else {
                String svg = new String(bytes, StandardCharsets.UTF_8);
                assertTrue(svg.contains("<svg") && svg.trim().endsWith("</svg>"), name);
            }
        }
    }

    @Test
    void existingPlotsAreReplacedAndCsvStaysClean() throws Exception {
        String file = data();
        Path base = dir.resolve("fit");
        Files.writeString(dir.resolve("fit.png"), "old");
        String csv = ok("fit", file, "--columns", "4-9", "--model", "exp", "--plot", base.toString(), "--csv").out();
        assertEquals(3, csv.split("\n").length, csv);
        byte[] png = Files.readAllBytes(dir.resolve("fit.png"));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length));
        assertEquals(Set.of("c.dat", "fit.png", "fit.svg", "fit-log.png", "fit-log.svg"), names(dir),
                "no temporary files left");
    }

    @Test
    void aFailedFitWritesNoPlots() throws Exception {
        String file = data();
        Path plots = dir.resolve("plots");
        assertBadInput(cli("fit", file, "--columns", "4-6", "--model", "poly:1", "--x", "2,2,2", "--guess", "0,0",
                "--plot", plots.resolve("fit").toString()), "the fit failed");
        assertFalse(Files.exists(plots), "nothing written");
    }

    @Test
    void badPlotPaths() throws Exception {
        String file = data();
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertBadInput(cli("fit", file, "--columns", "4-9", "--model", "exp", "--plot", folder.toString()),
                "--plot " + folder + ": give a file name without extension");
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "");
        Path inside = notAFolder.resolve("fit");
        assertBadInput(cli("fit", file, "--columns", "4-9", "--model", "exp", "--plot", inside.toString()),
                "--plot " + inside + ": cannot write the plots");
        assertEquals(Set.of("c.dat", "folder", "file"), names(dir));
    }

    private static Set<String> names(Path folder) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
