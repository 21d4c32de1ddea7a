package org.latticespark.generation;

/** Told after every update of a chain; must be cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (chain, record, total) -> {};

    void updated(int chain, UpdateRecord record, long totalUpdates);
}
