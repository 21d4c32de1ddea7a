package org.latticespark.generation;

import org.latticespark.lattice.backend.PlaquetteBackend;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/** Builds the sampler a configuration asks for. */
public final class Samplers {
    private Samplers() {}

    public static Sampler create(ChainConfig config, RandomStream stream, Parallelism par, PlaquetteBackend backend) {
        throw new UnsupportedOperationException("samplers not yet written");
    }
}
