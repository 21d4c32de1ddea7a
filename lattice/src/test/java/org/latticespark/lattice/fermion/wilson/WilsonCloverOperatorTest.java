package org.latticespark.lattice.fermion.wilson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.GaugeTransformation;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

class WilsonCloverOperatorTest {
    private static final double EPS = 1e-13;
    private static final double KAPPA = 0.128;
    private static final double CSW = 1.7;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 2, 2}),
                Arguments.of("SU2", new int[] {2, 4, 2, 4}),
                Arguments.of("U1", new int[] {8, 6}),
                Arguments.of("SU4", new int[] {4, 4}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void withoutCloverItIsTheWilsonOperatorBitForBit(String group, int[] extents) {
        GaugeField u = CloverTermTest.hot(group, extents, 71);
        WilsonOperator wilson = new WilsonOperator(u, KAPPA, Parallelism.serial());
        WilsonCloverOperator clover = new WilsonCloverOperator(u, KAPPA, 0.0, Parallelism.serial());
        double[] x = ComplexFields.gaussian(wilson.length(), 72, 0);
        double[] a = new double[x.length], b = new double[x.length];
        wilson.apply(x, a);
        clover.apply(x, b);
        assertArrayEquals(a, b, 0.0, "M");
        wilson.applyDagger(x, a);
        clover.applyDagger(x, b);
        assertArrayEquals(a, b, 0.0, "M+");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isTheDenseCloverTermMinusKappaTimesHopping(String group, int[] extents) {
        GaugeField u = CloverTermTest.hot(group, extents, 73);
        WilsonCloverOperator m = new WilsonCloverOperator(u, KAPPA, CSW, Parallelism.serial());
        WilsonOperator wilson = new WilsonOperator(u, KAPPA, Parallelism.serial());
        int dim = m.length() / 2 / u.lattice().volume(), stride = 2 * dim;
        double[] x = ComplexFields.gaussian(m.length(), 74, 0);
        for (boolean dagger : new boolean[] {false, true}) {
            double[] expected = new double[x.length], got = new double[x.length];
            wilson.applyHopping(x, expected, dagger);
            for (int site = 0; site < u.lattice().volume(); site++) {
                org.ejml.data.ZMatrixRMaj a = CloverDense.siteMatrix(u, site, KAPPA, CSW);
                for (int r = 0; r < dim; r++) {
                    double re = 0, im = 0;
                    for (int c = 0; c < dim; c++) {
                        double ar = a.getReal(r, c), ai = a.getImag(r, c);
                        double xr = x[site * stride + 2 * c], xi = x[site * stride + 2 * c + 1];
                        re += ar * xr - ai * xi;
                        im += ar * xi + ai * xr;
                    }
                    expected[site * stride + 2 * r] = re - KAPPA * expected[site * stride + 2 * r];
                    expected[site * stride + 2 * r + 1] = im - KAPPA * expected[site * stride + 2 * r + 1];
                }
            }
            if (dagger) m.applyDagger(x, got); else m.apply(x, got);
            assertTrue(ComplexFields.maxAbsDiff(expected, got) < EPS, "M = A - kappa H, dagger " + dagger);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isGamma5HermitianAndApplyDaggerIsTheAdjoint(String group, int[] extents) {
        GaugeField u = CloverTermTest.hot(group, extents, 75);
        WilsonCloverOperator m = new WilsonCloverOperator(u, KAPPA, CSW, Parallelism.serial());
        GammaBasis g = GammaBasis.of(extents.length);
        int n = u.group().n();
        double[] x = ComplexFields.gaussian(m.length(), 76, 0), y = ComplexFields.gaussian(m.length(), 76, 1);
        double[] mx = new double[x.length], my = new double[x.length], mdx = new double[x.length], mdy = new double[x.length];
        double[] g5y = new double[x.length], g5mg5y = new double[x.length];
        m.apply(x, mx);
        m.apply(y, my);
        m.applyDagger(x, mdx);
        m.applyDagger(y, mdy);
        g.applyGamma5(n, y, g5y);
        m.apply(g5y, g5mg5y);
        g.applyGamma5(n, g5mg5y, g5mg5y);
        double scale = ComplexFields.norm(x) * ComplexFields.norm(y);
        assertTrue(ComplexFields.distance(ComplexFields.dot(x, my), ComplexFields.dot(mdx, y)) < EPS * scale, "<x, M y> = <M+ x, y>");
        assertTrue(ComplexFields.maxAbsDiff(mdy, g5mg5y) < EPS, "M+ = g5 M g5");
        assertTrue(ComplexFields.distance(ComplexFields.dot(x, my), ComplexFields.dot(mx, y)) > 1e-3 * scale, "M is not Hermitian");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isGaugeCovariant(String group, int[] extents) {
        GaugeField u = CloverTermTest.hot(group, extents, 77);
        Lattice lat = u.lattice();
        GaugeGroup gg = u.group();
        double[] g = GaugeTransformation.random(lat, gg, new RandomStream(78, 2), 4);
        GaugeField ug = GaugeTransformation.apply(u, g);
        WilsonCloverOperator m = new WilsonCloverOperator(u, KAPPA, CSW, Parallelism.serial());
        WilsonCloverOperator mg = new WilsonCloverOperator(ug, KAPPA, CSW, Parallelism.serial());
        int spins = GammaBasis.of(extents.length).spins();
        double[] psi = ComplexFields.gaussian(m.length(), 79, 0);
        double[] mpsi = new double[psi.length], lhs = new double[psi.length];
        m.apply(psi, mpsi);
        mg.apply(CloverTermTest.transform(g, gg.n(), spins, psi), lhs);
        assertTrue(ComplexFields.maxAbsDiff(lhs, CloverTermTest.transform(g, gg.n(), spins, mpsi)) < EPS,
                "M[U^g] (g psi) = g M[U] psi");
    }

    @Test
    void resultsAreBitIdenticalForOneAndThreeThreads() {
        Lattice lat = new Lattice(4, 4, 4, 4);
        GaugeField u = GaugeField.hot(lat, GaugeGroup.of("SU3"), new RandomStream(80, 0), Parallelism.serial());
        double[] reference = null;
        for (int threads : new int[] {1, 3}) {
            try (Parallelism par = new Parallelism(threads)) {
                CloverTerm clover = new CloverTerm(u, KAPPA, CSW, par);
                WilsonCloverOperator m = new WilsonCloverOperator(clover);
                WilsonCloverEvenOdd eo = new WilsonCloverEvenOdd(clover);
                LinearOperator schur = eo.schur();
                int full = m.length(), half = eo.halfLength();
                double[] x = ComplexFields.gaussian(full, 81, 0);
                double[] xe = java.util.Arrays.copyOf(x, half);
                double[] out = new double[2 * full + 3 * half + full];
                double[] a = new double[full], b = new double[half];
                m.apply(x, a);
                System.arraycopy(a, 0, out, 0, full);
                m.applyDagger(x, a);
                System.arraycopy(a, 0, out, full, full);
                schur.apply(xe, b);
                System.arraycopy(b, 0, out, 2 * full, half);
                schur.applyDagger(xe, b);
                System.arraycopy(b, 0, out, 2 * full + half, half);
                eo.prepareSource(x, b, false);
                System.arraycopy(b, 0, out, 2 * full + 2 * half, half);
                eo.reconstruct(x, xe, a, true);
                System.arraycopy(a, 0, out, 2 * full + 3 * half, full);
                if (reference == null) {
                    reference = out;
                } else {
                    assertArrayEquals(reference, out, 0.0, threads + " threads");
                }
            }
        }
    }
}
