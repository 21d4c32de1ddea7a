package org.latticespark.spark.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.io.AtomicOutput;
import org.latticespark.spark.io.OutputExistsException;

/** The binary, nested-folder variant of the atomic folder write that the report uses. */
class WriteReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void nestedFilesAppearTogetherWithTheirBytes() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("report.html", "<html/>".getBytes());
        files.put("plots/a/b-history.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff});
        files.put("plots/a/b-history.svg", "<svg/>".getBytes());
        Path target = dir.resolve("analysis");
        AtomicOutput.writeFiles(new Configuration(), target.toString(), false, files);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(target.resolve(f.getKey())), f.getKey());
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(3, s.filter(Files::isRegularFile).count(), "no checksum or temporary files left");
        }
        assertThrows(OutputExistsException.class,
                () -> AtomicOutput.writeFiles(new Configuration(), target.toString(), false, files));
        AtomicOutput.writeFiles(new Configuration(), target.toString(), true, Map.of("x.txt", new byte[] {1}));
        assertFalse(Files.exists(target.resolve("plots")), "overwrite replaces the whole folder");
    }

    @Test
    void namesThatLeaveTheFolderAreRefusedBeforeAnythingIsWritten() {
        for (String bad : List.of("../x", "/abs", "a//b", "a/./b", "", "c:x", "a\\b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicOutput.writeFiles(
                    new Configuration(), dir.resolve("out").toString(), false, Map.of(bad, new byte[0])), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
