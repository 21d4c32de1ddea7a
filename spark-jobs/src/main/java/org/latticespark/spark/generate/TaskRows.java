package org.latticespark.spark.generate;


import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.latticespark.spark.progress.ChainProgress;
import org.latticespark.spark.progress.ProgressAccumulator;

/** Flattens the (normally single) chain task of a partition into rows. */
final class TaskRows implements Iterator<Row> {
    private final Iterator<ChainTask> tasks;
    private final ProgressAccumulator progress;
    private final Map<String, Row> stored;
    private final String tablePath;
    private ChainRows current;

    /** @param stored the stored rows of the resumed tasks, by ensemble/chain (taken out as used) */
    TaskRows(Iterator<ChainTask> tasks, ProgressAccumulator progress, Map<String, Row> stored, String tablePath) {
        this.tasks = tasks;
        this.progress = progress;
        this.stored = stored;
        this.tablePath = tablePath;
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.hasNext()) {
            if (!tasks.hasNext()) return false;
            ChainTask t = tasks.next();
            Row from = t.resumed() ? stored.remove(ChainProgress.key(t.ensemble(), t.chain())) : null;
            current = new ChainRows(t, progress, from, tablePath);
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) throw new java.util.NoSuchElementException();
        return current.next();
    }
}
