package org.latticespark.generation.scalar;

import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * One Markov-chain update of a real scalar field, in place. The returned record's {@code plaquette} slot carries the
 * action per site S/V of the field after the update (the scalar analogue of the gauge plaquette), its
 * {@code deltaH} the energy violation of HMC or, for an independence Metropolis–Hastings step, log w(current) −
 * log w(proposal), so that in both cases e^{−ΔH} is the Metropolis acceptance ratio.
 */
public interface ScalarSampler {
    /**
     * Performs update number {@code index} (1-based); its random numbers are addressed by that index, so the chain can
     * be resumed from any saved state.
     */
    UpdateRecord update(ScalarField field, long index);

    String name();
}
