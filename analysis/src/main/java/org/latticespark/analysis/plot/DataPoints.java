package org.latticespark.analysis.plot;

/**
 * Validated points (x, y ± dy) and the ends of their error bars.
 *
 * @param low  y − dy
 * @param high y + dy
 */
record DataPoints(double[] low, double[] high) {
    /** Checks x, y, dy (finite, equal lengths, at least one point, dy ≥ 0; dy null means no error bars). */
    static DataPoints of(double[] x, double[] y, double[] dy) {
        Check.finite(x, "x", 1);
        Check.finite(y, "y", 1);
        Check.sameLength(x, "x", y, "y");
        double[] low = y.clone();
        double[] high = y.clone();
        if (dy != null) {
            Check.finite(dy, "dy", 1);
            Check.sameLength(y, "y", dy, "dy");
            Check.nonNegative(dy, "dy");
            for (int i = 0; i < y.length; i++) {
                low[i] -= dy[i];
                high[i] += dy[i];
            }
        }
        return new DataPoints(low, high);
    }
}
