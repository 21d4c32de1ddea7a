package org.latticespark.analysis.plot;

import java.util.Locale;
import org.knowm.xchart.style.Styler.LegendPosition;

/** Monte Carlo history: one line per replica against its sample indices, and the overall mean. */
final class HistoryPlot {
    /** With more replicas colours repeat, so a legend would no longer identify them. */
    private static final int MAX_LEGEND_REPLICAS = 10;

    private HistoryPlot() {
    }

    static Plot of(String title, String yLabel, double[][] replicas, long[][] indices) {
        Check.text(title, "title");
        Check.text(yLabel, "yLabel");
        double[][] x = xValues(replicas, indices);
        Figure figure = new Figure(title, "Monte Carlo time", yLabel);
        Bounds xs = new Bounds();
        Bounds ys = new Bounds();
        boolean labelled = replicas.length > 1 && replicas.length <= MAX_LEGEND_REPLICAS;
        for (int r = 0; r < replicas.length; r++) {
            double[][] thinned = Decimation.minMax(x[r], replicas[r], Decimation.BUCKETS);
            figure.line(labelled ? "replica " + r : null, thinned[0], thinned[1], Style.cycle(r), Style.THIN);
            xs.include(x[r][0]).include(x[r][x[r].length - 1]);
            ys.include(replicas[r]);
        }
        double mean = mean(replicas);
        figure.line(String.format(Locale.ROOT, "mean = %.4g", mean),
                new double[] {xs.min(), xs.max()}, new double[] {mean, mean}, Style.AXIS_LINE, Style.DASHED);
        return figure.xRange(xs.min() < xs.max() ? AxisRange.exact(xs.min(), xs.max()) : xs.linear())
                .yRange(ys.linear())
                .legendAt(LegendPosition.OutsideE)
                .plot();
    }

    /** Mean of all samples, each divided by the count first so that no sum can overflow. */
    private static double mean(double[][] replicas) {
        long count = 0;
        for (double[] replica : replicas) {
            count += replica.length;
        }
        double mean = 0;
        for (double[] replica : replicas) {
            for (double v : replica) {
                mean += v / count;
            }
        }
        return mean;
    }

    /** Validates the input and returns the x values: the given indices or 1..N_r. */
    private static double[][] xValues(double[][] replicas, long[][] indices) {
        if (replicas == null || replicas.length == 0) {
            throw new IllegalArgumentException("replicas must hold at least one replica, got "
                    + (replicas == null ? "null" : "none"));
        }
        if (indices != null && indices.length != replicas.length) {
            throw new IllegalArgumentException("indices has " + indices.length + " rows but replicas has "
                    + replicas.length);
        }
        double[][] x = new double[replicas.length][];
        for (int r = 0; r < replicas.length; r++) {
            Check.finite(replicas[r], "replicas[" + r + "]", 2);
            x[r] = new double[replicas[r].length];
            if (indices == null) {
                for (int i = 0; i < x[r].length; i++) {
                    x[r][i] = i + 1;
                }
                continue;
            }
            long[] idx = indices[r];
            if (idx == null || idx.length != replicas[r].length) {
                throw new IllegalArgumentException("indices[" + r + "] has " + (idx == null ? "null" : idx.length
                        + " entries") + " but replicas[" + r + "] has " + replicas[r].length + " samples");
            }
            for (int i = 0; i < idx.length; i++) {
                if (i > 0 && idx[i] <= idx[i - 1]) {
                    throw new IllegalArgumentException("indices[" + r + "] must be strictly increasing, but index "
                            + i + " is " + idx[i] + " after " + idx[i - 1]);
                }
                x[r][i] = idx[i];
            }
        }
        return x;
    }
}
