package org.latticespark.spark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.FermionConfig;
import org.latticespark.generation.FlowSettings;
import org.latticespark.spark.InvalidInputException;

/**
 * An ensemble's complete configuration as canonical JSON: the configuration keys in reference
 * order, nothing left to defaults. Stored in the {@code parameters} column of every configuration
 * row, it is enough to resume the chain; {@link #fromJson} reads it back through the same
 * validation as a run configuration file.
 */
public final class EnsembleJson {
    private EnsembleJson() {}

    public static Map<String, Object> toTree(ChainConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ConfigKeys.E_NAME, c.ensemble);
        m.put(ConfigKeys.E_THEORY, c.theory.name().toLowerCase(Locale.ROOT));
        m.put(ConfigKeys.E_GROUP, c.group);
        m.put(ConfigKeys.E_LATTICE, c.extents.clone());
        m.put(ConfigKeys.E_BETA, c.beta);
        m.put(ConfigKeys.E_ALGORITHM, c.algorithm.name().toLowerCase(Locale.ROOT));
        m.put(ConfigKeys.E_START, c.start.name().toLowerCase(Locale.ROOT));
        m.put(ConfigKeys.E_SEED, c.seed);
        m.put(ConfigKeys.E_CHAINS, c.chains);
        m.put(ConfigKeys.E_THERMALIZATION, c.thermalization);
        m.put(ConfigKeys.E_SAVE_EVERY, c.saveEvery);
        m.put(ConfigKeys.E_CONFIGURATIONS, c.configurations);
        m.put(ConfigKeys.E_THREADS, c.threads);
        m.put(ConfigKeys.E_BACKEND, c.backend);
        Map<String, Object> hb = new LinkedHashMap<>();
        hb.put("overrelaxation", c.overrelaxation);
        m.put("heatbath", hb);
        Map<String, Object> hmc = new LinkedHashMap<>();
        hmc.put("integrator", c.integrator.name().toLowerCase(Locale.ROOT));
        hmc.put("trajectory-length", c.trajectoryLength);
        hmc.put("steps", c.steps);
        hmc.put("gauge-substeps", c.gaugeSubsteps);
        m.put("hmc", hmc);
        FermionConfig f = c.fermions;
        Map<String, Object> fermions = new LinkedHashMap<>();
        fermions.put("type", f.type.name().toLowerCase(Locale.ROOT));
        fermions.put("flavours", f.flavours.clone());
        fermions.put("mass", f.masses.clone());
        fermions.put("kappa", f.kappas.clone());
        fermions.put("hasenbusch-kappa", f.hasenbuschKappa);
        fermions.put("csw", f.cSw);
        fermions.put("tolerance", f.tolerance);
        fermions.put("force-tolerance", f.forceTolerance);
        fermions.put("max-iterations", f.maxIterations);
        fermions.put("rational-tolerance", f.rationalTolerance);
        m.put("fermions", fermions);
        Map<String, Object> phi4 = new LinkedHashMap<>();
        phi4.put("m2", c.mSquared);
        phi4.put("lambda", c.lambda);
        m.put("phi4", phi4);
        FlowSettings fs = c.flow;
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("layers", fs.layers);
        flow.put("hidden-channels", fs.hiddenChannels.clone());
        flow.put("kernel-size", fs.kernelSize);
        flow.put("activation", fs.activation);
        flow.put("training-steps", fs.trainingSteps);
        flow.put("batch", fs.batch);
        flow.put("learning-rate", fs.learningRate);
        flow.put("training-tasks", fs.trainingTasks);
        flow.put("weights", fs.weights);
        flow.put("proposals-per-task", fs.proposalsPerTask);
        m.put("flow", flow);
        return m;
    }

    /** Canonical JSON: equal configurations give equal strings. */
    public static String toJson(ChainConfig c) {
        return org.latticespark.spark.io.Json.write(toTree(c));
    }

    /**
     * Reads a parameters string back.
     *
     * @param where names the stored item in error messages
     * @throws InvalidInputException naming {@code where} and the key
     */
    public static ChainConfig fromJson(String json, String where) {
        Config c;
        try {
            c = ConfigFactory.parseString(json, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON)
                    .setOriginDescription(where));
        } catch (ConfigException e) {
            throw new InvalidInputException(where + ": parameters are not valid JSON: " + e.getMessage(), e);
        }
        return RunConfigLoader.ensembleFromStored(c, where);
    }
}
