package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Plot#write}: temporary files renamed into place, nothing left behind or clobbered on failure. */
class PlotWriteTest {
    @TempDir
    Path dir;

    private static TreeSet<String> names(Path folder) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Test
    void replacesExistingFilesAndLeavesOnlyThem() throws IOException {
        Plot first = SamplePlots.all().get("fit");
        Plot second = SamplePlots.all().get("histogram");
        Path base = dir.resolve("p");
        first.write(base);
        second.write(base);
        assertArrayEquals(second.png(), Files.readAllBytes(dir.resolve("p.png")));
        assertArrayEquals(second.svg(), Files.readAllBytes(dir.resolve("p.svg")));
        assertEquals(new TreeSet<>(List.of("p.png", "p.svg")), names(dir));
    }

    /** The PNG target is a non-empty folder, so its rename fails before the SVG is touched. */
    @Test
    void failedPngRenameLeavesNoTemporariesAndTheOldSvg() throws IOException {
        Path blocker = Files.createDirectories(dir.resolve("p.png"));
        Files.writeString(blocker.resolve("keep"), "inside");
        Files.writeString(dir.resolve("p.svg"), "old svg");
        Plot plot = SamplePlots.all().get("fit");
        assertThrows(IOException.class, () -> plot.write(dir.resolve("p")));
        assertEquals(new TreeSet<>(List.of("p.png", "p.svg")), names(dir));
        assertEquals("old svg", Files.readString(dir.resolve("p.svg"), StandardCharsets.UTF_8));
        assertEquals(new TreeSet<>(List.of("keep")), names(blocker));
        assertEquals("inside", Files.readString(blocker.resolve("keep"), StandardCharsets.UTF_8));
    }

    /** The SVG rename fails after the PNG's: the new PNG stays (documented), the SVG target is untouched. */
    @Test
    void failedSvgRenameLeavesNoTemporaries() throws IOException {
        Path blocker = Files.createDirectories(dir.resolve("p.svg"));
        Files.writeString(blocker.resolve("keep"), "inside");
        Plot plot = SamplePlots.all().get("fit");
        assertThrows(IOException.class, () -> plot.write(dir.resolve("p")));
        assertEquals(new TreeSet<>(List.of("p.png", "p.svg")), names(dir));
        assertArrayEquals(plot.png(), Files.readAllBytes(dir.resolve("p.png")));
        assertEquals("inside", Files.readString(blocker.resolve("keep"), StandardCharsets.UTF_8));
    }

    /** Written plots get the permissions of any new file (not the owner-only ones of Files.createTempFile). */
    @Test
    void permissionsAreThoseOfAnOrdinaryNewFile() throws IOException {
        Assumptions.assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX only");
        Path ordinary = Files.write(dir.resolve("ordinary"), new byte[] {1});
        SamplePlots.all().get("fit").write(dir.resolve("p"));
        for (String f : List.of("p.png", "p.svg")) {
            assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(dir.resolve(f)), f);
        }
    }

    /**
     * A new file is renamed over the old one instead of the old one being rewritten: a second name for the old
     * file (as a reader that opened it before would see it) keeps the old bytes.
     */
    @Test
    void replacesTheFileInsteadOfRewritingIt() throws IOException {
        Files.writeString(dir.resolve("p.png"), "old png");
        Path link = dir.resolve("old-link");
        try {
            Files.createLink(link, dir.resolve("p.png"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no hard links here: " + e);
        }
        Plot plot = SamplePlots.all().get("fit");
        plot.write(dir.resolve("p"));
        assertArrayEquals(plot.png(), Files.readAllBytes(dir.resolve("p.png")));
        assertArrayEquals("old png".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(link));
    }
}
