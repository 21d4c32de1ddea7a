package org.latticespark.spark.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every key of a run configuration with its default, range and meaning: the one place the
 * defaults live. The loader takes its defaults and its list of known keys (typo protection) from
 * here, and {@link #markdownTable()} renders the reference table of README.md (a test
 * checks that the document matches).
 */
public final class ConfigKeys {
    private ConfigKeys() {}

    /** Where a key lives: at the top of the file, or in an ensemble (and in ensemble-defaults). */
    public enum Scope { RUN, ENSEMBLE }

    /**
     * @param defaultValue the default as a Typesafe Config value (String, Number, List), or null when
     *                     the key is required or its default is derived (then {@code defaultText} says how)
     */
    public record Key(Scope scope, String path, Object defaultValue, String defaultText, String range,
                      String meaning) {}

    // Run keys
    public static final String NAME = "name";
    public static final String OUTPUT = "output";
    public static final String SEED = "seed";
    public static final String SPARK_MASTER = "spark.master";
    public static final String SPARK_CONF = "spark.conf";
    public static final String ENSEMBLE_DEFAULTS = "ensemble-defaults";
    public static final String ENSEMBLES = "ensembles";
    public static final String MEASURE_STAGES = "measure.stages";
    public static final String CONDENSATE_TYPE = "measure.condensate.type";
    public static final String CONDENSATE_MASS = "measure.condensate.mass";
    public static final String CONDENSATE_FLAVOURS = "measure.condensate.flavours";
    public static final String CONDENSATE_KAPPA = "measure.condensate.kappa";
    public static final String CONDENSATE_CSW = "measure.condensate.csw";
    public static final String CONDENSATE_NOISE = "measure.condensate.noise";
    public static final String CONDENSATE_VECTORS = "measure.condensate.vectors";
    public static final String CONDENSATE_TOLERANCE = "measure.condensate.tolerance";
    public static final String CONDENSATE_MAX_ITERATIONS = "measure.condensate.max-iterations";
    public static final String PION_TYPE = "measure.pion.type";
    public static final String PION_MASS = "measure.pion.mass";
    public static final String PION_KAPPA = "measure.pion.kappa";
    public static final String PION_CSW = "measure.pion.csw";
    public static final String PION_TOLERANCE = "measure.pion.tolerance";
    public static final String PION_MAX_ITERATIONS = "measure.pion.max-iterations";
    public static final String ANALYZE_S = "analyze.s";
    public static final String ANALYZE_PLOTS = "analyze.plots";

    // Ensemble keys (1:1 with ChainConfig)
    public static final String E_NAME = "name";
    public static final String E_THEORY = "theory";
    public static final String E_GROUP = "group";
    public static final String E_LATTICE = "lattice";
    public static final String E_BETA = "beta";
    public static final String E_ALGORITHM = "algorithm";
    public static final String E_START = "start";
    public static final String E_SEED = "seed";
    public static final String E_CHAINS = "chains";
    public static final String E_THERMALIZATION = "thermalization";
    public static final String E_SAVE_EVERY = "save-every";
    public static final String E_CONFIGURATIONS = "configurations";
    public static final String E_THREADS = "threads";
    public static final String E_BACKEND = "backend";
    public static final String E_OVERRELAXATION = "heatbath.overrelaxation";
    public static final String E_INTEGRATOR = "hmc.integrator";
    public static final String E_TRAJECTORY_LENGTH = "hmc.trajectory-length";
    public static final String E_STEPS = "hmc.steps";
    public static final String E_GAUGE_SUBSTEPS = "hmc.gauge-substeps";
    public static final String E_FERMIONS = "fermions.type";
    public static final String E_FLAVOURS = "fermions.flavours";
    public static final String E_MASS = "fermions.mass";
    public static final String E_KAPPA = "fermions.kappa";
    public static final String E_HASENBUSCH = "fermions.hasenbusch-kappa";
    public static final String E_CSW = "fermions.csw";
    public static final String E_TOLERANCE = "fermions.tolerance";
    public static final String E_FORCE_TOLERANCE = "fermions.force-tolerance";
    public static final String E_MAX_ITERATIONS = "fermions.max-iterations";
    public static final String E_RATIONAL_TOLERANCE = "fermions.rational-tolerance";
    public static final String E_M2 = "phi4.m2";
    public static final String E_LAMBDA = "phi4.lambda";
    public static final String E_FLOW_LAYERS = "flow.layers";
    public static final String E_FLOW_HIDDEN = "flow.hidden-channels";
    public static final String E_FLOW_KERNEL = "flow.kernel-size";
    public static final String E_FLOW_ACTIVATION = "flow.activation";
    public static final String E_FLOW_STEPS = "flow.training-steps";
    public static final String E_FLOW_BATCH = "flow.batch";
    public static final String E_FLOW_LEARNING_RATE = "flow.learning-rate";
    public static final String E_FLOW_WEIGHTS = "flow.weights";
    public static final String E_FLOW_PROPOSALS_PER_TASK = "flow.proposals-per-task";
    public static final String E_FLOW_TRAINING_TASKS = "flow.training-tasks";

