package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * The Hasenbusch ratio det(Ŝ†Ŝ)/det(Ŝ_h†Ŝ_h): action against the dense φ†Ŝ_h(Ŝ†Ŝ)⁻¹Ŝ_h†φ, the heat bath
 * (S_f = |χ|² draw by draw up to the solver tolerance, hence the Gamma(V/2·S·N, 1) law), input checks. The force is
 * in {@link WilsonForceTest}, the molecular dynamics in {@link WilsonMolecularDynamicsTest}.
 */
class WilsonHasenbuschTest {
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 0.12, 0.08),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 0.12, 0.1),
                Arguments.of("U1", new int[] {4, 4}, 0.2, 0.12));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void actionEqualsTheDenseRatio(String name, int[] extents, double kappa, double kappaH) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(81, 0), par);
        WilsonHasenbuschRatio ratio = new WilsonHasenbuschRatio(f.lattice(), f.group(), kappa, kappaH, 1,
                new ConjugateGradient(1e-13, 10_000, par), par);
        ratio.heatbath(f, new RandomStream(82, 0), 2);
        double cg = ratio.action(f);

        ZMatrixRMaj s = WilsonTestSupport.dense(new WilsonEvenOdd(f, kappa, par).schur());
        ZMatrixRMaj sh = WilsonTestSupport.dense(new WilsonEvenOdd(f, kappaH, par).schur());
        ZMatrixRMaj normal = new ZMatrixRMaj(s.numRows, s.numCols);
        CommonOps_ZDRM.mult(CommonOps_ZDRM.transposeConjugate(s, null), s, normal);
        ZMatrixRMaj psi = new ZMatrixRMaj(s.numRows, 1);
        CommonOps_ZDRM.mult(CommonOps_ZDRM.transposeConjugate(sh, null), WilsonTestSupport.column(ratio.phi()), psi);
        ZMatrixRMaj x = new ZMatrixRMaj(s.numRows, 1);
        assertTrue(CommonOps_ZDRM.solve(normal, psi, x));
        double exact = WilsonTestSupport.reDot(psi, x);
        // measured ≤ 6e-16 relative with CG at 1e-13
        assertEquals(exact, cg, 1e-10 * exact, name);
    }

    /** φ = (Ŝ_h†)⁻¹Ŝ†χ makes S_f = |χ|² exactly; with both CGs at 1e-11 the deviation measured ≤ 3e-13 relative. */
    @ParameterizedTest
    @MethodSource("cases")
    void actionAfterTheHeatbathIsTheNormOfChi(String name, int[] extents, double kappa, double kappaH) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(83, 0), par);
        WilsonHasenbuschRatio ratio = new WilsonHasenbuschRatio(f.lattice(), f.group(), kappa, kappaH, 5,
                new ConjugateGradient(1e-11, 10_000, par), par);
        int spins = extents.length == 4 ? 4 : 2;
        double k = ratio.complexDegreesOfFreedom();
        assertEquals(f.lattice().volume() / 2 * spins * f.group().n(), k, name);
        RandomStream stream = new RandomStream(84, 0);
        int draws = 100;
        double mean = 0;
        for (int t = 0; t < draws; t++) {
            ratio.heatbath(f, stream, t);
            double s = ratio.action(f);
            double chi2 = WilsonTestSupport.norm2(WilsonTestSupport.chi(f, spins, stream, t, 5));
            assertEquals(chi2, s, 1e-8 * chi2, name + " draw " + t);
            mean += s / draws;
        }
        double z = (mean - k) / Math.sqrt(k / draws);
        assertTrue(Math.abs(z) < 4, name + ": <S_f> = " + mean + " for k = " + k + ", z = " + z);
        assertTrue(ratio.solverIterations() > 0);
    }

    @Test
    void badInputIsRefusedWithItsName() {
        Lattice lat = new Lattice(4, 4);
        GaugeGroup g = GaugeGroup.of("U1");
        ConjugateGradient cg = new ConjugateGradient(1e-10, 100, par);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonHasenbuschRatio(lat, g, 0.2, 0.2, 0, cg, par)).getMessage().contains("below"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonHasenbuschRatio(lat, g, 0.2, 0.0, 0, cg, par)).getMessage()
                .contains("Hasenbusch kappa"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonHasenbuschRatio(lat, g, -0.1, -0.2, 0, cg, par)).getMessage().contains("kappa"));
        WilsonHasenbuschRatio ratio = new WilsonHasenbuschRatio(lat, g, 0.2, 0.1, 0, cg, par);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ratio.force(GaugeField.cold(lat, g), new double[5])).getMessage().contains("force array"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ratio.action(GaugeField.cold(new Lattice(2, 4), g))).getMessage().contains("made for"));
    }
}
