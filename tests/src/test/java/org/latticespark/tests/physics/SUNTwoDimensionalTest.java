package org.latticespark.tests.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.analysis.GammaResult;
import org.latticespark.generation.ChainConfig;

/**
 * 2d SU(N) gauge theory: in the thermodynamic limit the plaquettes are independent, each with the
 * one-link weight exp((β/N) Re tr U), so ⟨(1/N) Re tr U_p⟩ = (1/N) d ln z/dγ at γ = β/N, where
 * z(γ) = ∫_{SU(N)} dU e^{γ Re tr U} = Σ_{q∈ℤ} det[I_{q+i−j}(γ)]_{i,j=1..N}. On a 16×16 torus the
 * other representations are suppressed by (their weight ratio)^256: invisible here.
 */
class SUNTwoDimensionalTest {
    static double oneLinkIntegral(int n, double gamma) {
        double z = 0;
        for (int q = -25; q <= 25; q++) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) a[i][j] = U1TwoDimensionalExactTest.besselI(q + i - j, gamma);
            }
            z += determinant(a);
        }
        return z;
    }

    static double exactPlaquette(int n, double beta) {
        double gamma = beta / n, h = 1e-5;
        return (Math.log(oneLinkIntegral(n, gamma + h)) - Math.log(oneLinkIntegral(n, gamma - h))) / (2 * h) / n;
    }

    private static double determinant(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) m[i] = a[i].clone();
        double d = 1;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            if (p != c) {
                double[] t = m[p];
                m[p] = m[c];
                m[c] = t;
                d = -d;
            }
            d *= m[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) m[r][k] -= f * m[c][k];
            }
        }
        return d;
    }

    /** For SU(2) the one-link result is the classic I₂(β)/I₁(β). */
    @Test
    void formulaReducesToTheSu2BesselRatio() {
        for (double beta : new double[] {0.5, 2.0, 6.0}) {
            assertEquals(U1TwoDimensionalExactTest.besselI(2, beta) / U1TwoDimensionalExactTest.besselI(1, beta),
                    exactPlaquette(2, beta), 1e-8);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU2", 4.0, ChainConfig.Algorithm.HEATBATH, 4),
                Arguments.of("SU2", 4.0, ChainConfig.Algorithm.HMC, 8),
                Arguments.of("SU4", 10.0, ChainConfig.Algorithm.HEATBATH, 4),
                Arguments.of("SU4", 10.0, ChainConfig.Algorithm.HMC, 1));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void plaquetteMatchesTheExactResult(String group, double beta, ChainConfig.Algorithm algorithm, int blocks) {
        ChainConfig config = ChainConfig.builder().ensemble("2d").group(group).extents(16, 16).beta(beta)
                .algorithm(algorithm).overrelaxation(1).steps(6).trajectoryLength(1.0).start(ChainConfig.Start.HOT)
                .seed(404).chains(4).thermalization(50).saveEvery(50).configurations(blocks).build();
        GammaResult p = new ChainSeries(config).plaquette();
        double exact = exactPlaquette(Integer.parseInt(group.substring(2)), beta);
        ChainSeries.report("2d " + group + " beta=" + beta + " " + algorithm + " plaquette", p, exact);
        assertEquals(exact, p.value(), 4 * p.error(), group + " " + algorithm + ": " + p.value() + " ± " + p.error());
        assertTrue(p.error() < 3e-3, "error " + p.error());
    }
}
