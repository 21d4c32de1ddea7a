package org.latticespark.analysis.plot;

import java.util.Arrays;

/**
 * Thins long series for drawing without changing their look: the points are cut into {@code buckets}
 * consecutive groups and each group keeps its smallest and largest value, in their original order. A line
 * through the result covers the same vertical extent in every group, which at {@value Style#WIDTH} px
 * and 1000 groups is under a pixel wide. Series of at most 2 × buckets points are kept whole.
 */
final class Decimation {
    static final int BUCKETS = 1000;

    private Decimation() {
    }

    /** @return {x, y}, possibly the input arrays themselves */
    static double[][] minMax(double[] x, double[] y, int buckets) {
        int n = y.length;
        if (n <= 2 * buckets) {
            return new double[][] {x, y};
        }
        double[] dx = new double[2 * buckets];
        double[] dy = new double[2 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            int lowest = from;
            int highest = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[lowest]) {
                    lowest = i;
                }
                if (y[i] > y[highest]) {
                    highest = i;
                }
            }
            int first = Math.min(lowest, highest);
            int second = Math.max(lowest, highest);
            dx[k] = x[first];
            dy[k++] = y[first];
            if (second != first) {
                dx[k] = x[second];
                dy[k++] = y[second];
            }
        }
        return new double[][] {Arrays.copyOf(dx, k), Arrays.copyOf(dy, k)};
    }
}
