package org.latticespark.analysis.plot;

/** Running minimum and maximum of the finite values offered; NaN marks "nothing to include". */
final class Bounds {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    Bounds include(double value) {
        if (Double.isFinite(value)) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return this;
    }

    Bounds include(double[] values) {
        for (double v : values) {
            include(v);
        }
        return this;
    }

    boolean isEmpty() {
        return min > max;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    AxisRange linear() {
        return AxisRange.linear(min, max);
    }

    AxisRange logarithmic() {
        return AxisRange.logarithmic(min, max);
    }
}
