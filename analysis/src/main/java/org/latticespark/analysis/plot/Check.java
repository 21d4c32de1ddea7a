package org.latticespark.analysis.plot;

/** Argument checks whose messages name the argument and, for arrays, the offending index. */
final class Check {
    private Check() {
    }

    static String text(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null (use \"\" for none)");
        }
        return value;
    }

    static void finite(double[] values, String name, int minLength) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (values.length < minLength) {
            throw new IllegalArgumentException(name + " has " + values.length + " value(s), needs at least "
                    + minLength);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not finite");
            }
        }
    }

    static void finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not finite");
        }
    }

    static void nonNegative(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is negative");
            }
        }
    }

    static void positive(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i]
                        + " is not > 0 (logarithmic axis)");
            }
        }
    }

    static void increasing(double[] values, String name) {
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new IllegalArgumentException(name + " must be strictly increasing, but " + name + "[" + i
                        + "] = " + values[i] + " follows " + values[i - 1]);
            }
        }
    }

    static void sameLength(double[] a, String nameA, double[] b, String nameB) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(nameA + " has " + a.length + " values but " + nameB + " has "
                    + b.length);
        }
    }
}
