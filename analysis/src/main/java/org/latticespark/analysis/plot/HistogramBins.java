package org.latticespark.analysis.plot;

import java.util.Arrays;

/**
 * Equal-width bins spanning [min, max] of the values and their counts. Bin i is [e_i, e_{i+1}), the last
 * bin also holds max. Constant data get bins on [v − h, v + h] with h = 10% of |v| (1 for v = 0).
 *
 * @param edges  bin edges, one more than bins
 * @param counts samples per bin
 */
record HistogramBins(double[] edges, long[] counts) {
    static final int MIN_AUTOMATIC = 5;
    static final int MAX_AUTOMATIC = 100;

    static HistogramBins of(double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            double half = min == 0 ? 1 : 0.1 * Math.abs(min);
            min -= half;
            max += half;
        }
        // Halved values: differences of doubles near ±MAX_VALUE would overflow.
        double halfMin = min / 2;
        double halfWidth = (max / 2 - halfMin) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = 2 * (halfMin + i * halfWidth);
        }
        edges[bins] = max;
        long[] counts = new long[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v / 2 - halfMin) / halfWidth))]++;
        }
        return new HistogramBins(edges, counts);
    }

    /**
     * Freedman–Diaconis: width 2 IQR n^(−1/3), number = ceil(range / width), clamped to
     * [{@value #MIN_AUTOMATIC}, {@value #MAX_AUTOMATIC}] (IQR 0 with a non-zero range gives the maximum,
     * constant data the minimum). Quartiles interpolate linearly between order statistics at (n − 1) p
     * (numpy's default, Hyndman–Fan type 7).
     */
    static int freedmanDiaconis(double[] values) {
        double[] halves = new double[values.length];
        for (int i = 0; i < halves.length; i++) {
            halves[i] = values[i] / 2;
        }
        Arrays.sort(halves);
        double range = halves[halves.length - 1] - halves[0];
        if (range == 0) {
            return MIN_AUTOMATIC;
        }
        double width = 2 * (quantile(halves, 0.75) - quantile(halves, 0.25)) / Math.cbrt(halves.length);
        double bins = Math.ceil(range / width);
        return (int) Math.max(MIN_AUTOMATIC, Math.min(MAX_AUTOMATIC, bins));
    }

    /** Type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = h - below;
        return (1 - fraction) * sorted[below] + fraction * sorted[above];
    }
}
