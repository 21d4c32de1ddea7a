package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags Spark needs on Java 17 are Spark's own list; this JVM (Surefire's argLine from the
 * pom's spark.jvm.options) and bin/jvm-options (the launcher's) must carry every one of them.
 */
class SparkJvmOptionsTest {
    private static final List<String> SPARK = Arrays.asList(JavaModuleOptions.defaultModuleOptionArray());

    @Test
    void thisJvmHasEverySparkFlag() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = new ArrayList<>();
        for (String flag : SPARK) if (!args.contains(flag)) missing.add(flag);
        assertTrue(missing.isEmpty(), "Surefire argLine (pom property spark.jvm.options) lacks " + missing);
    }

    @Test
    void launcherOptionFileHasEverySparkFlag() throws Exception {
        Path file = Path.of("..", "bin", "jvm-options");
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " missing");
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file)) if (!l.isBlank()) lines.add(l.trim());
        List<String> missing = new ArrayList<>();
        for (String flag : SPARK) if (!lines.contains(flag)) missing.add(flag);
        assertTrue(missing.isEmpty(), "bin/jvm-options lacks " + missing);
        assertEquals(SPARK, lines, "bin/jvm-options should be exactly Spark's list, in Spark's order");
    }
}
