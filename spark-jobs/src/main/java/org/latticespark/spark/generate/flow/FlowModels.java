package org.latticespark.spark.generate.flow;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.FlowSettings;
import org.latticespark.generation.flow.Activation;
import org.latticespark.generation.flow.FlowArchitecture;
import org.latticespark.generation.flow.FlowWeights;
import org.latticespark.generation.flow.RealNvpFlow;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.RunConfig;

/** Where a flow ensemble's trained weights live, and loading them with every check against the ensemble. */
public final class FlowModels {
    public static final String FOLDER = "flows";

    private FlowModels() {}

    /** The architecture the ensemble's {@code flow.*} keys describe. */
    public static FlowArchitecture architecture(FlowSettings s) {
        return new FlowArchitecture(s.layers, s.hiddenChannels, s.kernelSize, Activation.parse(s.activation));
    }

    /** {@code flow.weights}, or {@code <output>/flows/<ensemble>.flow}; a local file either way. */
    public static Path weightsPath(RunConfig run, ChainConfig c) {
        if (!c.flow.weights.isEmpty()) return Path.of(c.flow.weights).toAbsolutePath().normalize();
        String out = run.output();
        Path root;
        if (out.startsWith("file:")) {
            root = Path.of(URI.create(out));
        } else if (out.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw new InvalidInputException(c.ensemble + ": flow.weights: the output " + out + " is not a local folder; "
                    + "give the trained-weights file as a local path in flow.weights");
        } else {
            root = Path.of(out);
        }
        return root.resolve(FOLDER).resolve(c.ensemble + ".flow");
    }

    /** The trained flows of every flow ensemble of the run, by ensemble. */
    public static Map<String, RealNvpFlow> loadAll(RunConfig run) {
        Map<String, RealNvpFlow> flows = new LinkedHashMap<>();
        for (ChainConfig c : run.ensembles()) {
            if (c.algorithm == ChainConfig.Algorithm.FLOW) flows.put(c.ensemble, load(run, c).flow());
        }
        return flows;
    }

    /**
     * The ensemble's trained flow: refused (an InvalidInputException naming the file) when missing, corrupt, or made
     * for another lattice, action or architecture.
     */
    public static FlowWeights.Contents load(RunConfig run, ChainConfig c) {
        Path file = weightsPath(run, c);
        if (!Files.exists(file)) {
            throw new InvalidInputException(c.ensemble + ": flow weights " + file + " not found: train the flow first "
                    + "(latticespark train " + (run.source() == null ? "<config>" : run.source()) + ")");
        }
        FlowWeights.Contents contents;
        try {
            contents = FlowWeights.load(file, c.lattice(), c.phi4Action());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(c.ensemble + ": " + e.getMessage(), e);
        }
        FlowArchitecture expected = architecture(c.flow);
        if (!contents.flow().architecture().equals(expected)) {
            throw new InvalidInputException(c.ensemble + ": " + file + ": architecture " + contents.flow().architecture()
                    + " does not match the ensemble's flow.* keys (" + expected + "); train again with "
                    + "latticespark train --overwrite");
        }
        return contents;
    }
}
