package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GammaMethodHandComputedTest {
    private static final double TOL = 1e-12;

    /**
     * x = 11 12 10 9 8 10, N = 6, mean 10, δ = 1 2 0 -1 -2 0, W_max = 6/2 - 1 = 2.
     * Γ(0) = (1+4+0+1+4+0)/6 = 5/3;  Γ(1) = (2+0+0+2+0)/5 = 4/5;  Γ(2) = (0-2+0+0)/4 = -1/2.
     * ρ(1) = 0.48, ρ(2) = -0.3, τ_int(1) = 0.98.
     * W = 1: τ = 2/ln(2.96/0.96) = 2/ln(37/12) = 1.7762, g(1) = sqrt(12/37) - τ/sqrt(6) = 0.5695 - 0.7251 < 0.
     * tauInt = 0.98 (1 + 3/6)/(1 + 1/6) = 0.98 * 9/7 = 1.26.
     * error² = 2 * 1.26 * (5/3) * (7/6) / 6 = 49/60;  errorOfError = error * sqrt(1.5/6) = error/2.
     * tauIntError = 2 * 0.98 * sqrt(|1.5 - 0.98|/6) = 1.96 sqrt(13/150).
     * rho for t = 0..min(W_max, max(10, 2W)) = 0..2.
     */
    @Test
    void sixNumbers() {
        GammaResult r = GammaMethod.analyze(new double[][] {{11, 12, 10, 9, 8, 10}});
        assertEquals(10, r.value(), TOL);
        assertEquals(1, r.window());
        assertEquals(1.26, r.tauInt(), TOL);
        assertEquals(1.96 * Math.sqrt(13.0 / 150), r.tauIntError(), TOL);
        assertEquals(Math.sqrt(49.0 / 60), r.error(), TOL);
        assertEquals(Math.sqrt(49.0 / 60) / 2, r.errorOfError(), TOL);
        assertArrayEquals(new double[] {1, 0.48, -0.3}, r.rho(), TOL);
        assertEquals(6, r.samples());
        assertEquals(1, r.replicas());
    }

    /**
     * Two replicas {1,3,1,3} and {5,7}: each is centred on its own mean (2 and 6, pyerrors convention), so the
     * large difference of the replica means does not enter the error.
     * δ = (-1 1 -1 1), (-1 1); N = 6; W_max = 4/2 - 1 = 1.
     * Γ(0) = (4 + 2)/6 = 1;  Γ(1) = ((-1-1-1) + (-1)) / (3 + 1) = -1, so τ_int(1) = -1/2, floored to 1/2 + 2^-52.
     * g(1) = exp(-1/τ) - τ/sqrt(6) with τ = 2/ln(2^52 + 1) = 0.0555: about 1.5e-8 - 0.0227 < 0, so W = 1.
     * tauInt = (1/2 + ε) 9/7;  error² = 2 tauInt (7/6)/6 = (1 + 2ε)/4;  tauIntError = 2 (1/2 + ε) sqrt((1 - ε)/6).
     */
    @Test
    void twoReplicasWithDifferentMeans() {
        double eps = Math.ulp(1.0);
        GammaResult r = GammaMethod.analyze(new double[][] {{1, 3, 1, 3}, {5, 7}});
        assertEquals(20.0 / 6, r.value(), TOL);
        assertEquals(1, r.window());
        assertEquals((0.5 + eps) * 9 / 7, r.tauInt(), TOL);
        assertEquals(0.5, r.error(), TOL);
        assertEquals(0.5 * Math.sqrt(1.5 / 6), r.errorOfError(), TOL);
        assertEquals(Math.sqrt(1.0 / 6), r.tauIntError(), TOL);
        assertArrayEquals(new double[] {1, -1}, r.rho(), TOL);
        assertEquals(2, r.replicas());
        assertEquals(6, r.samples());
    }
}
