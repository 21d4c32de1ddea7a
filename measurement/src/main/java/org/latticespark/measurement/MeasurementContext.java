package org.latticespark.measurement;

import java.io.Serializable;
import org.latticespark.lattice.random.RandomStream;

/**
 * Where a configuration comes from: its ensemble, chain, update index and the ensemble's seed. Stochastic stages
 * draw their noise from {@link #stream()}, keyed by (seed, chain) and then by the index, so a measurement is
 * reproducible bit for bit whatever the partitioning or retries.
 */
public record MeasurementContext(String ensemble, int chain, long index, long seed) implements Serializable {
    public MeasurementContext {
        if (ensemble == null) throw new IllegalArgumentException("ensemble must not be null");
        if (chain < 0) throw new IllegalArgumentException("chain must be >= 0, got " + chain);
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
    }

    /** The chain's counter-based random stream (the same key as its generation; noise purposes are disjoint). */
    public RandomStream stream() { return new RandomStream(seed, chain); }
}
