package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.latticespark.spark.config.ConfigKeys;

/** README.md carries the configuration reference exactly as the code defines it. */
class ConfigReferenceDocTest {
    @Test
    void docsContainTheReferenceTable() throws Exception {
        Path doc = Path.of("..", "README.md");
        assertTrue(Files.isRegularFile(doc), doc.toAbsolutePath() + " missing");
        String text = Files.readString(doc);
        String table = ConfigKeys.markdownTable();
        assertTrue(text.contains(table), "README.md is out of date; its reference table must read:\n" + table);
    }
}
