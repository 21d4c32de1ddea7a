package org.latticespark.tests.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.analysis.GammaResult;
import org.latticespark.generation.ChainConfig;

/**
 * 2d U(1) on an L×T torus is solvable: with e^{β cos θ} = Σ_n I_n(β) e^{inθ}, integrating the links
 * forces every plaquette into the same representation n, so Z = Σ_n I_n(β)^V (V plaquettes) and
 * ⟨cos θ_p⟩ = Σ_n I_n^{V−1} I_n' / Σ_n I_n^V with I_n' = (I_{n−1} + I_{n+1})/2. On a 4×2 lattice the
 * n ≠ 0 sectors shift the plaquette by many standard errors, so the finite-volume formula is tested.
 */
class U1TwoDimensionalExactTest {
    private static final double BETA = 2.0;

    static double besselI(int n, double x) {
        n = Math.abs(n);
        double term = Math.pow(x / 2, n);
        for (int k = 1; k <= n; k++) term /= k;
        double sum = 0;
        for (int k = 0; k < 200; k++) {
            sum += term;
            term *= (x / 2) * (x / 2) / ((k + 1.0) * (k + 1.0 + n));
            if (term < 1e-18 * sum) break;
        }
        return sum;
    }

    static double exactPlaquette(double beta, int plaquettes) {
        double num = 0, den = 0;
        for (int n = -30; n <= 30; n++) {
            double in = besselI(n, beta);
            double derivative = 0.5 * (besselI(n - 1, beta) + besselI(n + 1, beta));
            num += Math.pow(in, plaquettes - 1) * derivative;
            den += Math.pow(in, plaquettes);
        }
        return num / den;
    }

    @Test
    void besselFunctionsMatchKnownValues() {
        assertEquals(2.2795853023360673, besselI(0, 2.0), 1e-14);
        assertEquals(1.5906368546373291, besselI(1, 2.0), 1e-14);
        assertEquals(0.6889484476987382, besselI(2, 2.0), 1e-14);
    }

    private static ChainConfig.Builder base() {
        return ChainConfig.builder().ensemble("u1-2d").group("U1").extents(4, 2).beta(BETA).start(ChainConfig.Start.HOT)
                .seed(2024).chains(4).thermalization(100).saveEvery(100).configurations(40);
    }

    @Test
    void heatbathAndHmcReproduceTheExactPlaquette() {
        double exact = exactPlaquette(BETA, 8);
        double infiniteVolume = besselI(1, BETA) / besselI(0, BETA);
        GammaResult hb = new ChainSeries(base().algorithm(ChainConfig.Algorithm.HEATBATH).overrelaxation(1).build()).plaquette();
        GammaResult hmc = new ChainSeries(base().algorithm(ChainConfig.Algorithm.HMC).steps(8).trajectoryLength(1.0)
                .build()).plaquette();
        ChainSeries.report("2d U1 4x2 beta=2 heatbath plaquette", hb, exact);
        ChainSeries.report("2d U1 4x2 beta=2 HMC plaquette", hmc, exact);
        for (GammaResult r : new GammaResult[] {hb, hmc}) {
            double z = Math.abs(r.value() - exact) / r.error();
            assertTrue(z < 4, "plaquette " + r.value() + " ± " + r.error() + " vs exact " + exact + " (z = " + z + ")");
        }
        assertTrue(Math.abs(hb.value() - infiniteVolume) / hb.error() > 3,
                "the test must resolve the finite-volume sectors: " + hb.value() + " vs " + infiniteVolume);
    }
}
