package org.latticespark.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/**
 * Our lattice code runs on the executors of a real standalone cluster (separate JVMs, real serialization) and
 * gives the same plaquettes, bit for bit, as in the driver's JVM.
 */
class StandaloneClusterTest {
    private static final int CHAINS = 4;
    private static final long SEED = 7;

    /** What one task reports back: its chain's plaquette and where it ran. */
    record TaskResult(int chain, long pid, String executorId, double plaquette, List<String> missingSparkFlags)
            implements Serializable {}

    /** The physics: a hot SU(3) start on 4^4 from the chain's own stream, and its average plaquette. */
    static double plaquette(int chain) {
        try (Parallelism par = Parallelism.serial()) {
            GaugeField f = GaugeField.hot(new Lattice(4, 4, 4, 4), GaugeGroup.of("SU3"), new RandomStream(SEED, chain), par);
            return Plaquettes.average(f, par);
        }
    }

    static TaskResult runOnExecutor(Long id) {
        int chain = Math.toIntExact(id);
        List<String> missing = new ArrayList<>(StandaloneCluster.sparkJvmOptions());
        missing.removeAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        return new TaskResult(chain, ProcessHandle.current().pid(), SparkEnv.get().executorId(), plaquette(chain), missing);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tasksRunOurCodeInExecutorJvmsAndMatchTheDriverBitForBit() {
        long t0 = System.nanoTime();
        long driverPid = ProcessHandle.current().pid();
        Set<Long> clusterPids;
        Duration startup;
        Duration job;
        try (StandaloneCluster cluster = StandaloneCluster.start()) {
            startup = cluster.startupTime();
            SparkSession spark = cluster.sessionBuilder("standalone-cluster-test").getOrCreate();
            try {
                assertEquals(cluster.masterUrl(), spark.sparkContext().master(),
                        "getOrCreate() returned another test's session instead of one on the cluster");
                long j0 = System.nanoTime();
                List<TaskResult> results = new ArrayList<>(spark.range(CHAINS).repartition(CHAINS).javaRDD()
                        .map(StandaloneClusterTest::runOnExecutor).collect());
                job = Duration.ofNanos(System.nanoTime() - j0);
                Set<Long> executorPids = cluster.executorPids();
                results.sort(Comparator.comparingInt(TaskResult::chain));

                assertEquals(CHAINS, results.size(), () -> results + "\n" + cluster.diagnostics());
                for (int chain = 0; chain < CHAINS; chain++) {
                    TaskResult r = results.get(chain);
                    assertEquals(chain, r.chain());
                    assertNotEquals(driverPid, r.pid(), "task ran in the driver's JVM");
                    assertTrue(executorPids.contains(r.pid()),
                            "task ran in pid " + r.pid() + ", not an executor the Worker launched " + executorPids);
                    assertNotEquals("driver", r.executorId());
                    assertEquals(List.of(), r.missingSparkFlags(), "Spark did not pass its JVM flags to the executor");
                    double local = plaquette(chain);
                    assertEquals(Double.doubleToRawLongBits(local), Double.doubleToRawLongBits(r.plaquette()),
                            "chain " + chain + ": executor " + r.plaquette() + " vs driver " + local);
                }
                assertTrue(results.get(0).plaquette() != results.get(1).plaquette(), "chains must differ: " + results);
                System.out.println("StandaloneClusterTest: results " + results);
            } finally {
                spark.stop();
            }
            clusterPids = cluster.allPids();
        }
        for (long pid : clusterPids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " of the cluster survived close()");
        }
        System.out.printf("StandaloneClusterTest: cluster startup %d ms, job %d ms, total %d ms, processes %s%n",
                startup.toMillis(), job.toMillis(), Duration.ofNanos(System.nanoTime() - t0).toMillis(), clusterPids);
    }

    /** A Worker that cannot start fails fast with both logs in the message and leaves no process behind. */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void failedStartupReportsTheLogsAndStopsEverything() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StandaloneCluster.start(2, "not-a-size", Duration.ofSeconds(60)).close());
        String message = e.getMessage();
        assertTrue(message.contains("Worker JVM exited"), message);
        assertTrue(message.contains("master.log") && message.contains("worker.log"), message);
        assertTrue(message.contains("Usage: Worker"), "the Worker's own complaint is in the message: " + message);
        Matcher dir = Pattern.compile("^cluster dir (\\S+),", Pattern.MULTILINE).matcher(message);
        assertTrue(dir.find(), message);
        String home = dir.group(1);
        assertFalse(Files.exists(Path.of(home)), "temporary directory not deleted: " + home);
        List<String> leftovers = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(c -> c.contains(home)).toList();
        assertEquals(List.of(), leftovers, "daemons left running after a failed start");
    }
}
