package org.latticespark.analysis.plot;

/**
 * The shown interval of one axis. Data ranges are widened by {@value #PAD} of their span on each side
 * (linear) or of their number of decades (logarithmic), so that no point sits on the frame.
 */
record AxisRange(double low, double high, boolean logarithmic) {
    static final double PAD = 0.04;
    /** Figure sets XChart's tick spacing hints to 1/{@value} of the chart size. */
    static final int TICK_HINT_FRACTION = 10;
    /** About as many ticks as these hints give on the plot area (smaller than the chart). */
    private static final int NOMINAL_TICKS = 7;
    private static final int MAX_DECIMALS = 6;
    /** Spans below this fraction of the magnitude are rounding noise: the data are one value. */
    private static final double RELATIVE_NOISE = 1e-9;

    /** Exactly [low, high] on a linear axis. */
    static AxisRange exact(double low, double high) {
        return new AxisRange(low, high, false);
    }

    /** [min, max] padded; a single value gets an interval of ±10% of its magnitude (±1 for zero). */
    static AxisRange linear(double min, double max) {
        double span = max - min;
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (!(span > RELATIVE_NOISE * magnitude)) {
            double half = magnitude == 0 ? 1 : 0.1 * magnitude;
            return new AxisRange(min - half, max + half, false);
        }
        return new AxisRange(min - PAD * span, max + PAD * span, false);
    }

    /** [min, max], both &gt; 0, padded by a factor; a single value gets a factor of 2 either side. */
    static AxisRange logarithmic(double min, double max) {
        double factor = max > min ? Math.pow(max / min, PAD) : 2;
        return new AxisRange(min / factor, max * factor, true);
    }

    /** Half-width of error-bar caps on this (linear) x axis: about 4 px at the default size. */
    double capHalfWidth() {
        return 0.006 * (high - low);
    }

    /**
     * A {@link java.text.DecimalFormat} pattern with the decimals of the tick step XChart most likely
     * chooses (span / {@value #NOMINAL_TICKS} rounded up to 1, 2 or 5 × 10^k as XChart rounds), so that all
     * tick labels have the same decimals and a leading zero. Should XChart want a finer step, the labels
     * would repeat, and XChart then retries with coarser steps until they do not. Logarithmic axes reaching
     * beyond [10^−3, 10^4] get exponents throughout ("1E-5") rather than a mix with decimals. Null (XChart's
     * default, which switches to exponents) where a fixed pattern would render badly.
     */
    String decimalPattern() {
        if (logarithmic) {
            return low < 1e-3 || high > 1e4 ? "0E0" : null;
        }
        double magnitude = Math.max(Math.abs(low), Math.abs(high));
        if (magnitude >= 1e7) {
            return null;
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(niceStep((high - low) / NOMINAL_TICKS))));
        if (decimals > MAX_DECIMALS) {
            return null;
        }
        return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    }

    /** XChart's rounding of a raw tick step: significand above 7.5 → 10, above 3.5 → 5, above 1.5 → 2, else 1. */
    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double significand = raw / power;
        double nice = significand > 7.5 ? 10 : significand > 3.5 ? 5 : significand > 1.5 ? 2 : 1;
        return nice * power;
    }
}
