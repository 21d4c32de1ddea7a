package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.FaultInjection;
import org.latticespark.spark.generate.GenerateJob;

/**
 * A chain task that fails midway and is retried (master local[2,2]: two attempts per task) leaves
 * exactly the rows of a run without failure: none duplicated, none lost, all bit for bit equal.
 */
class RetryTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = TestSupport.session("local[2,2]");
    }

    @AfterAll
    static void stop() {
        TestSupport.stop(spark);
    }

    @AfterEach
    void clearHook() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    @Test
    void retriedTaskGivesTheSameRows() throws Exception {
        RunConfig clean = TestSupport.tinyRun(dir.resolve("clean"), "");
        RunConfig faulty = TestSupport.tinyRun(dir.resolve("faulty"), "");
        Map<String, String> expected = TestSupport.digest(spark, new GenerateJob(spark, clean).run(false).path());

        int before = FaultInjection.injected();
        // hmc chain 1 saves after updates 3, 4, 5: fail its first attempt after update 4 (one row written)
        System.setProperty(FaultInjection.PROPERTY, "hmc:1:4");
        GenerateJob.Result r = new GenerateJob(spark, faulty).run(false);
        assertEquals(before + 1, FaultInjection.injected(), "the hook did not fire");
        assertEquals(12, r.configurations());
        assertEquals(expected, TestSupport.digest(spark, r.path()));
    }

    @Test
    void failedJobLeavesNoOutput() {
        RunConfig rc = TestSupport.tinyRun(dir.resolve("failed"), "");
        System.setProperty(FaultInjection.PROPERTY, "hb:0:3:always");
        Exception e = assertThrows(Exception.class, () -> new GenerateJob(spark, rc).run(false));
        assertTrue(String.valueOf(e.getMessage()).contains("injected failure"), e.toString());
        File out = new File(rc.output());
        assertFalse(new File(out, "configurations").exists(), "half-written output left behind");
        String[] left = out.list();
        if (left != null) for (String n : left) assertFalse(n.contains(".tmp-"), "temporary folder left: " + n);
    }
}
