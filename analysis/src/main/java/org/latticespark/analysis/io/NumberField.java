package org.latticespark.analysis.io;

import java.util.regex.Pattern;

/**
 * Decimal numbers as scientific codes write them: {@code 12}, {@code -0.2}, {@code .5}, {@code 1.5e-3}, Fortran's
 * {@code 1.5D-03}, and {@code NaN}, {@code inf}, {@code Infinity} with any sign and case. Unlike
 * {@link Double#parseDouble} it rejects Java-only forms (hexadecimal, {@code 1f}, {@code 1d}) and surrounding
 * blanks.
 */
final class NumberField {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eEdD][+-]?[0-9]+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private NumberField() {
    }

    static boolean isNumber(String field) {
        return DECIMAL.matcher(field).matches() || NON_FINITE.matcher(field).matches();
    }

    /** The value; {@code 1e400} gives infinity. Throws NumberFormatException for anything but a number. */
    static double parse(String field) {
        if (DECIMAL.matcher(field).matches()) {
            return Double.parseDouble(field.replace('d', 'e').replace('D', 'e'));
        }
        if (NON_FINITE.matcher(field).matches()) {
            String lower = field.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith("nan")) {
                return Double.NaN;
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException("not a number: '" + field + "'");
    }
}
