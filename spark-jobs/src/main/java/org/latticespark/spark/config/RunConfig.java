package org.latticespark.spark.config;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.latticespark.generation.ChainConfig;
import org.latticespark.spark.io.OutputLayout;

/**
 * One run, resolved: every ensemble complete, every default applied. Load with
 * {@link #load(Path)} or {@link #parse(String, String)}; {@code with*} give changed copies (the CLI's
 * {@code --master} and {@code --output}).
 */
public final class RunConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String name;
    private final String output;
    private final long seed;
    private final String master;
    private final Map<String, String> sparkConf;
    private final List<ChainConfig> ensembles;
    private final MeasureSettings measure;
    private final double analyzeS;
    private final boolean analyzePlots;

    public RunConfig(String source, String name, String output, long seed, String master,
                     Map<String, String> sparkConf, List<ChainConfig> ensembles, MeasureSettings measure,
                     double analyzeS, boolean analyzePlots) {
        this.source = source;
        this.name = name;
        this.output = output;
        this.seed = seed;
        this.master = master;
        this.sparkConf = Map.copyOf(new LinkedHashMap<>(sparkConf));
        this.ensembles = List.copyOf(ensembles);
        this.measure = measure;
        this.analyzeS = analyzeS;
        this.analyzePlots = analyzePlots;
    }

    /** Reads and validates a HOCON run configuration; errors name the file and the key. */
    public static RunConfig load(Path file) {
        return RunConfigLoader.load(file);
    }

    /** Parses configuration text; {@code origin} names it in error messages. */
    public static RunConfig parse(String hocon, String origin) {
        return RunConfigLoader.parse(hocon, origin);
    }

    /** The file (or origin) it came from. */
    public String source() { return source; }

    public String name() { return name; }

    /** The output folder: an absolute local path or a URI. */
    public String output() { return output; }

    public OutputLayout layout() { return new OutputLayout(output); }

    public long seed() { return seed; }

    public String master() { return master; }

    public Map<String, String> sparkConf() { return sparkConf; }

    public List<ChainConfig> ensembles() { return ensembles; }

    public Optional<ChainConfig> ensemble(String name) {
        return ensembles.stream().filter(e -> e.ensemble.equals(name)).findFirst();
    }

    public List<String> measureStages() { return measure.stages(); }

    /** The {@code measure.*} settings; {@link MeasureSettings#stagesFor} gives an ensemble's stages. */
    public MeasureSettings measure() { return measure; }

    public double analyzeS() { return analyzeS; }

    /** Whether the analysis draws the report's plots ({@code analyze.plots}). */
    public boolean analyzePlots() { return analyzePlots; }

    public RunConfig withOutput(String newOutput) {
        return new RunConfig(source, name, RunConfigLoader.resolveOutput(newOutput), seed, master, sparkConf,
                ensembles, measure, analyzeS, analyzePlots);
    }

    public RunConfig withMaster(String newMaster) {
        return new RunConfig(source, name, output, seed, newMaster, sparkConf, ensembles, measure, analyzeS,
                analyzePlots);
    }

    public RunConfig withEnsembles(List<ChainConfig> newEnsembles) {
        return new RunConfig(source, name, output, seed, master, sparkConf, newEnsembles, measure, analyzeS,
                analyzePlots);
    }

    private static Map<String, Object> quarkTree(ValenceQuark q, Map<String, Object> rest) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", q.type());
        if (!Double.isNaN(q.mass())) t.put("mass", q.mass());
        if (!Double.isNaN(q.flavours())) t.put("flavours", q.flavours());
        if (!Double.isNaN(q.kappa())) t.put("kappa", q.kappa());
        if (!Double.isNaN(q.cSw())) t.put("csw", q.cSw());
        t.putAll(new java.util.TreeMap<>(rest));
        return t;
    }

    /** The resolved configuration as ordered maps and lists (for run.json). */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put(ConfigKeys.NAME, name);
        m.put(ConfigKeys.OUTPUT, output);
        m.put(ConfigKeys.SEED, seed);
        Map<String, Object> spark = new LinkedHashMap<>();
        spark.put("master", master);
        spark.put("conf", new java.util.TreeMap<>(sparkConf));
        m.put("spark", spark);
        List<Object> ens = new ArrayList<>();
        for (ChainConfig c : ensembles) ens.add(EnsembleJson.toTree(c));
        m.put(ConfigKeys.ENSEMBLES, ens);
        Map<String, Object> measureTree = new LinkedHashMap<>();
        measureTree.put("stages", measure.stages());
        measureTree.put("condensate", quarkTree(measure.condensateQuark(), Map.of("noise",
                measure.noise().name().toLowerCase(java.util.Locale.ROOT), "vectors", measure.vectors(),
                "tolerance", measure.condensateTolerance(), "max-iterations", measure.condensateMaxIterations())));
        measureTree.put("pion", quarkTree(measure.pionQuark(), Map.of("tolerance", measure.pionTolerance(),
                "max-iterations", measure.pionMaxIterations())));
        m.put("measure", measureTree);
        Map<String, Object> analyze = new LinkedHashMap<>();
        analyze.put("s", analyzeS);
        analyze.put("plots", analyzePlots);
        m.put("analyze", analyze);
        return m;
    }

    @Override
    public String toString() {
        return "RunConfig[" + name + " from " + source + ", output " + output + ", master " + master + ", "
                + ensembles + "]";
    }
}
