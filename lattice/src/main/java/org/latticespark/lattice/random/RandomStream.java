package org.latticespark.lattice.random;

import java.io.Serializable;

/**
 * The random numbers of one Markov chain: a Philox key derived from (run seed, chain). Every number
 * is addressed by (element, update index, purpose, draw), so it never depends on threads,
 * partitions, backends or retries.
 */
public final class RandomStream implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int KEY_DERIVATION_DOMAIN = 0x6B657931;

    private final long seed;
    private final int chain;
    private final int k0;
    private final int k1;

    public RandomStream(long seed, int chain) {
        if (chain < 0) {
            throw new IllegalArgumentException("chain must be >= 0, got " + chain);
        }
        this.seed = seed;
        this.chain = chain;
        int[] key = new int[4];
        Philox4x32.block(chain, 0, 0, KEY_DERIVATION_DOMAIN, (int) seed, (int) (seed >>> 32), key);
        this.k0 = key[0];
        this.k1 = key[1];
    }

    public long seed() { return seed; }

    public int chain() { return chain; }

    void block(int element, int update, int purpose, int draw, int[] out) {
        Philox4x32.block(element, update, purpose, draw, k0, k1, out);
    }

    /** A new cursor positioned at (element, update, purpose). */
    public CounterRng at(int element, long update, int purpose) {
        return new CounterRng(this).reset(element, update, purpose);
    }
}
