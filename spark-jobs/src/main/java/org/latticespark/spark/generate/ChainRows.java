package org.latticespark.spark.generate;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.latticespark.generation.Chain;
import org.latticespark.generation.ProgressListener;
import org.latticespark.generation.SavedConfiguration;
import org.latticespark.lattice.codec.CorruptConfigurationException;
import org.latticespark.spark.progress.ChainProgress;
import org.latticespark.spark.progress.ProgressAccumulator;
import org.latticespark.spark.table.StoredConfiguration;
import org.latticespark.spark.table.Tables;

/**
 * The rows of one chain, computed lazily: each {@code next()} runs the chain to its next saved
 * configuration, so configurations stream into the Parquet writer instead of piling up in memory.
 * A resumed chain ({@link ChainTask#resumed()}) starts from its stored row, verified here (checksum,
 * dims, group: a corrupt row fails the task with a {@link CorruptConfigurationException}).
 */
final class ChainRows implements Iterator<Row> {
    private final ChainTask task;
    private final ProgressAccumulator progress;
    private final String tablePath;
    private Row stored;
    private Chain chain;
    private boolean closed;
    private long accepted;
    private long updateNanos;
    private ChainProgress last;

    /**
     * @param stored    for a resumed task: its stored row at update {@code task.resumeFrom()} (else null)
     * @param tablePath names the configuration table in error messages
     */
    ChainRows(ChainTask task, ProgressAccumulator progress, Row stored, String tablePath) {
        this.task = task;
        this.progress = progress;
        this.stored = stored;
        this.tablePath = tablePath;
    }

    private Chain chain() {
        if (chain == null && !closed) {
            TaskContext tc = TaskContext.get();
            int attempt = tc == null ? 0 : tc.attemptNumber();
            String ensemble = task.ensemble();
            ProgressListener listener = (c, record, total) -> {
                if (record.accepted()) accepted++;
                last = new ChainProgress(ensemble, c, record.index(), total, record.plaquette(), accepted, attempt,
                        chain.backendDescription(), updateNanos * 1e-9);
                progress.add(last);
                FaultInjection.maybeFail(ensemble, c, record.index());
                // a cancelled or aborted job only marks its tasks killed: stop between updates
                if (tc != null) tc.killTaskIfInterrupted();
            };
            double plaquette = Double.NaN;
            if (task.resumed()) {
                StoredConfiguration from = verifiedStored();
                // the run's configuration, not the stored one: its target (configurations) may have grown
                chain = Chain.resume(task.config(), task.chain(), from.field(), from.update(), listener);
                plaquette = from.plaquette();
                stored = null; // the links were copied into the chain
            } else {
                chain = Chain.start(task.config(), task.chain(), listener);
            }
            if (tc != null) tc.addTaskCompletionListener((TaskCompletionListener) ctx -> close());
            progress.add(new ChainProgress(ensemble, task.chain(), task.resumeFrom(), task.config().totalUpdates(),
                    plaquette, 0, attempt, chain.backendDescription()));
        }
        return chain;
    }

    private StoredConfiguration verifiedStored() {
        String where = Tables.where(tablePath, task.ensemble(), task.chain(), task.resumeFrom());
        if (stored == null) throw new CorruptConfigurationException(where + ": the stored row to resume from is missing");
        StoredConfiguration s = Tables.readConfiguration(stored, tablePath);
        if (!s.ensemble().equals(task.ensemble()) || s.chain() != task.chain() || s.update() != task.resumeFrom()) {
            throw new IllegalStateException("task " + where + " got the stored row of ensemble=" + s.ensemble()
                    + " chain=" + s.chain() + " update=" + s.update());
        }
        return s;
    }

    @Override
    public boolean hasNext() {
        if (closed) return false;
        boolean more = chain().hasNext();
        if (!more) close();
        return more;
    }

    @Override
    public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        long t0 = System.nanoTime();
        SavedConfiguration saved = chain.next();
        updateNanos += System.nanoTime() - t0;
        if (last != null) progress.add(last.withUpdateSeconds(updateNanos * 1e-9));
        // what computed this configuration's plaquette: known once the backend has run (Aparapi
        // reports the device it really used, or its Java fallback)
        return Tables.configurationRow(task.config(), task.parametersJson(), chain.backendDescription(), saved);
    }

    private void close() {
        if (closed) return;
        closed = true;
        if (chain != null) chain.close();
    }
}
