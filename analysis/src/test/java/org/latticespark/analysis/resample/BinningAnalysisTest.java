package org.latticespark.analysis.resample;

import org.latticespark.analysis.Ar1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinningAnalysisTest {
    @Test
    void handComputedBinSizeTwo() {
        // bins 1.5, 3.5, 5.5 (7 dropped): Σ(x - 3.5)² = 8, err = sqrt(8 / (3·2)); err(1) = sqrt(28 / (7·6))
        BinningResult result = BinningAnalysis.of(new double[][] {{1, 2, 3, 4, 5, 6, 7}}, new int[] {2, 1});
        assertArrayEquals(new int[] {2, 1}, result.binSizes());
        assertArrayEquals(new int[] {3, 7}, result.bins());
        assertEquals(Math.sqrt(2.0 / 3), result.unbinnedError(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(4.0 / 3), Math.sqrt(2.0 / 3)}, result.errors(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(4.0 / 3) / 2, Math.sqrt(2.0 / 3) / Math.sqrt(12)},
                result.errorsOfErrors(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.5}, result.tauInt(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.5 / Math.sqrt(3)}, result.tauIntErrors(), 1e-15);
    }

    @Test
    void defaultBinSizesArePowersOfTwoKeepingMinBins() {
        double[] x = Ar1.series(0.3, 1000, 8);
        // 1000 / 16 = 62 bins, 1000 / 32 = 31 < 32
        assertArrayEquals(new int[] {1, 2, 4, 8, 16}, BinningAnalysis.of(new double[][] {x}).binSizes());
        // replicas 100 and 40: b = 32 gives 3 + 1 = 4 bins; b = 64 exceeds the shorter replica
        double[][] two = {Ar1.series(0.3, 100, 9), Ar1.series(0.3, 40, 10)};
        BinningResult result = BinningAnalysis.of(two, 4);
        assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32}, result.binSizes());
        assertArrayEquals(new int[] {140, 70, 35, 17, 8, 4}, result.bins());
        assertEquals(0.5, result.tauInt()[0], 1e-15);
    }
}