    public static final String DEFAULT_RUN_NAME = "run";
    public static final String DEFAULT_MASTER = "local[*]";
    public static final long DEFAULT_SEED = 1;
    public static final List<String> DEFAULT_STAGES = List.of("plaquette", "polyakov");
    public static final double DEFAULT_S = 2.0;
    public static final boolean DEFAULT_PLOTS = true;

    public static final List<Key> RUN = List.of(
            new Key(Scope.RUN, NAME, DEFAULT_RUN_NAME, "`run`", "letters, digits, `_ . -`",
                    "Run name: Spark application name and default output folder."),
            new Key(Scope.RUN, OUTPUT, null, "`runs/<name>`", "path or URI",
                    "Output folder; a relative path is taken from the working directory. `--output` overrides."),
            new Key(Scope.RUN, SEED, DEFAULT_SEED, "`1`", "64-bit integer",
                    "Run seed: an ensemble without its own `seed` gets one derived from it and the ensemble `name`."),
            new Key(Scope.RUN, SPARK_MASTER, DEFAULT_MASTER, "`local[*]`", "Spark master URL",
                    "Where the jobs run (`local[N]`, `spark://host:port`, ...). `--master`, then spark-submit's `--master`, override it."),
            new Key(Scope.RUN, SPARK_CONF, null, "`{}`", "object of Spark properties",
                    "Extra Spark properties, e.g. `spark.conf { \"spark.executor.memory\" = 8g }`."),
            new Key(Scope.RUN, ENSEMBLE_DEFAULTS, null, "`{}`", "ensemble keys",
                    "Values every entry of `ensembles` falls back to (before the built-in defaults)."),
            new Key(Scope.RUN, ENSEMBLES, null, "required", "non-empty list of objects, unique `name`s",
                    "The ensembles of the run, each with the ensemble keys below."),
            new Key(Scope.RUN, MEASURE_STAGES, DEFAULT_STAGES, "`[plaquette, polyakov]`",
                    "`plaquette`, `polyakov`, `condensate`, `pion`",
                    "Measurement stages run on every configuration (the `generation` stage always runs)."),
            new Key(Scope.RUN, CONDENSATE_TYPE, "sea", "`sea`", "`sea`, `staggered`, `wilson`",
                    "Chiral condensate: the valence quark; `sea` takes each ensemble's first sea-quark species."),
            new Key(Scope.RUN, CONDENSATE_MASS, null, "the sea mass", "> 0",
                    "Chiral condensate, staggered: valence mass m."),
            new Key(Scope.RUN, CONDENSATE_FLAVOURS, null, "the sea flavours, else 2^(d/2)", "> 0",
                    "Chiral condensate, staggered: Nf of the normalisation (Nf/4)(1/V) Re tr (D + m)^-1 (4d)."),
            new Key(Scope.RUN, CONDENSATE_KAPPA, null, "the sea κ", "> 0",
                    "Chiral condensate, Wilson: valence κ; the value is (1/V) Re tr M^-1."),
            new Key(Scope.RUN, CONDENSATE_CSW, null, "the sea c_SW, else 0", ">= 0",
                    "Chiral condensate, Wilson: clover coefficient of the valence operator A − κH."),
            new Key(Scope.RUN, CONDENSATE_NOISE, "z2", "`z2`", "`z2`, `z4`, `gaussian`",
                    "Chiral condensate: noise of the stochastic estimator."),
            new Key(Scope.RUN, CONDENSATE_VECTORS, 8, "`8`", "1..65536",
                    "Chiral condensate: noise vectors per configuration, one row each (source = noise id)."),
            new Key(Scope.RUN, CONDENSATE_TOLERANCE, 1e-9, "`1e-9`", "(0, 1)",
                    "Chiral condensate: relative residual of each solve."),
            new Key(Scope.RUN, CONDENSATE_MAX_ITERATIONS, 10000, "`10000`", ">= 1",
                    "Chiral condensate: most solver iterations per noise vector."),
            new Key(Scope.RUN, PION_TYPE, "sea", "`sea`", "`sea`, `staggered`, `wilson`",
                    "Pion correlator: the valence quark, as for the condensate."),
            new Key(Scope.RUN, PION_MASS, null, "the sea mass", "> 0", "Pion correlator, staggered: valence mass m."),
            new Key(Scope.RUN, PION_KAPPA, null, "the sea κ", "> 0", "Pion correlator, Wilson: valence κ."),
            new Key(Scope.RUN, PION_CSW, null, "the sea c_SW, else 0", ">= 0",
                    "Pion correlator, Wilson: clover coefficient of the valence operator."),
            new Key(Scope.RUN, PION_TOLERANCE, 1e-10, "`1e-10`", "(0, 1)",
                    "Pion correlator: relative residual of each point-source solve."),
            new Key(Scope.RUN, PION_MAX_ITERATIONS, 10000, "`10000`", ">= 1",
                    "Pion correlator: most solver iterations per solve."),
            new Key(Scope.RUN, ANALYZE_S, DEFAULT_S, "`2.0`", "> 0",
                    "Γ-method window parameter S (Wolff 2004); 1 to 2 is usual."),
            new Key(Scope.RUN, ANALYZE_PLOTS, DEFAULT_PLOTS, "`true`", "`true`, `false`",
                    "Draw the plots of the campaign report (`analysis/plots/`); `report.html` and `report.md` are written either way."));

