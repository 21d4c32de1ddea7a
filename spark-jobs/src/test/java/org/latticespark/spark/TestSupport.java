package org.latticespark.spark;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.table.Tables;

/** Shared helpers of the Spark tests. */
final class TestSupport {
    private TestSupport() {}

    static SparkSession session(String master) {
        return SparkSessions.local(master, "latticespark-test");
    }

    static void stop(SparkSession spark) {
        if (spark != null) spark.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    /**
     * A small two-ensemble run: SU(3) on 4x4x4x8, heatbath and HMC (Omelyan, hot start so that
     * trajectories are accepted from the beginning), 2 chains each, 3 configurations per chain.
     *
     * @param extra HOCON appended (overrides)
     */
    static RunConfig tinyRun(Path output, String extra) {
        String text = """
                name = tiny
                seed = 20240611
                ensemble-defaults { group = SU3, lattice = [4, 4, 4, 8], beta = 6.0, chains = 2,
                                    thermalization = 2, save-every = 1, configurations = 3 }
                ensembles = [
                  { name = hb, algorithm = heatbath, heatbath.overrelaxation = 1 }
                  { name = hmc, algorithm = hmc, start = hot, seed = 77, hmc { integrator = omelyan, trajectory-length = 1.0, steps = 8 } }
                ]
                """ + extra;
        return RunConfig.parse(text, "tiny.conf").withOutput(output.toString());
    }

    /**
     * Every configuration row of a table as "ensemble/chain/update" → a digest of everything the
     * chain computed (links, checksum, plaquette, history) but not the parameters (thread count).
     * Fails on duplicate rows.
     */
    static Map<String, String> digest(SparkSession spark, String table) throws Exception {
        List<Row> rows = Tables.readConfigurationTable(spark, table).collectAsList();
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Row r : rows) {
            String key = r.getString(Tables.C_ENSEMBLE) + "/" + r.getInt(Tables.C_CHAIN) + "/" + r.getLong(Tables.C_UPDATE);
            String d = HexFormat.of().formatHex(sha.digest((byte[]) r.get(Tables.C_LINKS))) + " "
                    + r.getString(Tables.C_CHECKSUM) + " " + Double.doubleToRawLongBits(r.getDouble(Tables.C_PLAQUETTE))
                    + " " + r.getList(Tables.C_HISTORY_UPDATE) + " " + bits(r.getList(Tables.C_HISTORY_DELTA_H))
                    + " " + r.getList(Tables.C_HISTORY_ACCEPTED) + " " + bits(r.getList(Tables.C_HISTORY_PLAQUETTE))
                    + " " + r.getString(Tables.C_BACKEND);
            if (out.put(key, d) != null) throw new AssertionError("duplicate row " + key + " in " + table);
        }
        return out;
    }

    private static String bits(List<Double> values) {
        long[] b = new long[values.size()];
        for (int i = 0; i < b.length; i++) b[i] = Double.doubleToRawLongBits(values.get(i));
        return Arrays.toString(b);
    }
}
