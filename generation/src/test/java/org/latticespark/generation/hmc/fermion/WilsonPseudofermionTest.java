package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * The plain Wilson pseudofermion: action against a dense solve, det M = det Ŝ (dense determinants), the heat bath
 * (S_f = |χ|² per draw and the Gamma(V/2·S·N, 1) law of S_f), thread-count independence and input checks.
 */
class WilsonPseudofermionTest {
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 0.12),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 0.12),
                Arguments.of("U1", new int[] {4, 4}, 0.2));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void actionEqualsTheDenseSolve(String name, int[] extents, double kappa) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(91, 0), par);
        WilsonPseudofermion pf = new WilsonPseudofermion(f.lattice(), f.group(), kappa, 0,
                new ConjugateGradient(1e-13, 10_000, par), par);
        pf.heatbath(f, new RandomStream(92, 0), 3);
        double cg = pf.action(f);

        ZMatrixRMaj s = WilsonTestSupport.dense(new WilsonEvenOdd(f, kappa, par).schur());
        ZMatrixRMaj normal = new ZMatrixRMaj(s.numRows, s.numCols);
        CommonOps_ZDRM.mult(CommonOps_ZDRM.transposeConjugate(s, null), s, normal);
        ZMatrixRMaj phi = WilsonTestSupport.column(pf.phi());
        ZMatrixRMaj x = new ZMatrixRMaj(phi.numRows, 1);
        assertTrue(CommonOps_ZDRM.solve(normal, phi, x));
        double exact = WilsonTestSupport.reDot(phi, x);
        // measured ≤ 6e-16 relative with CG at 1e-13
        assertEquals(exact, cg, 1e-10 * exact, name);
    }

    /** M = [[1, −κH_eo], [−κH_oe, 1]] gives det M = det Ŝ, so det(M†M)/det(Ŝ†Ŝ) = 1 on every gauge field. */
    @ParameterizedTest
    @MethodSource("cases")
    void determinantOfTheSchurComplementIsThatOfTheFullOperator(String name, int[] extents, double kappa) {
        Complex_F64[] full = new Complex_F64[2];
        for (int k = 0; k < 2; k++) {
            GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(93 + k, 0), par);
            full[k] = CommonOps_ZDRM.det(WilsonTestSupport.dense(new WilsonOperator(f, kappa, par)));
            Complex_F64 schur = CommonOps_ZDRM.det(WilsonTestSupport.dense(new WilsonEvenOdd(f, kappa, par).schur()));
            double scale = full[k].getMagnitude(); // agreement measured ≤ 2e-15 relative
            assertEquals(full[k].real, schur.real, 1e-12 * scale, name + " Re det, field " + k);
            assertEquals(full[k].imaginary, schur.imaginary, 1e-12 * scale, name + " Im det, field " + k);
        }
        double change = Math.abs(Math.log(full[0].getMagnitude() / full[1].getMagnitude()));
        assertTrue(change > 1e-3, name + ": |det M| must depend on the gauge field, log ratio " + change);
    }

    /**
     * S_f = χ†Ŝ(Ŝ†Ŝ)⁻¹Ŝ†χ = |χ|² draw by draw (χ redrawn here with the documented keying), so S_f ~ Gamma(k, 1) with
     * k = V/2·S·N: mean k, variance k, and the sample variance has variance (2k² + 6k)/draws.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void actionAfterTheHeatbathIsTheNormOfChiWithItsGammaLaw(String name, int[] extents, double kappa) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(51, 0), par);
        WilsonPseudofermion pf = new WilsonPseudofermion(f.lattice(), f.group(), kappa, 4,
                new ConjugateGradient(1e-11, 10_000, par), par);
        int spins = extents.length == 4 ? 4 : 2;
        double k = pf.complexDegreesOfFreedom();
        assertEquals(f.lattice().volume() / 2 * spins * f.group().n(), k, name);
        RandomStream stream = new RandomStream(52, 0);
        int draws = 300;
        double[] s = new double[draws];
        for (int t = 0; t < draws; t++) {
            pf.heatbath(f, stream, t);
            s[t] = pf.action(f);
            double chi2 = WilsonTestSupport.norm2(WilsonTestSupport.chi(f, spins, stream, t, 4));
            assertEquals(chi2, s[t], 1e-8 * chi2, name + " draw " + t);
        }
        GammaLaw.assertGamma(s, k, name);
    }

    @Test
    void heatbathActionAndForceDoNotDependOnTheThreadCount() {
        Lattice lat = new Lattice(4, 4, 4, 4);
        GaugeGroup g = GaugeGroup.of("SU3");
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(61, 0), par);
        double[][] phi = new double[2][];
        double[] action = new double[2];
        double[][] force = new double[2][lat.links() * g.algebraDimension()];
        int[] threads = {1, 3};
        for (int i = 0; i < 2; i++) {
            try (Parallelism p = new Parallelism(threads[i])) {
                WilsonPseudofermion pf = new WilsonPseudofermion(lat, g, 0.12, 2,
                        new ConjugateGradient(1e-10, 10_000, p), p);
                pf.heatbath(f, new RandomStream(62, 0), 7);
                phi[i] = pf.phi().clone();
                action[i] = pf.action(f);
                pf.force(f, force[i]);
                assertTrue(pf.solverIterations() > 0);
            }
        }
        assertArrayEquals(phi[0], phi[1]);
        assertEquals(action[0], action[1], 0.0);
        assertArrayEquals(force[0], force[1]);
    }

    @Test
    void badInputIsRefusedWithItsName() {
        Lattice lat = new Lattice(4, 4);
        GaugeGroup g = GaugeGroup.of("U1");
        ConjugateGradient cg = new ConjugateGradient(1e-10, 100, par);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonPseudofermion(lat, g, 0.0, 0, cg, par)).getMessage().contains("kappa"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonPseudofermion(lat, g, Double.NaN, 0, cg, par)).getMessage().contains("kappa"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonPseudofermion(new Lattice(3, 4), g, 0.1, 0, cg, par)).getMessage()
                .contains("even extents"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonPseudofermion(new Lattice(4, 4, 4), g, 0.1, 0, cg, par)).getMessage()
                .contains("d = 3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonPseudofermion(lat, g, 0.1, 70_000, cg, par)).getMessage().contains("index"));
        WilsonPseudofermion pf = new WilsonPseudofermion(lat, g, 0.1, 0, cg, par);
        GaugeField other = GaugeField.cold(new Lattice(4, 2), g);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pf.action(other)).getMessage()
                .contains("made for"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> pf.force(GaugeField.cold(lat, g), new double[3])).getMessage().contains("force array"));
    }
}
