package org.latticespark.spark.generate.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.flow.RealNvpFlow;
import org.latticespark.lattice.codec.CorruptConfigurationException;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.ChainTask;
import org.latticespark.spark.table.StoredConfiguration;
import org.latticespark.spark.table.Tables;

/**
 * The flow chains of {@code generate --resume}: each resumed chain continues from its last stored configuration and
 * that configuration's log weight (the {@code log_weight} column), which is all an independence Metropolis–Hastings
 * chain needs. The stored rows (a few kB each for φ⁴) are read and verified on the driver, and the flow must be the
 * one that made them: −S(φ) − log q(φ) of the stored field, with log q through the flow's inverse, has to give the
 * stored log weight.
 */
public final class FlowResume {
    /** Agreement demanded of the recomputed log weight: round-off of the inverse against the forward map. */
    static final double TOLERANCE = 1e-8;

    private FlowResume() {}

    /** The chains to run for these flow tasks (resumed or from scratch), in their order. */
    public static List<FlowGeneration.FlowChain> chains(RunConfig run, Dataset<Row> table, String tablePath,
                                                        List<ChainTask> tasks, Map<String, RealNvpFlow> flows) {
        Map<String, StoredConfiguration> stored = stored(table, tablePath, tasks);
        List<FlowGeneration.FlowChain> out = new ArrayList<>();
        for (ChainTask t : tasks) {
            if (!t.resumed()) {
                out.add(FlowGeneration.FlowChain.fresh(t.config(), t.chain()));
                continue;
            }
            String where = Tables.where(tablePath, t.ensemble(), t.chain(), t.resumeFrom());
            StoredConfiguration s = stored.get(t.ensemble() + "/" + t.chain());
            if (s == null) throw new CorruptConfigurationException(where + ": the stored row to resume from is missing");
            checkFlow(run, t.config(), s, flows.get(t.ensemble()), where);
            out.add(new FlowGeneration.FlowChain(t.config(), t.chain(),
                    new FlowChainPlan.Start(s.update(), s.logWeight(), s.plaquette()), s.field().data().clone()));
        }
        return out;
    }

    private static Map<String, StoredConfiguration> stored(Dataset<Row> table, String tablePath, List<ChainTask> tasks) {
        Column wanted = null;
        for (ChainTask t : tasks) {
            if (!t.resumed()) continue;
            Column c = table.col("ensemble").equalTo(t.ensemble()).and(table.col("chain").equalTo(t.chain()))
                    .and(table.col("update").equalTo(t.resumeFrom()));
            wanted = wanted == null ? c : wanted.or(c);
        }
        Map<String, StoredConfiguration> out = new HashMap<>();
        if (wanted == null) return out;
        for (Row r : table.filter(wanted).collectAsList()) {
            StoredConfiguration s = Tables.readConfiguration(r, tablePath);
            if (out.put(s.ensemble() + "/" + s.chain(), s) != null) {
                throw new CorruptConfigurationException(Tables.where(tablePath, s.ensemble(), s.chain(), s.update())
                        + ": stored more than once");
            }
        }
        return out;
    }

    private static void checkFlow(RunConfig run, ChainConfig c, StoredConfiguration s, RealNvpFlow flow, String where) {
        double[] phi = s.field().data();
        double now = -c.phi4Action().action(c.lattice(), phi) - flow.logDensity(phi);
        double stored = s.logWeight();
        if (!(Math.abs(now - stored) <= TOLERANCE * (1 + Math.abs(stored)))) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s: cannot resume: the flow in %s gives the "
                    + "stored configuration log weight %s, the chain recorded %s: these are not the weights the chain "
                    + "was generated with", where, FlowModels.weightsPath(run, c), now, stored));
        }
    }
}
