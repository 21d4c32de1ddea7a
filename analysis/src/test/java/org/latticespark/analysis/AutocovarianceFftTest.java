package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutocovarianceFftTest {

    @Test
    void fftMatchesDirectSumsUpToTheLongestLag() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 1; n <= 70; n++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextDouble() - 0.5;
            }
            double[] expected = new double[n];
            for (int t = 0; t < n; t++) {
                for (int i = 0; i + t < n; i++) {
                    expected[t] += x[i] * x[i + t];
                }
            }
            assertArrayEquals(expected, Fft.autocorrelation(x, n - 1), 1e-13, "length " + n);
        }
    }

    /** Same analysis with Γ from direct sums only and from the FFT only. */
    @Test
    void analysisAgreesForBothWaysOfComputingGamma() {
        double[][] replicas = {Ar1.series(0.99, 30_000, 11), Ar1.series(0.99, 20_001, 12), Ar1.series(0.99, 777, 13)};
        GammaResult direct = GammaMethod.analyze(replicas, 2.0, Integer.MAX_VALUE);
        GammaResult fft = GammaMethod.analyze(replicas, 2.0, 0);
        GammaResult automatic = GammaMethod.analyze(replicas);
        assertEquals(direct.window(), fft.window());
        assertEquals(direct.tauInt(), fft.tauInt(), 1e-12 * direct.tauInt());
        assertEquals(direct.error(), fft.error(), 1e-12 * direct.error());
        assertArrayEquals(direct.rho(), fft.rho(), 1e-12);
        assertTrue(2 * direct.window() > Autocovariance.DEFAULT_FFT_FROM_LAG, "default path must end on the FFT");
        assertEquals(fft.error(), automatic.error(), 0.0);
    }
}
