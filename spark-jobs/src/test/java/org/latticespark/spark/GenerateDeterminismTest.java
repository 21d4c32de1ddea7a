package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.GenerateJob;

/**
 * The same run gives the same link blobs, plaquettes and histories for every (ensemble, chain,
 * update) whether Spark runs one task at a time or two, and whatever the threads per chain.
 */
class GenerateDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void sameRowsWithAnyMasterAndThreadCount() throws Exception {
        // 4x4x4x8 = 512 sites: two blocks of Parallelism.BLOCK sites, so threads = 2 really splits the work
        RunConfig one = TestSupport.tinyRun(dir.resolve("a"), "ensemble-defaults.threads = 1");
        RunConfig two = TestSupport.tinyRun(dir.resolve("b"), "ensemble-defaults.threads = 1");
        RunConfig twoThreads = TestSupport.tinyRun(dir.resolve("c"), "ensemble-defaults.threads = 2");

        Map<String, String> a;
        SparkSession spark = TestSupport.session("local[1]");
        try {
            GenerateJob.Result r = new GenerateJob(spark, one).run(false);
            assertEquals(2 * 2 * 3, r.configurations());
            a = TestSupport.digest(spark, r.path());
        } finally {
            TestSupport.stop(spark);
        }
        Map<String, String> b;
        Map<String, String> c;
        spark = TestSupport.session("local[2]");
        try {
            b = TestSupport.digest(spark, new GenerateJob(spark, two).run(false).path());
            c = TestSupport.digest(spark, new GenerateJob(spark, twoThreads).run(false).path());
        } finally {
            TestSupport.stop(spark);
        }
        assertEquals(12, a.size());
        assertTrue(a.containsKey("hb/0/3") && a.containsKey("hmc/1/5"), a.keySet().toString());
        assertEquals(a, b, "local[1] vs local[2]");
        assertEquals(a, c, "threads = 1 vs threads = 2");
    }
}
