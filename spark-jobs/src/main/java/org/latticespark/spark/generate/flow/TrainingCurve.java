package org.latticespark.spark.generate.flow;

import java.nio.file.Path;
import java.util.Arrays;
import org.latticespark.analysis.plot.Plots;

/**
 * The loss and batch ESS/N of every training step, drawn next to the weights file as
 * {@code <weights>-loss.{png,svg}} and {@code <weights>-ess.{png,svg}}. A plot that cannot be drawn (a JVM without
 * working Java2D, a full disk) costs the plot only, not the training.
 */
final class TrainingCurve {
    private final long[] steps;
    private final double[] loss;
    private final double[] ess;
    private int n;

    TrainingCurve(int capacity) {
        steps = new long[capacity];
        loss = new double[capacity];
        ess = new double[capacity];
    }

    void record(long step, double stepLoss, double stepEss) {
        if (n == steps.length) return;
        steps[n] = step;
        loss[n] = stepLoss;
        ess[n] = stepEss;
        n++;
    }

    /** Writes both plots; says where (without extension) or why not, or "" for fewer than 2 steps. */
    String write(Path weights, String ensemble) {
        if (n < 2) return "";
        String base = weights.getFileName().toString().replaceFirst("\\.flow$", "");
        Path lossPath = weights.resolveSibling(base + "-loss");
        Path essPath = weights.resolveSibling(base + "-ess");
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = steps[i];
        // the first steps fall from hundreds to a few units: leave them out, or the rest is a flat line
        int from = n >= 40 ? n / 20 : 0;
        try {
            Plots.line(ensemble + ": training loss (batch mean of log q + S)" + (from > 0 ? ", from step "
                    + steps[from] : ""), "training step", "loss", Arrays.copyOfRange(x, from, n),
                    Arrays.copyOfRange(loss, from, n)).write(lossPath);
            Plots.line(ensemble + ": batch ESS/N while training", "training step", "ESS/N", x,
                    Arrays.copyOf(ess, n)).write(essPath);
        } catch (Exception | LinkageError | java.awt.AWTError e) {
            return "not drawn (" + e + ")";
        }
        return lossPath + ", " + essPath + " (.png, .svg)";
    }
}
