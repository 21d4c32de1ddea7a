package org.latticespark.generation;

import org.latticespark.generation.heatbath.HeatbathSampler;
import org.latticespark.generation.hmc.HmcSampler;
import org.latticespark.generation.hmc.fermion.FermionTerms;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.backend.PlaquetteBackend;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/** Builds the sampler a configuration asks for. */
public final class Samplers {
    private Samplers() {}

    public static Sampler create(ChainConfig config, RandomStream stream, Parallelism par, PlaquetteBackend backend) {
        return switch (config.algorithm) {
            case HEATBATH -> new HeatbathSampler(config.beta, config.overrelaxation, stream, par, backend);
            case HMC -> new HmcSampler(new WilsonGaugeAction(config.beta),
                    FermionTerms.create(config.fermions, config.lattice(), config.gaugeGroup(), par), config.integrator,
                    config.steps, config.gaugeSubsteps, config.trajectoryLength, stream, par, backend);
        };
    }
}
