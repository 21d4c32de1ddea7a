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
    private final List<String> measureStages;
    private final double analyzeS;
    private final boolean analyzePlots;

    public RunConfig(String source, String name, String output, long seed, String master,
                     Map<String, String> sparkConf, List<ChainConfig> ensembles, List<String> measureStages,
                     double analyzeS, boolean analyzePlots) {
        this.source = source;
        this.name = name;
        this.output = output;
        this.seed = seed;
        this.master = master;
        this.sparkConf = Map.copyOf(new LinkedHashMap<>(sparkConf));
        this.ensembles = List.copyOf(ensembles);
        this.measureStages = List.copyOf(measureStages);
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

    public List<String> measureStages() { return measureStages; }

    public double analyzeS() { return analyzeS; }

    /** Whether the analysis draws the report's plots ({@code analyze.plots}). */
    public boolean analyzePlots() { return analyzePlots; }

    public RunConfig withOutput(String newOutput) {
        return new RunConfig(source, name, RunConfigLoader.resolveOutput(newOutput), seed, master, sparkConf,
                ensembles, measureStages, analyzeS, analyzePlots);
    }

    public RunConfig withMaster(String newMaster) {
        return new RunConfig(source, name, output, seed, newMaster, sparkConf, ensembles, measureStages, analyzeS,
                analyzePlots);
    }

    public RunConfig withEnsembles(List<ChainConfig> newEnsembles) {
        return new RunConfig(source, name, output, seed, master, sparkConf, newEnsembles, measureStages, analyzeS,
                analyzePlots);
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
        m.put("measure", Map.of("stages", measureStages));
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
