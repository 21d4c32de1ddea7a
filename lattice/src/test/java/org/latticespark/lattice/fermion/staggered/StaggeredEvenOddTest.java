package org.latticespark.lattice.fermion.staggered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/** The even–odd pieces against the full operator on hot configurations; tolerances are round-off. */
class StaggeredEvenOddTest {
    private static final double ROUND_OFF = 1e-13;
    private static final int EVEN = 0;
    private static final int ODD = 1;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 4, 4}),
                Arguments.of("U1", new int[] {6, 4}),
                Arguments.of("SU2", new int[] {4, 2, 6}),
                Arguments.of("SU2", new int[] {2, 4, 2, 4}));
    }

    private static StaggeredOperator hot(String group, int[] extents, double mass, long seed) {
        Lattice lat = new Lattice(extents);
        GaugeField u = GaugeField.hot(lat, GaugeGroup.of(group), new RandomStream(seed, 0), Parallelism.serial());
        return new StaggeredOperator(u, mass, Parallelism.serial());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void halvesMatchTheEmbeddedFullOperator(String group, int[] extents) {
        StaggeredOperator op = hot(group, extents, 0.4, 31);
        Lattice lat = op.lattice();
        int n = op.gaugeField().group().n();
        for (int from = 0; from < 2; from++) {
            int to = 1 - from;
            double[] half = ComplexFields.gaussian(op.halfLength(), 41, from);
            double[] full = new double[op.length()];
            op.applyHopping(Fields.embed(lat, from, half, n), full);
            double[] piece = new double[op.halfLength()];
            if (from == ODD) op.applyEvenOdd(half, piece); else op.applyOddEven(half, piece);
            double scale = ComplexFields.maxAbs(piece);
            assertTrue(scale > 0.1);
            assertTrue(ComplexFields.maxAbsDiff(Fields.restrict(lat, to, full, n), piece) < ROUND_OFF * scale,
                    "hopping from parity " + from + " differs from the full operator");
            assertEquals(0.0, ComplexFields.maxAbs(Fields.restrict(lat, from, full, n)), 0.0,
                    "D must not connect sites of the same parity");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oddEvenIsMinusTheAdjointOfEvenOdd(String group, int[] extents) {
        StaggeredOperator op = hot(group, extents, 0.4, 32);
        double[] e = ComplexFields.gaussian(op.halfLength(), 42, 0);
        double[] o = ComplexFields.gaussian(op.halfLength(), 42, 1);
        double[] deo = new double[op.halfLength()], doe = new double[op.halfLength()];
        op.applyEvenOdd(o, deo);
        op.applyOddEven(e, doe);
        double[] lhs = ComplexFields.dot(e, deo), rhs = ComplexFields.dot(doe, o);
        double scale = ComplexFields.norm(e) * ComplexFields.norm(deo);
        assertEquals(-rhs[0], lhs[0], ROUND_OFF * scale);
        assertEquals(-rhs[1], lhs[1], ROUND_OFF * scale);
    }

    /** m² − D_eo D_oe is the even–even block of M†M, and M†M has no even–odd block. */
    @ParameterizedTest
    @MethodSource("cases")
    void evenNormalIsTheEvenBlockOfMDaggerM(String group, int[] extents) {
        double m = 0.35;
        StaggeredOperator op = hot(group, extents, m, 33);
        Lattice lat = op.lattice();
        int n = op.gaugeField().group().n();
        double[] e = ComplexFields.gaussian(op.halfLength(), 43, 0);
        double[] mx = new double[op.length()], mdmx = new double[op.length()];
        op.apply(Fields.embed(lat, EVEN, e, n), mx);
        op.applyDagger(mx, mdmx);
        double[] a = new double[op.halfLength()];
        StaggeredEvenNormalOperator normal = op.evenNormal();
        normal.apply(e, a);
        double scale = ComplexFields.maxAbs(a);
        assertTrue(ComplexFields.maxAbsDiff(Fields.restrict(lat, EVEN, mdmx, n), a) < ROUND_OFF * scale);
        assertTrue(ComplexFields.maxAbs(Fields.restrict(lat, ODD, mdmx, n)) < ROUND_OFF * scale,
                "M†M must not mix parities");
        double[] ad = new double[op.halfLength()];
        normal.applyDagger(e, ad);
        assertEquals(0.0, ComplexFields.maxAbsDiff(a, ad), 0.0);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evenNormalIsHermitianAndBoundedByMassSquared(String group, int[] extents) {
        double m = 0.35;
        StaggeredEvenNormalOperator a = hot(group, extents, m, 34).evenNormal();
        double[] x = ComplexFields.gaussian(a.length(), 44, 0);
        double[] y = ComplexFields.gaussian(a.length(), 44, 1);
        double[] ax = new double[a.length()], ay = new double[a.length()];
        a.apply(x, ax);
        a.apply(y, ay);
        double[] lhs = ComplexFields.dot(x, ay), rhs = ComplexFields.dot(ax, y);
        double scale = ComplexFields.norm(x) * ComplexFields.norm(ay);
        assertEquals(rhs[0], lhs[0], ROUND_OFF * scale);
        assertEquals(rhs[1], lhs[1], ROUND_OFF * scale);
        double[] xax = ComplexFields.dot(x, ax);
        double xx = ComplexFields.dot(x, x)[0];
        assertEquals(0.0, xax[1], ROUND_OFF * xax[0]);
        assertTrue(xax[0] >= m * m * xx, "⟨x, A x⟩ = " + xax[0] + " < m²|x|² = " + m * m * xx);
        assertTrue(xax[0] > 1.5 * m * m * xx, "the hopping part must contribute");
    }
}
