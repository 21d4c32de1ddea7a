package org.latticespark.lattice.fermion.staggered;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.GaugeTransformation;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/** Exact identities on hot configurations; tolerances are round-off, relative to the norms involved. */
class StaggeredOperatorTest {
    private static final double ROUND_OFF = 1e-13;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 4, 4}),
                Arguments.of("U1", new int[] {6, 4}),
                Arguments.of("SU2", new int[] {4, 2, 6}),
                Arguments.of("SU4", new int[] {2, 2, 2, 4}));
    }

    private static StaggeredOperator hot(String group, int[] extents, double mass, long seed, Parallelism par) {
        Lattice lat = new Lattice(extents);
        GaugeField u = GaugeField.hot(lat, GaugeGroup.of(group), new RandomStream(seed, 0), par);
        return new StaggeredOperator(u, mass, par);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hoppingTermIsAntiHermitian(String group, int[] extents) {
        StaggeredOperator op = hot(group, extents, 0.3, 11, Parallelism.serial());
        double[] x = ComplexFields.gaussian(op.length(), 21, 0);
        double[] y = ComplexFields.gaussian(op.length(), 21, 1);
        double[] dx = new double[op.length()], dy = new double[op.length()];
        op.applyHopping(x, dx);
        op.applyHopping(y, dy);
        double[] lhs = ComplexFields.dot(x, dy), rhs = ComplexFields.dot(dx, y);
        double scale = ComplexFields.norm(x) * ComplexFields.norm(dy);
        assertTrue(Math.abs(lhs[0]) > 1e-3 * scale, "the test needs a non-trivial ⟨x, Dy⟩");
        assertEquals(-rhs[0], lhs[0], ROUND_OFF * scale);
        assertEquals(-rhs[1], lhs[1], ROUND_OFF * scale);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void daggerIsTheAdjointAndMassIsDiagonal(String group, int[] extents) {
        double m = 0.37;
        StaggeredOperator op = hot(group, extents, m, 12, Parallelism.serial());
        double[] x = ComplexFields.gaussian(op.length(), 22, 0);
        double[] y = ComplexFields.gaussian(op.length(), 22, 1);
        double[] mx = new double[op.length()], mdy = new double[op.length()], dy = new double[op.length()];
        op.apply(y, mx);
        op.applyDagger(x, mdy);
        double[] lhs = ComplexFields.dot(x, mx), rhs = ComplexFields.dot(mdy, y);
        double scale = ComplexFields.norm(x) * ComplexFields.norm(mx);
        assertEquals(rhs[0], lhs[0], ROUND_OFF * scale);
        assertEquals(rhs[1], lhs[1], ROUND_OFF * scale);
        op.applyHopping(y, dy);
        double worst = 0;
        for (int i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(mx[i] - dy[i] - m * y[i]));
        assertTrue(worst < ROUND_OFF * ComplexFields.maxAbs(mx), "M y = D y + m y, off by " + worst);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gaugeCovariance(String group, int[] extents) {
        GaugeGroup g = GaugeGroup.of(group);
        Lattice lat = new Lattice(extents);
        RandomStream stream = new RandomStream(13, 0);
        Parallelism par = Parallelism.serial();
        GaugeField u = GaugeField.hot(lat, g, stream, par);
        double[] gt = GaugeTransformation.random(lat, g, stream, 5);
        GaugeField ug = GaugeTransformation.apply(u, gt);
        StaggeredOperator op = new StaggeredOperator(u, 0.2, par);
        StaggeredOperator opg = new StaggeredOperator(ug, 0.2, par);
        int n = g.n();
        double[] psi = ComplexFields.gaussian(op.length(), 23, 0);
        double[] dpsi = new double[op.length()];
        op.applyHopping(psi, dpsi);
        double[] gpsi = rotate(lat, n, gt, psi);
        double[] dgpsi = new double[op.length()];
        opg.applyHopping(gpsi, dgpsi);
        double[] expected = rotate(lat, n, gt, dpsi);
        assertTrue(ComplexFields.maxAbsDiff(gpsi, psi) > 0.1, "the transformation must act");
        double err = ComplexFields.maxAbsDiff(expected, dgpsi);
        assertTrue(err < 1e-13 * ComplexFields.maxAbs(expected) * Math.sqrt(lat.dimensions()),
                "D[U^g](gψ) − g D[U]ψ = " + err);
    }

    /** (gψ)(n) = g(n) ψ(n), colour by colour. */
    private static double[] rotate(Lattice lat, int n, double[] g, double[] psi) {
        double[] out = new double[psi.length];
        int ms = 2 * n * n;
        for (int site = 0; site < lat.volume(); site++) {
            for (int a = 0; a < n; a++) {
                double re = 0, im = 0;
                for (int b = 0; b < n; b++) {
                    int e = site * ms + 2 * (a * n + b), p = site * 2 * n + 2 * b;
                    re += g[e] * psi[p] - g[e + 1] * psi[p + 1];
                    im += g[e] * psi[p + 1] + g[e + 1] * psi[p];
                }
                out[site * 2 * n + 2 * a] = re;
                out[site * 2 * n + 2 * a + 1] = im;
            }
        }
        return out;
    }

    /** Large enough that both the full and the half-lattice loops span several blocks of Parallelism. */
    static Stream<Arguments> threadCases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 4, 8}),
                Arguments.of("U1", new int[] {16, 16}),
                Arguments.of("SU2", new int[] {4, 4, 4, 4}));
    }

    @ParameterizedTest
    @MethodSource("threadCases")
    void bitIdenticalWithOneAndThreeThreads(String group, int[] extents) {
        try (Parallelism one = new Parallelism(1); Parallelism three = new Parallelism(3)) {
            StaggeredOperator a = hot(group, extents, 0.25, 15, one);
            StaggeredOperator b = new StaggeredOperator(a.gaugeField(), 0.25, three);
            assertTrue(a.lattice().volume() / 2 >= 2 * Parallelism.BLOCK, "the loops must split over threads");
            double[] x = ComplexFields.gaussian(a.length(), 25, 0);
            double[] h = ComplexFields.gaussian(a.halfLength(), 25, 1);
            double[] o1 = new double[a.length()], o3 = new double[a.length()];
            a.apply(x, o1);
            b.apply(x, o3);
            assertArrayEquals(o1, o3, 0.0);
            a.applyDagger(x, o1);
            b.applyDagger(x, o3);
            assertArrayEquals(o1, o3, 0.0);
            double[] h1 = new double[a.halfLength()], h3 = new double[a.halfLength()];
            a.applyEvenOdd(h, h1);
            b.applyEvenOdd(h, h3);
            assertArrayEquals(h1, h3, 0.0);
            a.applyOddEven(h, h1);
            b.applyOddEven(h, h3);
            assertArrayEquals(h1, h3, 0.0);
            a.evenNormal().apply(h, h1);
            b.evenNormal().apply(h, h3);
            assertArrayEquals(h1, h3, 0.0);
        }
    }
}