    public static final List<Key> ENSEMBLE = List.of(
            new Key(Scope.ENSEMBLE, E_NAME, null, "required", "letters, digits, `_ . -`; unique",
                    "Ensemble id (the `ensemble` column)."),
            new Key(Scope.ENSEMBLE, E_THEORY, "gauge", "`gauge`", "`gauge`, `phi4`",
                    "What is simulated: a lattice gauge theory (`group`, `beta`, `fermions.*`) or real scalar φ⁴ theory "
                            + "(`phi4.*`, sampled by `hmc` or `flow`)."),
            new Key(Scope.ENSEMBLE, E_GROUP, "SU3", "`SU3`", "`U1`, `SU2`, `SU3`, `SU4`..`SU8`", "Gauge group."),
            new Key(Scope.ENSEMBLE, E_LATTICE, List.of(4, 4, 4, 4), "`[4, 4, 4, 4]`", "2 to 4 extents, each >= 2",
                    "Lattice extents L_0..L_{d-1}; the last is Euclidean time."),
            new Key(Scope.ENSEMBLE, E_BETA, 6.0, "`6.0`", ">= 0, finite", "Wilson gauge coupling β = 2N/g²."),
            new Key(Scope.ENSEMBLE, E_ALGORITHM, "heatbath", "`heatbath`", "`heatbath`, `hmc`, `flow`",
                    "Update algorithm: heatbath sweeps (with overrelaxation), HMC trajectories, or (φ⁴) independence "
                            + "Metropolis–Hastings over normalizing-flow proposals."),
            new Key(Scope.ENSEMBLE, E_START, "cold", "`cold`", "`cold`, `hot`",
                    "Start configuration: unit links or Haar-random links (φ⁴: φ = 0 or Gaussian φ; a flow chain starts "
                            + "from its first proposal)."),
            new Key(Scope.ENSEMBLE, E_SEED, null, "from run `seed` and `name`", "64-bit integer, unique per run",
                    "Seed of the counter-based generator; chain c of the ensemble uses the stream (seed, c)."),
            new Key(Scope.ENSEMBLE, E_CHAINS, 1, "`1`", "1..65535",
                    "Independent Markov chains (replicas); one Spark task each."),
            new Key(Scope.ENSEMBLE, E_THERMALIZATION, 10, "`10`", ">= 0",
                    "Updates before the first saved configuration."),
            new Key(Scope.ENSEMBLE, E_SAVE_EVERY, 1, "`1`", ">= 1",
                    "Updates between saved configurations."),
            new Key(Scope.ENSEMBLE, E_CONFIGURATIONS, 10, "`10`", ">= 1",
                    "Configurations saved per chain; a chain runs thermalization + save-every × configurations updates."),
            new Key(Scope.ENSEMBLE, E_THREADS, 1, "`1`", "1..1024",
                    "Threads per chain (per Spark task); results do not depend on it."),
            new Key(Scope.ENSEMBLE, E_BACKEND, "java", "`java`", "`java`, `aparapi`",
                    "Kernel backend for the plaquette (aparapi: OpenCL if present, else Java thread pool)."),
            new Key(Scope.ENSEMBLE, E_OVERRELAXATION, 3, "`3`", "0..100",
                    "Heatbath only: overrelaxation sweeps after each heatbath sweep."),
            new Key(Scope.ENSEMBLE, E_INTEGRATOR, "omelyan", "`omelyan`", "`leapfrog`, `omelyan`",
                    "HMC only: molecular-dynamics integrator (Omelyan 2MN, λ = 0.1931833275037836)."),
            new Key(Scope.ENSEMBLE, E_TRAJECTORY_LENGTH, 1.0, "`1.0`", "> 0, finite",
                    "HMC only: trajectory length τ."),
            new Key(Scope.ENSEMBLE, E_STEPS, 10, "`10`", "1..100000",
                    "HMC only: integration steps per trajectory, step size ε = τ / steps. With fermions: the steps of the "
                            + "fermion force (outer time scale)."),
            new Key(Scope.ENSEMBLE, E_GAUGE_SUBSTEPS, 1, "`1`", "1..1000; 1 without fermions",
                    "HMC with fermions: gauge-force steps per link update of the fermion integrator (one per leapfrog step, "
                            + "two per Omelyan step; Sexton–Weingarten nesting)."),
            new Key(Scope.ENSEMBLE, E_FERMIONS, "none", "`none`", "`none`, `staggered`, `wilson`",
                    "Dynamical fermions (HMC only). Staggered: even-site pseudofermion, RHMC for other flavour numbers; "
                            + "Wilson: even–odd preconditioned, Nf = 2 per species."),
            new Key(Scope.ENSEMBLE, E_FLAVOURS, null, "staggered 2^(d/2), Wilson 2", "number or list; staggered 1..2^(d/2), Wilson 2",
                    "Flavours per species (a list gives several species, e.g. `[2, 1]` for 2+1)."),
            new Key(Scope.ENSEMBLE, E_MASS, null, "required for staggered", "number or list, each in (0, 100)",
                    "Staggered only: bare quark mass m of each species."),
            new Key(Scope.ENSEMBLE, E_KAPPA, null, "required for Wilson", "number or list, each in (0, 0.5)",
                    "Wilson only: hopping parameter κ = 1/(2 m0 + 2d) of each species."),
            new Key(Scope.ENSEMBLE, E_HASENBUSCH, 0.0, "`0`", "0 (off) or (0, κ)",
                    "Wilson, one species: Hasenbusch mass preconditioning with the heavier κ_h."),
            new Key(Scope.ENSEMBLE, E_CSW, 0.0, "`0`", "[0, 100)",
                    "Wilson only: clover coefficient c_SW (0: plain Wilson); not yet with Hasenbusch."),
            new Key(Scope.ENSEMBLE, E_TOLERANCE, 1e-10, "`1e-10`", "(0, 1e-3]",
                    "Relative residual of the solves of the action and heat bath (the Metropolis test)."),
            new Key(Scope.ENSEMBLE, E_FORCE_TOLERANCE, 1e-8, "`1e-8`", "(0, 1e-2]",
                    "Relative residual of the force solves; looser is still exact (solves start from zero)."),
            new Key(Scope.ENSEMBLE, E_MAX_ITERATIONS, 10000, "`10000`", "1..10000000",
                    "Most Krylov iterations per solve; a solve that does not converge stops the chain with an error."),
            new Key(Scope.ENSEMBLE, E_RATIONAL_TOLERANCE, 1e-10, "`1e-10`", "[1e-15, 1e-2]",
                    "RHMC: relative error of the Remez approximations on the rigorous spectral bound [m², m² + d²]."),
            new Key(Scope.ENSEMBLE, E_M2, -4.0, "`-4.0`", "finite",
                    "φ⁴ only: m² of S = Σ_x [Σ_μ (φ(x+μ̂) − φ(x))² + m² φ² + λ φ⁴]."),
            new Key(Scope.ENSEMBLE, E_LAMBDA, 8.0, "`8.0`", ">= 0, finite; > 0 if m² <= 0", "φ⁴ only: quartic coupling λ."),
            new Key(Scope.ENSEMBLE, E_FLOW_LAYERS, 8, "`8`", "even, 2..256",
                    "Flow: Real NVP affine coupling layers (checkerboard masks, alternating parity)."),
            new Key(Scope.ENSEMBLE, E_FLOW_HIDDEN, List.of(8, 8), "`[8, 8]`", "list of 0..8 channel counts, each 1..256",
                    "Flow: hidden channels of each coupling layer's convolutional network (periodic padding)."),
            new Key(Scope.ENSEMBLE, E_FLOW_KERNEL, 3, "`3`", "odd, 1..9, <= the smallest extent",
                    "Flow: convolution kernel size in every direction."),
            new Key(Scope.ENSEMBLE, E_FLOW_ACTIVATION, "leaky_relu", "`leaky_relu`", "`leaky_relu`, `tanh`, `relu`, `silu`",
                    "Flow: activation between the convolutions."),
            new Key(Scope.ENSEMBLE, E_FLOW_STEPS, 500, "`500`", "0..10000000",
                    "Flow: Adam steps of reverse Kullback–Leibler training (`latticespark train`)."),
            new Key(Scope.ENSEMBLE, E_FLOW_BATCH, 64, "`64`", "1..1048576", "Flow: samples per training step."),
            new Key(Scope.ENSEMBLE, E_FLOW_LEARNING_RATE, 1e-3, "`0.001`", "(0, 1)", "Flow: Adam learning rate."),
            new Key(Scope.ENSEMBLE, E_FLOW_TRAINING_TASKS, 0, "`0`", "0..min(batch, 4096)",
                    "Flow: 0 trains on the driver's cores; N > 0 splits every batch over N Spark tasks and sums their "
                            + "gradients exactly (same weights bit for bit; worth it for large batches)."),
            new Key(Scope.ENSEMBLE, E_FLOW_WEIGHTS, "", "`<output>/flows/<name>.flow`", "path",
                    "Flow: the trained-weights file `train` writes and `generate` reads; a relative path is taken from "
                            + "the working directory."),
            new Key(Scope.ENSEMBLE, E_FLOW_PROPOSALS_PER_TASK, 1000, "`1000`", "1..10000000",
                    "Flow: proposals one Spark task generates (the proposals of all chains are split into such tasks)."));

    public static List<String> paths(Scope scope) {
        List<String> out = new ArrayList<>();
        for (Key k : scope == Scope.RUN ? RUN : ENSEMBLE) out.add(k.path());
        return out;
    }

    public static Optional<Key> find(Scope scope, String path) {
        return (scope == Scope.RUN ? RUN : ENSEMBLE).stream().filter(k -> k.path().equals(path)).findFirst();
    }

    /** The configuration reference as Markdown tables (run keys, then ensemble keys). */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Key | Default | Range | Meaning |\n|---|---|---|---|\n");
        for (Key k : RUN) row(sb, k);
        sb.append("\nEnsemble keys (in `ensemble-defaults` and in each entry of `ensembles`):\n\n");
        sb.append("| Key | Default | Range | Meaning |\n|---|---|---|---|\n");
        for (Key k : ENSEMBLE) row(sb, k);
        return sb.toString();
    }

    private static void row(StringBuilder sb, Key k) {
        sb.append("| `").append(k.path()).append("` | ").append(k.defaultText()).append(" | ").append(k.range())
                .append(" | ").append(k.meaning()).append(" |\n");
    }
}
