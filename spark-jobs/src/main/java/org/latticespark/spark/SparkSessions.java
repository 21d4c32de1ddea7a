package org.latticespark.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.latticespark.spark.config.RunConfig;

/**
 * The Spark session of a run. For local masters: no web UI (unless spark.ui.enabled is set in
 * spark.conf), driver bound to 127.0.0.1 (the host name need not resolve to loopback), few shuffle
 * partitions. Everywhere: a short executor heartbeat, which is how progress of running tasks
 * reaches the driver. Settings spark-submit passes (--conf) and the run's {@code spark.conf} win
 * over these defaults.
 */
public final class SparkSessions {
    private SparkSessions() {}

    public static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /**
     * The master a run uses: {@code override} (the CLI's --master) if given, else the one
     * spark-submit passed (system property spark.master), else the configuration's spark.master.
     */
    public static String master(RunConfig config, String override) {
        if (override != null) return override;
        String submitted = System.getProperty("spark.master");
        return submitted != null && !submitted.isBlank() ? submitted : config.master();
    }

    /** A session for the run; {@code master} overrides everything else when not null (see {@link #master}). */
    public static SparkSession create(RunConfig config, String master) {
        String m = master(config, master);
        SparkSession.Builder b = SparkSession.builder()
                .appName("latticespark " + config.name())
                .master(m);
        // our defaults yield to spark-submit's --conf (system properties) and to the run's spark.conf
        defaultConf(b, "spark.executor.heartbeatInterval", "2s");
        defaultConf(b, "spark.sql.shuffle.partitions", isLocal(m) ? "4" : "64");
        defaultConf(b, "spark.hadoop.parquet.page.size.row.check.min", "1");
        if (isLocal(m)) {
            defaultConf(b, "spark.ui.enabled", "false");
            defaultConf(b, "spark.driver.host", "127.0.0.1");
            defaultConf(b, "spark.driver.bindAddress", "127.0.0.1");
        }
        for (Map.Entry<String, String> e : config.sparkConf().entrySet()) b.config(e.getKey(), e.getValue());
        return b.getOrCreate();
    }

    private static void defaultConf(SparkSession.Builder b, String key, String value) {
        if (System.getProperty(key) == null) b.config(key, value);
    }

    /** A local session for tests and tools: no UI, 127.0.0.1, 2 shuffle partitions. */
    public static SparkSession local(String master, String appName) {
        return SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.executor.heartbeatInterval", "1s")
                .getOrCreate();
    }
}
