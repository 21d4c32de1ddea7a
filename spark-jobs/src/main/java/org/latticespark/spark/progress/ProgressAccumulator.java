package org.latticespark.spark.progress;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Carries chain progress from tasks to the driver. A task's copy holds the latest
 * {@link ChainProgress} of its chain; executors send it with every heartbeat, where
 * {@link ProgressReporter} picks it up while the task still runs. Thread-safe: in local mode the
 * heartbeat reads the very object the task is updating.
 */
public final class ProgressAccumulator extends AccumulatorV2<ChainProgress, Map<String, ChainProgress>> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "latticespark.chain-progress";

    private final HashMap<String, ChainProgress> state = new HashMap<>();

    @Override
    public synchronized boolean isZero() {
        return state.isEmpty();
    }

    @Override
    public synchronized ProgressAccumulator copy() {
        ProgressAccumulator c = new ProgressAccumulator();
        c.state.putAll(state);
        return c;
    }

    @Override
    public synchronized void reset() {
        state.clear();
    }

    @Override
    public synchronized void add(ChainProgress p) {
        state.put(p.key(), p);
    }

    @Override
    public void merge(AccumulatorV2<ChainProgress, Map<String, ChainProgress>> other) {
        Map<String, ChainProgress> theirs = other.value();
        synchronized (this) {
            for (ChainProgress p : theirs.values()) {
                ChainProgress mine = state.get(p.key());
                if (mine == null || p.attempt() > mine.attempt()
                        || (p.attempt() == mine.attempt() && p.done() >= mine.done())) {
                    state.put(p.key(), p);
                }
            }
        }
    }

    /** A snapshot (a new map). */
    @Override
    public synchronized Map<String, ChainProgress> value() {
        return new HashMap<>(state);
    }
}
