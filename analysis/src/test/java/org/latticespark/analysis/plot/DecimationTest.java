package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.analysis.Ar1;

class DecimationTest {
    @Test
    void shortSeriesAreKeptWhole() {
        double[] x = {1, 2, 3, 4};
        double[] y = {5, 6, 7, 8};
        double[][] kept = Decimation.minMax(x, y, 2);
        assertSame(x, kept[0]);
        assertSame(y, kept[1]);
    }

    /** Every group's minimum and maximum survive, in order, and nothing else does. */
    @Test
    void keepsEachGroupsExtremesInOrder() {
        int n = 10_007;
        int buckets = 100;
        double[] x = new double[n];
        double[] y = Ar1.series(0.9, n, 31);
        for (int i = 0; i < n; i++) {
            x[i] = 3 * i;
        }
        double[][] thin = Decimation.minMax(x, y, buckets);
        assertTrue(thin[0].length <= 2 * buckets);
        for (int i = 1; i < thin[0].length; i++) {
            assertTrue(thin[0][i] > thin[0][i - 1], "x increasing at " + i);
        }
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
            }
            double first = thin[1][k++];
            double second = thin[1][k++];
            assertEquals(min, Math.min(first, second), "bucket " + b);
            assertEquals(max, Math.max(first, second), "bucket " + b);
            assertTrue(thin[0][k - 1] < 3 * to && thin[0][k - 2] >= 3 * from, "bucket " + b + " x inside");
        }
        assertEquals(thin[0].length, k);
    }
}
