package org.latticespark.spark.generate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.latticespark.generation.ChainConfig;
import org.latticespark.lattice.codec.CorruptConfigurationException;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.ConfigKeys;
import org.latticespark.spark.config.EnsembleJson;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.io.Json;
import org.latticespark.spark.table.Tables;

/**
 * What {@code generate --resume} does with each chain of the run, decided on the driver from the
 * last stored row of every (ensemble, chain) of the existing table, before anything runs:
 * continue it from that row, start it from scratch (no rows yet: a new ensemble, or {@code chains}
 * grew), or leave it (already at or beyond its target thermalization + save-every × configurations).
 *
 * <p>The stored {@code parameters} of a chain's last row must agree with the run configuration's
 * ensemble in every key except {@code configurations}, {@code threads}, {@code flow.proposals-per-task} and
 * {@code flow.training-tasks} (which may change) and
 * {@code chains} (which may grow); anything else (beta, seed, save-every, backend, ...) would not continue the same Markov
 * chain, and is refused with an {@link InvalidInputException} naming the table, ensemble, chain,
 * update and the differing keys. So is a stored ensemble or chain the run no longer has.
 */
public final class ResumePlan {
    /** Where one chain of the existing table stands: its last row's update and parameters, its row count. */
    public record StoredChain(String ensemble, int chain, long update, String parameters, long rows,
                              List<String> backends) implements Serializable {}

    private final List<ChainTask> tasks;
    private final List<ChainTask> complete;
    private final long storedRows;
    private final Map<String, List<String>> storedBackends;

    private ResumePlan(List<ChainTask> tasks, List<ChainTask> complete, long storedRows,
                       Map<String, List<String>> storedBackends) {
        this.tasks = List.copyOf(tasks);
        this.complete = List.copyOf(complete);
        this.storedRows = storedRows;
        this.storedBackends = storedBackends;
    }

    /** The chains to run, in configuration order: resumed ({@link ChainTask#resumed()}) or from scratch. */
    public List<ChainTask> tasks() {
        return tasks;
    }

    /** The chains of the run already at or beyond their target. */
    public List<ChainTask> complete() {
        return complete;
    }

    public long resumedChains() {
        return tasks.stream().filter(ChainTask::resumed).count();
    }

    public long startedChains() {
        return tasks.stream().filter(t -> !t.resumed()).count();
    }

    /** Rows the table holds before the resume. */
    public long storedRows() {
        return storedRows;
    }

    /** Backends that computed the stored rows, per ensemble. */
    public Map<String, List<String>> storedBackends() {
        return storedBackends;
    }

    /** Configurations the tasks will append. */
    public long configurationsToSave() {
        long n = 0;
        for (ChainTask t : tasks) n += t.configurationsToSave();
        return n;
    }

