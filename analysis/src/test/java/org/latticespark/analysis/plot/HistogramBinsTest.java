package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistogramBinsTest {
    @Test
    void equalWidthBinsOverTheRange() {
        HistogramBins h = HistogramBins.of(new double[] {9, 0, 1, 2, 3, 4, 5, 6, 7, 8}, 5);
        assertArrayEquals(new double[] {0, 1.8, 3.6, 5.4, 7.2, 9}, h.edges(), 1e-15);
        assertArrayEquals(new long[] {2, 2, 2, 2, 2}, h.counts());
    }

    @Test
    void lowerEdgeBelongsToTheBinAndMaximumToTheLastBin() {
        HistogramBins h = HistogramBins.of(new double[] {0, 1, 1, 2, 3, 4}, 4);
        assertArrayEquals(new long[] {1, 2, 1, 2}, h.counts());
    }

    @Test
    void constantDataFallInTheMiddleBin() {
        HistogramBins h = HistogramBins.of(new double[] {-3, -3, -3}, 5);
        assertEquals(-3.3, h.edges()[0], 1e-15);
        assertEquals(-2.7, h.edges()[5], 1e-15);
        assertArrayEquals(new long[] {0, 0, 3, 0, 0}, h.counts());
        assertArrayEquals(new long[] {0, 0, 2, 0, 0}, HistogramBins.of(new double[] {0, 0}, 5).counts());
    }

    @Test
    void extremeValuesDoNotOverflow() {
        HistogramBins h = HistogramBins.of(new double[] {-Double.MAX_VALUE, 0, Double.MAX_VALUE}, 2);
        assertArrayEquals(new long[] {1, 2}, h.counts());
        assertEquals(HistogramBins.MAX_AUTOMATIC, HistogramBins.freedmanDiaconis(
                new double[] {-Double.MAX_VALUE, 0, 0, 0, 0, Double.MAX_VALUE}));
    }

    @Test
    void quantilesInterpolateLikeNumpy() {
        double[] sorted = {1, 2, 3, 4};
        // numpy.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.75, 1]) = [1, 1.75, 2.5, 3.25, 4]
        assertEquals(1, HistogramBins.quantile(sorted, 0));
        assertEquals(1.75, HistogramBins.quantile(sorted, 0.25));
        assertEquals(2.5, HistogramBins.quantile(sorted, 0.5));
        assertEquals(3.25, HistogramBins.quantile(sorted, 0.75));
        assertEquals(4, HistogramBins.quantile(sorted, 1));
    }

    /** 0..511: IQR = 383.25 − 127.75 = 255.5, width 2 · 255.5 / 512^(1/3) = 63.875, range 511: 8 bins. */
    @Test
    void freedmanDiaconisCount() {
        double[] values = new double[512];
        for (int i = 0; i < values.length; i++) {
            values[i] = 511 - i;
        }
        assertEquals(8, HistogramBins.freedmanDiaconis(values));
    }

    @Test
    void freedmanDiaconisIsClamped() {
        double[] few = {1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals(HistogramBins.MIN_AUTOMATIC, HistogramBins.freedmanDiaconis(few));
        double[] spike = new double[1000];
        spike[999] = 1;
        assertEquals(HistogramBins.MAX_AUTOMATIC, HistogramBins.freedmanDiaconis(spike));
        assertEquals(HistogramBins.MIN_AUTOMATIC, HistogramBins.freedmanDiaconis(new double[] {2, 2, 2}));
    }
}
