package org.latticespark.generation;

import org.latticespark.lattice.field.GaugeField;

/** One Markov-chain update of a gauge field, in place. */
public interface Sampler {
    /**
     * Performs update number {@code index} (1-based); its random numbers are addressed by that
     * index, so the chain can be resumed from any saved state.
     */
    UpdateRecord update(GaugeField field, long index);

    String name();
}
