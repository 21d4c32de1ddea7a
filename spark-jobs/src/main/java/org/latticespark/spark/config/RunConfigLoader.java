package org.latticespark.spark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.FermionConfig;
import org.latticespark.generation.FlowSettings;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.measurement.MeasurementStages;
import org.latticespark.measurement.fermion.NoiseKind;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.ConfigKeys.Key;
import org.latticespark.spark.config.ConfigKeys.Scope;

/** HOCON → {@link RunConfig}, with errors that name the file, the ensemble and the key. */
final class RunConfigLoader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private RunConfigLoader() {}

    static RunConfig load(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidInputException("configuration file not found: " + file
                    + (file.isAbsolute() ? "" : " (in " + Path.of("").toAbsolutePath() + ")"));
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException("configuration file " + file + " is not a readable file");
        }
        String origin = file.toString();
        Config root;
        try {
            File f = file.toFile();
            root = ConfigFactory.parseFile(f, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setAllowMissing(false).setOriginDescription(origin)).resolve();
        } catch (ConfigException e) {
            throw syntaxError(origin, e);
        }
        return fromConfig(root, origin);
    }

    static RunConfig parse(String text, String origin) {
        Config root;
        try {
            root = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setOriginDescription(origin)).resolve();
        } catch (ConfigException e) {
            throw syntaxError(origin, e);
        }
        return fromConfig(root, origin);
    }

    private static InvalidInputException syntaxError(String origin, ConfigException e) {
        String msg = e.getMessage();
        return new InvalidInputException(msg.startsWith(origin) ? msg : origin + ": " + msg, e);
    }

    /** A relative local path becomes absolute (from the working directory); URIs stay as they are. */
    static String resolveOutput(String output) {
        if (output == null || output.isBlank()) throw new InvalidInputException("output: must not be empty");
        if (URI_SCHEME.matcher(output).matches()) return output;
        return Path.of(output).toAbsolutePath().normalize().toString();
    }

    // ---------------------------------------------------------------------------------------------

    private static RunConfig fromConfig(Config root, String file) {
        Ctx top = new Ctx(file, "");
        checkKeys(root, Scope.RUN, top);
        Config runDefaults = defaults(Scope.RUN);
        Config run = root.withFallback(runDefaults);

        String name = string(run, ConfigKeys.NAME, top);
        if (!NAME.matcher(name).matches()) {
            throw top.error(run, ConfigKeys.NAME, "must be a non-empty name of letters, digits, '_', '.', '-', got '"
                    + name + "'");
        }
        long seed = int64(run, ConfigKeys.SEED, top);
        String master = string(run, ConfigKeys.SPARK_MASTER, top);
        if (master.isBlank()) throw top.error(run, ConfigKeys.SPARK_MASTER, "must not be empty");
        Map<String, String> sparkConf = sparkConf(root, top);

        Config ensembleDefaults = ConfigFactory.empty();
        if (root.hasPath(ConfigKeys.ENSEMBLE_DEFAULTS)) {
            ConfigValue v = root.getValue(ConfigKeys.ENSEMBLE_DEFAULTS);
            if (v.valueType() != ConfigValueType.OBJECT) {
                throw top.error(root, ConfigKeys.ENSEMBLE_DEFAULTS, "must be an object { key = value, ... }, got "
                        + describe(v));
            }
            ensembleDefaults = ((ConfigObject) v).toConfig();
            checkKeys(ensembleDefaults, Scope.ENSEMBLE, new Ctx(file, ConfigKeys.ENSEMBLE_DEFAULTS));
        }
        Config fallback = ensembleDefaults.withFallback(defaults(Scope.ENSEMBLE));

        if (!root.hasPath(ConfigKeys.ENSEMBLES)) {
            throw new InvalidInputException(file + ": " + ConfigKeys.ENSEMBLES
                    + ": missing; a run needs a list of ensembles, e.g. ensembles = [ {name = a, beta = 6.0} ]");
        }
        ConfigValue list = root.getValue(ConfigKeys.ENSEMBLES);
        if (list.valueType() != ConfigValueType.LIST || ((ConfigList) list).isEmpty()) {
            throw top.error(root, ConfigKeys.ENSEMBLES, "must be a non-empty list of objects, got " + describe(list));
        }
        List<ChainConfig> ensembles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Long, String> seeds = new HashMap<>();
        ConfigList entries = (ConfigList) list;
        for (int i = 0; i < entries.size(); i++) {
            ConfigValue ev = entries.get(i);
            String label = ConfigKeys.ENSEMBLES + "[" + i + "]";
            if (ev.valueType() != ConfigValueType.OBJECT) {
                throw new InvalidInputException(file + ": " + label + ": must be an object {name = ..., ...}, got "
                        + describe(ev) + line(ev));
            }
            Config entry = ((ConfigObject) ev).toConfig();
            if (entry.hasPath(ConfigKeys.E_NAME) && entry.getValue(ConfigKeys.E_NAME).valueType() == ConfigValueType.STRING) {
                label += " '" + entry.getString(ConfigKeys.E_NAME) + "'";
            }
            Ctx ctx = new Ctx(file, label);
            checkKeys(entry, Scope.ENSEMBLE, ctx);
            Config merged = entry.withFallback(fallback);
            if (!merged.hasPath(ConfigKeys.E_NAME)) {
                throw new InvalidInputException(file + ": " + label + ": name: missing (every ensemble needs a name)"
                        + line(ev));
            }
            ChainConfig c = ensemble(merged, entry, entry.withFallback(ensembleDefaults), seed, ctx);
            if (!names.add(c.ensemble)) {
                throw ctx.error(merged, ConfigKeys.E_NAME, "'" + c.ensemble + "' names two ensembles; names must be unique");
            }
            String sameSeed = seeds.putIfAbsent(c.seed, c.ensemble);
            if (sameSeed != null) {
                throw ctx.error(merged, ConfigKeys.E_SEED, c.seed + " is also the seed of ensemble '" + sameSeed
                        + "': their chains would draw the same random numbers");
            }
            ensembles.add(c);
        }

        MeasureSettings measure = measureSettings(run, top);
        for (ChainConfig c : ensembles) {
            try {
                measure.stagesFor(c);
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                int colon = msg.indexOf(':');
                String key = colon > 0 ? msg.substring(0, colon) : "";
                throw new InvalidInputException(top.prefix() + msg + (key.isEmpty() ? "" : lineOf(run, key)), e);
            }
        }
        double s = number(run, ConfigKeys.ANALYZE_S, top);
        if (!(s > 0) || Double.isInfinite(s)) throw top.error(run, ConfigKeys.ANALYZE_S, "must be finite and > 0, got " + s);
        boolean plots = bool(run, ConfigKeys.ANALYZE_PLOTS, top);

        String output = root.hasPath(ConfigKeys.OUTPUT) ? string(root, ConfigKeys.OUTPUT, top) : "runs/" + name;
        if (output.isBlank()) throw top.error(root, ConfigKeys.OUTPUT, "must not be empty");
        return new RunConfig(file, name, resolveOutput(output), seed, master, sparkConf, ensembles, measure, s, plots);
    }

    private static MeasureSettings measureSettings(Config run, Ctx top) {
        List<String> stages = stringList(run, ConfigKeys.MEASURE_STAGES, top);
        Set<String> seen = new HashSet<>();
        for (String st : stages) {
            if (!MeasurementStages.NAMES.contains(st)) {
                throw top.error(run, ConfigKeys.MEASURE_STAGES, "unknown stage '" + st + "', known: "
                        + MeasurementStages.NAMES + " (the generation stage always runs)");
            }
            if (!seen.add(st)) throw top.error(run, ConfigKeys.MEASURE_STAGES, "stage '" + st + "' listed twice");
        }
        ValenceQuark condensate = new ValenceQuark("condensate",
                choice(run, ConfigKeys.CONDENSATE_TYPE, top, ValenceQuark.SEA, "staggered", "wilson"),
                optionalNumber(run, ConfigKeys.CONDENSATE_MASS, top), optionalNumber(run, ConfigKeys.CONDENSATE_FLAVOURS, top),
                optionalNumber(run, ConfigKeys.CONDENSATE_KAPPA, top), optionalCsw(run, ConfigKeys.CONDENSATE_CSW, top));
        ValenceQuark pion = new ValenceQuark("pion",
                choice(run, ConfigKeys.PION_TYPE, top, ValenceQuark.SEA, "staggered", "wilson"),
                optionalNumber(run, ConfigKeys.PION_MASS, top), Double.NaN, optionalNumber(run, ConfigKeys.PION_KAPPA, top),
                optionalCsw(run, ConfigKeys.PION_CSW, top));
        NoiseKind noise = NoiseKind.valueOf(choice(run, ConfigKeys.CONDENSATE_NOISE, top, "z2", "z4", "gaussian")
                .toUpperCase(Locale.ROOT));
        int vectors = int32(run, ConfigKeys.CONDENSATE_VECTORS, top);
        if (vectors < 1 || vectors > 65536) {
            throw top.error(run, ConfigKeys.CONDENSATE_VECTORS, "must be in 1..65536, got " + vectors);
        }
        MeasureSettings m = new MeasureSettings(stages, condensate, noise, vectors,
                number(run, ConfigKeys.CONDENSATE_TOLERANCE, top), int32(run, ConfigKeys.CONDENSATE_MAX_ITERATIONS, top),
                pion, number(run, ConfigKeys.PION_TOLERANCE, top), int32(run, ConfigKeys.PION_MAX_ITERATIONS, top));
        for (String k : List.of(ConfigKeys.CONDENSATE_TOLERANCE, ConfigKeys.PION_TOLERANCE)) {
            double t = number(run, k, top);
            if (!(t > 0 && t < 1)) throw top.error(run, k, "must be in (0, 1), got " + t);
        }
        for (String k : List.of(ConfigKeys.CONDENSATE_MAX_ITERATIONS, ConfigKeys.PION_MAX_ITERATIONS)) {
            if (int32(run, k, top) < 1) throw top.error(run, k, "must be >= 1, got " + int32(run, k, top));
        }
        return m;
    }

    private static double optionalCsw(Config c, String key, Ctx ctx) {
        if (!c.hasPath(key)) return Double.NaN;
        double v = number(c, key, ctx);
        if (!(v >= 0) || Double.isInfinite(v)) throw ctx.error(c, key, "must be finite and >= 0, got " + v);
        return v;
    }

    private static double optionalNumber(Config c, String key, Ctx ctx) {
        if (!c.hasPath(key)) return Double.NaN;
        double v = number(c, key, ctx);
        if (!(v > 0) || Double.isInfinite(v)) throw ctx.error(c, key, "must be finite and > 0, got " + v);
        return v;
    }

    /** A stored parameters object: every key present, no unknown key. */
    static ChainConfig ensembleFromStored(Config c, String where) {
        Ctx ctx = new Ctx(where, "parameters");
        checkKeys(c, Scope.ENSEMBLE, ctx);
        for (String p : ConfigKeys.paths(Scope.ENSEMBLE)) {
            if (!c.hasPath(p)) throw new InvalidInputException(where + ": parameters: " + p + ": missing");
        }
        return ensemble(c, null, null, 0, ctx);
    }

    private static ChainConfig ensemble(Config m, Config own, Config userSet, long runSeed, Ctx ctx) {
        ChainConfig.Theory theory = ChainConfig.Theory.valueOf(choice(m, ConfigKeys.E_THEORY, ctx, "gauge", "phi4")
                .toUpperCase(Locale.ROOT));
        ChainConfig.Algorithm algorithm = ChainConfig.Algorithm.valueOf(choice(m, ConfigKeys.E_ALGORITHM, ctx, "heatbath",
                "hmc", "flow").toUpperCase(Locale.ROOT));
        if (own != null) checkTheoryKeys(theory, algorithm, own, ctx);
        ChainConfig.Builder b = ChainConfig.builder()
                .ensemble(string(m, ConfigKeys.E_NAME, ctx))
                .theory(theory)
                .group(string(m, ConfigKeys.E_GROUP, ctx))
                .extents(intList(m, ConfigKeys.E_LATTICE, ctx))
                .beta(number(m, ConfigKeys.E_BETA, ctx))
                .algorithm(algorithm)
                .start(ChainConfig.Start.valueOf(choice(m, ConfigKeys.E_START, ctx, "cold", "hot").toUpperCase(Locale.ROOT)))
                .seed(m.hasPath(ConfigKeys.E_SEED) ? int64(m, ConfigKeys.E_SEED, ctx)
                        : ChainConfig.derivedSeed(runSeed, string(m, ConfigKeys.E_NAME, ctx)))
                .chains(int32(m, ConfigKeys.E_CHAINS, ctx))
                .thermalization(int32(m, ConfigKeys.E_THERMALIZATION, ctx))
                .saveEvery(int32(m, ConfigKeys.E_SAVE_EVERY, ctx))
                .configurations(int32(m, ConfigKeys.E_CONFIGURATIONS, ctx))
                .threads(int32(m, ConfigKeys.E_THREADS, ctx))
                .backend(choice(m, ConfigKeys.E_BACKEND, ctx, "java", "aparapi"))
                .overrelaxation(int32(m, ConfigKeys.E_OVERRELAXATION, ctx))
                .integrator(Integrator.valueOf(choice(m, ConfigKeys.E_INTEGRATOR, ctx, "leapfrog", "omelyan")
                        .toUpperCase(Locale.ROOT)))
                .trajectoryLength(number(m, ConfigKeys.E_TRAJECTORY_LENGTH, ctx))
                .steps(int32(m, ConfigKeys.E_STEPS, ctx))
                .gaugeSubsteps(int32(m, ConfigKeys.E_GAUGE_SUBSTEPS, ctx))
                .mSquared(number(m, ConfigKeys.E_M2, ctx))
                .lambda(number(m, ConfigKeys.E_LAMBDA, ctx));
        try {
            b.fermions(fermions(m, own, userSet, ctx));
            b.flow(flow(m, ctx));
            return b.build();
        } catch (IllegalArgumentException e) {
            // ChainConfig's messages start with the key ("hmc.steps: must be ..."); its "ensemble" is our "name"
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (msg.startsWith("ensemble:")) msg = ConfigKeys.E_NAME + ":" + msg.substring("ensemble:".length());
            int colon = msg.indexOf(':');
            String key = colon > 0 ? msg.substring(0, colon) : "";
            throw new InvalidInputException(ctx.prefix() + msg + (key.isEmpty() ? "" : lineOf(m, key)), e);
        }
    }

    /**
     * @param own     the ensemble's own keys, or null for stored parameters (complete and consistent by construction)
     * @param userSet its own keys over ensemble-defaults, without the built-in defaults (null likewise)
     */
    private static FermionConfig fermions(Config m, Config own, Config userSet, Ctx ctx) {
        FermionConfig.Type type = FermionConfig.Type.valueOf(
                choice(m, ConfigKeys.E_FERMIONS, ctx, "none", "staggered", "wilson").toUpperCase(Locale.ROOT));
        if (own != null) checkFermionKeys(type, own, userSet, ctx);
        double[] masses = type == FermionConfig.Type.STAGGERED ? required(m, ConfigKeys.E_MASS, ctx) : new double[0];
        double[] kappas = type == FermionConfig.Type.WILSON ? required(m, ConfigKeys.E_KAPPA, ctx) : new double[0];
        int[] flavours;
        if (m.hasPath(ConfigKeys.E_FLAVOURS)) {
            flavours = intOrList(m, ConfigKeys.E_FLAVOURS, ctx);
        } else {
            int species = type == FermionConfig.Type.WILSON ? kappas.length : masses.length;
            int each = type == FermionConfig.Type.WILSON ? 2
                    : FermionConfig.tastes(intList(m, ConfigKeys.E_LATTICE, ctx).length);
            flavours = new int[species];
            java.util.Arrays.fill(flavours, each);
        }
        return FermionConfig.builder()
                .type(type)
                .flavours(flavours)
                .masses(masses)
                .kappas(kappas)
                .hasenbuschKappa(number(m, ConfigKeys.E_HASENBUSCH, ctx))
                .cSw(number(m, ConfigKeys.E_CSW, ctx))
                .tolerance(number(m, ConfigKeys.E_TOLERANCE, ctx))
                .forceTolerance(number(m, ConfigKeys.E_FORCE_TOLERANCE, ctx))
                .maxIterations(int32(m, ConfigKeys.E_MAX_ITERATIONS, ctx))
                .rationalTolerance(number(m, ConfigKeys.E_RATIONAL_TOLERANCE, ctx))
                .build();
    }

    private static FlowSettings flow(Config m, Ctx ctx) {
        return FlowSettings.builder()
                .layers(int32(m, ConfigKeys.E_FLOW_LAYERS, ctx))
                .hiddenChannels(intList(m, ConfigKeys.E_FLOW_HIDDEN, ctx))
                .kernelSize(int32(m, ConfigKeys.E_FLOW_KERNEL, ctx))
                .activation(choice(m, ConfigKeys.E_FLOW_ACTIVATION, ctx, "leaky_relu", "tanh", "relu", "silu"))
                .trainingSteps(int32(m, ConfigKeys.E_FLOW_STEPS, ctx))
                .batch(int32(m, ConfigKeys.E_FLOW_BATCH, ctx))
                .learningRate(number(m, ConfigKeys.E_FLOW_LEARNING_RATE, ctx))
                .weights(string(m, ConfigKeys.E_FLOW_WEIGHTS, ctx))
                .proposalsPerTask(int32(m, ConfigKeys.E_FLOW_PROPOSALS_PER_TASK, ctx))
                .trainingTasks(int32(m, ConfigKeys.E_FLOW_TRAINING_TASKS, ctx))
                .build();
    }

    private static final List<String> GAUGE_ONLY = List.of(ConfigKeys.E_GROUP, ConfigKeys.E_BETA, ConfigKeys.E_BACKEND,
            ConfigKeys.E_OVERRELAXATION, ConfigKeys.E_GAUGE_SUBSTEPS, ConfigKeys.E_FERMIONS);

    /** Keys of the other theory, or flow keys of a chain that is not a flow's, are an error, not silently ignored. */
    private static void checkTheoryKeys(ChainConfig.Theory theory, ChainConfig.Algorithm algorithm, Config own, Ctx ctx) {
        String name = theory.name().toLowerCase(Locale.ROOT);
        List<String> foreign = new ArrayList<>();
        if (theory == ChainConfig.Theory.PHI4) {
            foreign.addAll(GAUGE_ONLY);
        } else {
            foreign.add(ConfigKeys.E_M2);
            foreign.add(ConfigKeys.E_LAMBDA);
        }
        for (String k : foreign) {
            if (own.hasPath(k)) throw ctx.error(own, k, "does not apply to " + ConfigKeys.E_THEORY + " = " + name);
        }
        if (algorithm != ChainConfig.Algorithm.FLOW) {
            for (String k : ConfigKeys.paths(Scope.ENSEMBLE)) {
                if (k.startsWith("flow.") && own.hasPath(k)) {
                    throw ctx.error(own, k, "applies to " + ConfigKeys.E_ALGORITHM + " = flow only");
                }
            }
        }
    }

    private static final List<String> STAGGERED_ONLY = List.of(ConfigKeys.E_MASS);
    private static final List<String> WILSON_ONLY = List.of(ConfigKeys.E_KAPPA, ConfigKeys.E_CSW, ConfigKeys.E_HASENBUSCH);

    /** Quark parameters the fermion type does not use are an error, not silently ignored. */
    private static void checkFermionKeys(FermionConfig.Type type, Config own, Config userSet, Ctx ctx) {
        List<String> parameters = new ArrayList<>(STAGGERED_ONLY);
        parameters.addAll(WILSON_ONLY);
        parameters.add(ConfigKeys.E_FLAVOURS);
        if (!userSet.hasPath(ConfigKeys.E_FERMIONS)) {
            for (String k : parameters) {
                if (userSet.hasPath(k)) {
                    throw ctx.error(userSet, k, "given, but " + ConfigKeys.E_FERMIONS + " is not set, so the ensemble "
                            + "would be quenched; set " + ConfigKeys.E_FERMIONS + " = staggered or wilson");
                }
            }
            return;
        }
        List<String> unused = switch (type) {
            case NONE -> parameters;
            case STAGGERED -> WILSON_ONLY;
            case WILSON -> STAGGERED_ONLY;
        };
        for (String k : unused) {
            if (own.hasPath(k)) {
                throw ctx.error(own, k, "does not apply to " + ConfigKeys.E_FERMIONS + " = "
                        + type.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** A mass or kappa the fermion type needs. */
    private static double[] required(Config m, String key, Ctx ctx) {
        if (m.hasPath(key)) return numberOrList(m, key, ctx);
        throw new InvalidInputException(ctx.prefix() + key + ": missing; " + ConfigKeys.E_FERMIONS + " = "
                + string(m, ConfigKeys.E_FERMIONS, ctx) + " needs it" + lineOf(m, ConfigKeys.E_FERMIONS));
    }

    private static double[] numberOrList(Config c, String key, Ctx ctx) {
        ConfigValue v = c.getValue(key);
        if (v.valueType() != ConfigValueType.LIST) return new double[] {number(c, key, ctx)};
        ConfigList l = (ConfigList) v;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i).unwrapped() instanceof Number n)) {
                throw ctx.error(c, key, "must be a number or a list of numbers, element " + i + " is " + describe(l.get(i)));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    private static int[] intOrList(Config c, String key, Ctx ctx) {
        ConfigValue v = c.getValue(key);
        if (v.valueType() != ConfigValueType.LIST) return new int[] {int32(c, key, ctx)};
        return intList(c, key, ctx);
    }

    private static Map<String, String> sparkConf(Config root, Ctx ctx) {
        Map<String, String> out = new TreeMap<>();
        if (!root.hasPath(ConfigKeys.SPARK_CONF)) return out;
        ConfigValue v = root.getValue(ConfigKeys.SPARK_CONF);
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw ctx.error(root, ConfigKeys.SPARK_CONF, "must be an object of Spark properties, got " + describe(v));
        }
        for (Map.Entry<String, ConfigValue> e : ((ConfigObject) v).toConfig().entrySet()) {
            String key = String.join(".", ConfigUtil.splitPath(e.getKey()));
            ConfigValue val = e.getValue();
            if (val.valueType() == ConfigValueType.LIST || val.valueType() == ConfigValueType.OBJECT) {
                throw new InvalidInputException(ctx.prefix() + ConfigKeys.SPARK_CONF + "." + key
                        + ": must be a string, number or boolean" + line(val));
            }
            out.put(key, String.valueOf(val.unwrapped()));
        }
        return out;
    }

    // --------------------------------------------------------------------------------- key checks

    private static Config defaults(Scope scope) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Key k : scope == Scope.RUN ? ConfigKeys.RUN : ConfigKeys.ENSEMBLE) {
            if (k.defaultValue() != null) m.put(k.path(), k.defaultValue());
        }
        return ConfigFactory.parseMap(m, "built-in defaults");
    }

    private static void checkKeys(Config c, Scope scope, Ctx ctx) {
        List<String> known = ConfigKeys.paths(scope);
        // report in file order, so the first typo is named first
        List<Map.Entry<String, ConfigValue>> leaves = new ArrayList<>(c.entrySet());
        leaves.sort((a, b) -> Integer.compare(a.getValue().origin().lineNumber(), b.getValue().origin().lineNumber()));
        for (Map.Entry<String, ConfigValue> e : leaves) {
            String path = e.getKey();
            if (known.contains(path)) continue;
            if (scope == Scope.RUN && (path.startsWith(ConfigKeys.SPARK_CONF + ".")
                    || path.startsWith(ConfigKeys.ENSEMBLE_DEFAULTS + "."))) {
                continue;
            }
            throw new InvalidInputException(ctx.prefix() + "unknown key '" + path + "'" + hint(path, scope)
                    + line(e.getValue()));
        }
    }

    private static String hint(String path, Scope scope) {
        if (scope == Scope.RUN && ConfigKeys.paths(Scope.ENSEMBLE).contains(path)) {
            return " (an ensemble key: put it in ensemble-defaults or in an entry of ensembles)";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : ConfigKeys.paths(scope)) {
            if (k.endsWith("." + path)) return " (did you mean '" + k + "'?)";
            int d = distance(path, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ------------------------------------------------------------------------------ value readers

    private record Ctx(String file, String where) {
        String prefix() {
            return file + ": " + (where.isEmpty() ? "" : where + ": ");
        }

        InvalidInputException error(Config c, String key, String problem) {
            return new InvalidInputException(prefix() + key + ": " + problem + lineOf(c, key));
        }
    }

    private static String lineOf(Config c, String key) {
        try {
            return c.hasPath(key) ? line(c.getValue(key)) : "";
        } catch (ConfigException e) {
            return "";
        }
    }

    private static String line(ConfigValue v) {
        int n = v.origin().lineNumber();
        return n > 0 ? " (line " + n + ")" : "";
    }

    private static String describe(ConfigValue v) {
        return switch (v.valueType()) {
            case LIST -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            case STRING -> "'" + v.unwrapped() + "'";
            default -> String.valueOf(v.unwrapped());
        };
    }

    private static String string(Config c, String key, Ctx ctx) {
        ConfigValue v = c.getValue(key);
        return switch (v.valueType()) {
            case STRING, NUMBER, BOOLEAN -> String.valueOf(v.unwrapped());
            default -> throw ctx.error(c, key, "must be a string, got " + describe(v));
        };
    }

    private static String choice(Config c, String key, Ctx ctx, String... choices) {
        String s = string(c, key, ctx).trim().toLowerCase(Locale.ROOT);
        for (String ch : choices) if (ch.equals(s)) return s;
        throw ctx.error(c, key, "must be one of " + String.join(", ", choices) + ", got " + describe(c.getValue(key)));
    }

    private static long int64(Config c, String key, Ctx ctx) {
        return integral(c.getValue(key), Long.MIN_VALUE, Long.MAX_VALUE, c, key, ctx);
    }

    private static int int32(Config c, String key, Ctx ctx) {
        return (int) integral(c.getValue(key), Integer.MIN_VALUE, Integer.MAX_VALUE, c, key, ctx);
    }

    private static long integral(ConfigValue v, long min, long max, Config c, String key, Ctx ctx) {
        Object u = v.unwrapped();
        long value;
        if (u instanceof Integer || u instanceof Long) {
            value = ((Number) u).longValue();
        } else if (u instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            value = d.longValue();
        } else if (u instanceof String s) {
            try {
                value = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw ctx.error(c, key, "must be an integer, got " + describe(v));
            }
        } else {
            throw ctx.error(c, key, "must be an integer, got " + describe(v));
        }
        if (value < min || value > max) throw ctx.error(c, key, "must be in " + min + ".." + max + ", got " + value);
        return value;
    }

    private static double number(Config c, String key, Ctx ctx) {
        ConfigValue v = c.getValue(key);
        Object u = v.unwrapped();
        if (u instanceof Number n) return n.doubleValue();
        if (u instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw ctx.error(c, key, "must be a number, got " + describe(v));
    }

    private static boolean bool(Config c, String key, Ctx ctx) {
        ConfigValue v = c.getValue(key);
        Object u = v.unwrapped();
        if (u instanceof Boolean b) return b;
        if (u instanceof String str) {
            switch (str.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> { return true; }
                case "false", "no", "off" -> { return false; }
                default -> { }
            }
        }
        throw ctx.error(c, key, "must be true or false, got " + describe(v));
    }

    private static int[] intList(Config c, String key, Ctx ctx) {
        ConfigValue v = c.getValue(key);
        if (v.valueType() != ConfigValueType.LIST) {
            throw ctx.error(c, key, "must be a list of integers like [4, 4, 4, 8], got " + describe(v));
        }
        ConfigList l = (ConfigList) v;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object u = l.get(i).unwrapped();
            if (u instanceof Integer n) {
                out[i] = n;
            } else {
                throw ctx.error(c, key, "must be a list of integers like [4, 4, 4, 8], element " + i + " is "
                        + describe(l.get(i)));
            }
        }
        return out;
    }

    private static List<String> stringList(Config c, String key, Ctx ctx) {
        ConfigValue v = c.getValue(key);
        if (v.valueType() != ConfigValueType.LIST) throw ctx.error(c, key, "must be a list, got " + describe(v));
        List<String> out = new ArrayList<>();
        for (ConfigValue e : (ConfigList) v) {
            if (e.valueType() != ConfigValueType.STRING) {
                throw ctx.error(c, key, "must be a list of names, got element " + describe(e));
            }
            out.add((String) e.unwrapped());
        }
        return out;
    }
}
