package org.latticespark.lattice.fermion.wilson;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

class WilsonEvenOddTest {
    private static final double EPS = 1e-13;
    private static final double KAPPA = 0.13;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 4, 4}),
                Arguments.of("U1", new int[] {8, 6}),
                Arguments.of("SU2", new int[] {2, 4, 2, 4}));
    }

    private static GaugeField hot(String group, int[] extents) {
        return GaugeField.hot(new Lattice(extents), GaugeGroup.of(group), new RandomStream(41, 3), Parallelism.serial());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hoppingBlocksAreTheParityBlocksOfTheFullHoppingTerm(String group, int[] extents) {
        GaugeField u = hot(group, extents);
        WilsonOperator m = new WilsonOperator(u, KAPPA, Parallelism.serial());
        WilsonEvenOdd eo = new WilsonEvenOdd(u, KAPPA, Parallelism.serial());
        double[] x = ComplexFields.gaussian(m.length(), 42, 0);
        double[] xe = new double[eo.halfLength()], xo = new double[eo.halfLength()];
        eo.extract(x, 0, xe);
        eo.extract(x, 1, xo);
        for (boolean dagger : new boolean[] {false, true}) {
            double[] hx = new double[m.length()];
            m.applyHopping(x, hx, dagger);
            double[] fullEven = new double[eo.halfLength()], fullOdd = new double[eo.halfLength()];
            eo.extract(hx, 0, fullEven);
            eo.extract(hx, 1, fullOdd);
            double[] even = new double[eo.halfLength()], odd = new double[eo.halfLength()];
            eo.hoppingEvenOdd(xo, even, dagger);
            eo.hoppingOddEven(xe, odd, dagger);
            assertTrue(ComplexFields.maxAbsDiff(fullEven, even) < EPS, "(H x)_e = H_eo x_o, dagger " + dagger);
            assertTrue(ComplexFields.maxAbsDiff(fullOdd, odd) < EPS, "(H x)_o = H_oe x_e, dagger " + dagger);
            assertTrue(ComplexFields.maxAbs(even) > 0.1 && ComplexFields.maxAbs(odd) > 0.1);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void schurComplementSolvesTheFullSystem(String group, int[] extents) {
        GaugeField u = hot(group, extents);
        WilsonOperator m = new WilsonOperator(u, KAPPA, Parallelism.serial());
        WilsonEvenOdd eo = new WilsonEvenOdd(u, KAPPA, Parallelism.serial());
        LinearOperator schur = eo.schur();
        double[] psi = ComplexFields.gaussian(m.length(), 43, 0);
        double[] psiEven = new double[eo.halfLength()];
        eo.extract(psi, 0, psiEven);
        for (boolean dagger : new boolean[] {false, true}) {
            double[] eta = new double[m.length()];
            if (dagger) m.applyDagger(psi, eta); else m.apply(psi, eta);
            double[] source = new double[eo.halfLength()], schurPsi = new double[eo.halfLength()];
            eo.prepareSource(eta, source, dagger);
            if (dagger) schur.applyDagger(psiEven, schurPsi); else schur.apply(psiEven, schurPsi);
            assertTrue(ComplexFields.maxAbsDiff(source, schurPsi) < EPS, "M^ psi_e = eta_e + kappa H_eo eta_o, dagger " + dagger);
            double[] rebuilt = new double[m.length()];
            eo.reconstruct(eta, psiEven, rebuilt, dagger);
            assertTrue(ComplexFields.maxAbsDiff(rebuilt, psi) < EPS, "reconstructed psi, dagger " + dagger);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void schurDaggerIsTheAdjointAndGamma5Conjugate(String group, int[] extents) {
        GaugeField u = hot(group, extents);
        WilsonEvenOdd eo = new WilsonEvenOdd(u, KAPPA, Parallelism.serial());
        LinearOperator schur = eo.schur();
        GammaBasis g = GammaBasis.of(extents.length);
        int n = u.group().n();
        double[] x = ComplexFields.gaussian(schur.length(), 44, 0), y = ComplexFields.gaussian(schur.length(), 44, 1);
        double[] sy = new double[schur.length()], sdx = new double[schur.length()], sx = new double[schur.length()];
        schur.apply(y, sy);
        schur.apply(x, sx);
        schur.applyDagger(x, sdx);
        double scale = ComplexFields.norm(x) * ComplexFields.norm(y);
        assertTrue(ComplexFields.distance(ComplexFields.dot(x, sy), ComplexFields.dot(sdx, y)) < EPS * scale, "<x, M^ y> = <M^+ x, y>");
        assertTrue(ComplexFields.distance(ComplexFields.dot(x, sy), ComplexFields.dot(sx, y)) > 1e-4 * scale, "M^ is not Hermitian");
        double[] g5x = new double[x.length], viaGamma5 = new double[x.length];
        g.applyGamma5(n, x, g5x);
        schur.apply(g5x, viaGamma5);
        g.applyGamma5(n, viaGamma5, viaGamma5);
        assertTrue(ComplexFields.maxAbsDiff(viaGamma5, sdx) < EPS, "M^+ = g5 M^ g5");
    }

    @Test
    void badInputIsRefused() {
        GaugeField odd = GaugeField.cold(new Lattice(4, 3), GaugeGroup.of("U1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WilsonEvenOdd(odd, 0.1, Parallelism.serial()));
        assertTrue(e.getMessage().contains("L_1 = 3"), e.getMessage());
        WilsonEvenOdd eo = new WilsonEvenOdd(GaugeField.cold(new Lattice(4, 4), GaugeGroup.of("U1")), 0.1,
                Parallelism.serial());
        assertThrows(IllegalArgumentException.class, () -> eo.extract(new double[eo.fullLength()], 2,
                new double[eo.halfLength()]));
        assertThrows(IllegalArgumentException.class, () -> eo.extract(new double[eo.halfLength()], 0,
                new double[eo.halfLength()]));
        assertThrows(IllegalArgumentException.class, () -> eo.schur().apply(new double[eo.fullLength()],
                new double[eo.halfLength()]));
    }
}
