package org.latticespark.spark.generate;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.latticespark.generation.Chain;
import org.latticespark.generation.ProgressListener;
import org.latticespark.generation.SavedConfiguration;
import org.latticespark.spark.progress.ChainProgress;
import org.latticespark.spark.progress.ProgressAccumulator;
import org.latticespark.spark.table.Tables;

/**
 * The rows of one chain, computed lazily: each {@code next()} runs the chain to its next saved
 * configuration, so configurations stream into the Parquet writer instead of piling up in memory.
 */
final class ChainRows implements Iterator<Row> {
    private final ChainTask task;
    private final ProgressAccumulator progress;
    private Chain chain;
    private boolean closed;
    private long accepted;

    ChainRows(ChainTask task, ProgressAccumulator progress) {
        this.task = task;
        this.progress = progress;
    }

    private Chain chain() {
        if (chain == null && !closed) {
            TaskContext tc = TaskContext.get();
            int attempt = tc == null ? 0 : tc.attemptNumber();
            String ensemble = task.ensemble();
            ProgressListener listener = (c, record, total) -> {
                if (record.accepted()) accepted++;
                progress.add(new ChainProgress(ensemble, c, record.index(), total, record.plaquette(), accepted, attempt,
                        chain.backendDescription()));
                FaultInjection.maybeFail(ensemble, c, record.index());
                // a cancelled or aborted job only marks its tasks killed: stop between updates
                if (tc != null) tc.killTaskIfInterrupted();
            };
            chain = Chain.start(task.config(), task.chain(), listener);
            if (tc != null) tc.addTaskCompletionListener((TaskCompletionListener) ctx -> close());
            progress.add(new ChainProgress(ensemble, task.chain(), 0, task.config().totalUpdates(), Double.NaN, 0, attempt,
                    chain.backendDescription()));
        }
        return chain;
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
        SavedConfiguration saved = chain.next();
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
