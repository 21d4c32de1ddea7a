package org.latticespark.analysis.plot;

import java.util.Locale;

/** "value ± error" with the error to two significant digits and the value to the same decimal place. */
final class ValueFormat {
    private ValueFormat() {
    }

    static String withError(double value, double error) {
        if (!(error > 0) || !Double.isFinite(error)) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        int decimals = 1 - (int) Math.floor(Math.log10(error));
        if (decimals < 0 || decimals > 8) {
            int digits = Math.max(1, (int) Math.floor(Math.log10(Math.abs(value) / error)) + 1);
            return String.format(Locale.ROOT, "%." + digits + "e ± %.1e", value, error);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", value, error);
    }
}
