package org.latticespark.analysis.io;

import java.util.Arrays;

/** A growable double[]. */
final class DoubleList {
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private double[] values = new double[1024];
    private int size;

    /** Returns false when the list is full (more than about 2^31 values). */
    boolean add(double v) {
        if (size == values.length) {
            if (size == MAX_LENGTH) {
                return false;
            }
            values = Arrays.copyOf(values, (int) Math.min(MAX_LENGTH, 2L * size));
        }
        values[size++] = v;
        return true;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