    /**
     * Checks the stored chains against the run configuration and plans the resume.
     *
     * @param table names the configuration table in error messages
     * @throws InvalidInputException a stored chain the run does not continue (parameters differ, ensemble or chain removed)
     * @throws CorruptConfigurationException stored parameters that cannot be read
     */
    public static ResumePlan of(RunConfig config, Collection<StoredChain> stored, String table) {
        Map<String, Map<Integer, StoredChain>> byEnsemble = new TreeMap<>();
        long rows = 0;
        Map<String, java.util.TreeSet<String>> backends = new TreeMap<>();
        for (StoredChain s : stored) {
            if (byEnsemble.computeIfAbsent(s.ensemble(), k -> new TreeMap<>()).put(s.chain(), s) != null) {
                throw new IllegalArgumentException("chain " + s.ensemble() + "/" + s.chain() + " listed twice");
            }
            rows += s.rows();
            backends.computeIfAbsent(s.ensemble(), k -> new java.util.TreeSet<>()).addAll(s.backends());
        }
        Map<String, ChainConfig> ensembles = new LinkedHashMap<>();
        for (ChainConfig e : config.ensembles()) ensembles.put(e.ensemble, e);
        for (Map.Entry<String, Map<Integer, StoredChain>> e : byEnsemble.entrySet()) {
            if (!ensembles.containsKey(e.getKey())) {
                StoredChain s = e.getValue().values().iterator().next();
                throw new InvalidInputException(Tables.where(table, s.ensemble(), s.chain(), s.update())
                        + ": cannot resume: ensemble '" + s.ensemble() + "' has stored configurations but is not in "
                        + "the run configuration (ensembles " + ensembles.keySet() + ")");
            }
        }
        List<ChainTask> tasks = new ArrayList<>();
        List<ChainTask> complete = new ArrayList<>();
        for (ChainConfig e : config.ensembles()) {
            Map<Integer, StoredChain> chains = byEnsemble.getOrDefault(e.ensemble, Map.of());
            // check every stored chain first (a removed chain is refused here), then plan the run's chains
            for (StoredChain s : chains.values().stream().sorted(Comparator.comparingInt(StoredChain::chain)).toList()) {
                check(e, s, table);
            }
            for (int c = 0; c < e.chains; c++) {
                ChainTask t = ChainTask.of(e, c);
                StoredChain s = chains.get(c);
                if (s == null) {
                    tasks.add(t);
                } else if (s.update() >= e.totalUpdates()) {
                    complete.add(t.resumingFrom(s.update()));
                } else {
                    tasks.add(t.resumingFrom(s.update()));
                }
            }
        }
        Map<String, List<String>> storedBackends = new TreeMap<>();
        backends.forEach((k, v) -> storedBackends.put(k, List.copyOf(v)));
        return new ResumePlan(tasks, complete, rows, storedBackends);
    }

    /** The stored chain's last parameters against the run's ensemble. */
    private static void check(ChainConfig run, StoredChain s, String table) {
        String where = Tables.where(table, s.ensemble(), s.chain(), s.update());
        ChainConfig was;
        try {
            was = EnsembleJson.fromJson(s.parameters(), where);
        } catch (InvalidInputException e) {
            throw new CorruptConfigurationException(e.getMessage());
        }
        if (!was.ensemble.equals(s.ensemble())) {
            throw new CorruptConfigurationException(where + ": parameters belong to ensemble " + was.ensemble);
        }
        if (s.chain() < 0 || s.chain() >= was.chains) {
            throw new CorruptConfigurationException(where + ": chain outside 0.." + (was.chains - 1));
        }
        Map<String, Object> before = flatten(EnsembleJson.toTree(was));
        Map<String, Object> now = flatten(EnsembleJson.toTree(run));
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Object> k : before.entrySet()) {
            String key = k.getKey();
            Object a = k.getValue();
            Object b = now.get(key);
            // threads never change a chain's numbers, so a resume may use more or fewer
            if (key.equals(ConfigKeys.E_CONFIGURATIONS) || key.equals(ConfigKeys.E_THREADS)) continue;
            // how a flow's proposals and training are split into tasks changes no number either
            if (key.equals(ConfigKeys.E_FLOW_PROPOSALS_PER_TASK) || key.equals(ConfigKeys.E_FLOW_TRAINING_TASKS)) continue;
            if (key.equals(ConfigKeys.E_CHAINS) && was.chains <= run.chains) continue;
            if (!Objects.deepEquals(a, b)) {
                differ.add(key + " (stored " + Json.write(a) + ", run configuration " + Json.write(b) + ")");
            }
        }
        if (!differ.isEmpty()) {
            throw new InvalidInputException(where + ": cannot resume: the run configuration differs from the stored parameters in " + String.join(", ", differ)
                    + "; only configurations and threads may change and chains may grow (or generate anew with --overwrite)");
        }
    }

    /** Nested parameter maps as "heatbath.overrelaxation" → value. */
    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", tree, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                flatten(prefix + e.getKey() + ".", (Map<String, Object>) m, out);
            } else {
                out.put(prefix + e.getKey(), e.getValue());
            }
        }
    }
}
