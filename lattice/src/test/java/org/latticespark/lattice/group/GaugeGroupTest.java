package org.latticespark.lattice.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.RandomStream;

class GaugeGroupTest {
    static Stream<GaugeGroup> groups() {
        return Stream.of("U1", "SU2", "SU3", "SU4").map(GaugeGroup::of);
    }

    private static CounterRng rng(int element) {
        return new RandomStream(99, 0).at(element, 0, 1);
    }

    @ParameterizedTest
    @MethodSource("groups")
    void haarAndExponentialsLieOnTheGroup(GaugeGroup g) {
        double[] u = new double[g.matrixSize()];
        double[] p = new double[g.algebraDimension()];
        for (int k = 0; k < 200; k++) {
            CounterRng r = rng(k);
            g.haar(r, u, 0);
            assertTrue(g.groupDeviation(u, 0) < 1e-13, "haar " + g);
            for (int a = 0; a < p.length; a++) p[a] = r.gaussian();
            g.expI(p, 0, 0.1 + k * 0.05, u, 0);
            assertTrue(g.groupDeviation(u, 0) < 1e-13, "exp " + g + " at " + k);
        }
    }

    @ParameterizedTest
    @MethodSource("groups")
    void productsAndInversesStayOnTheGroup(GaugeGroup g) {
        int n = g.n();
        double[] a = new double[g.matrixSize()], b = new double[g.matrixSize()], c = new double[g.matrixSize()];
        g.haar(rng(1), a, 0);
        g.haar(rng(2), b, 0);
        CMat.mul(n, a, 0, b, 0, c, 0);
        assertTrue(g.groupDeviation(c, 0) < 1e-13);
        CMat.mulNA(n, a, 0, a, 0, c, 0);
        double[] one = new double[g.matrixSize()];
        CMat.identity(n, one, 0);
        for (int i = 0; i < c.length; i++) assertEquals(one[i], c[i], 1e-14);
        CMat.mulAN(n, a, 0, a, 0, c, 0);
        for (int i = 0; i < c.length; i++) assertEquals(one[i], c[i], 1e-14);
    }

    /** exp(iεP) exp(−iεP) = 1 and exp(iεP) = 1 + iεP + O(ε²). */
    @ParameterizedTest
    @MethodSource("groups")
    void exponentialIsTheExponential(GaugeGroup g) {
        int n = g.n();
        double[] p = new double[g.algebraDimension()];
        CounterRng r = rng(7);
        for (int a = 0; a < p.length; a++) p[a] = r.gaussian();
        double[] e1 = new double[g.matrixSize()], e2 = new double[g.matrixSize()], c = new double[g.matrixSize()];
        g.expI(p, 0, 0.7, e1, 0);
        g.expI(p, 0, -0.7, e2, 0);
        CMat.mul(n, e1, 0, e2, 0, c, 0);
        double[] one = new double[g.matrixSize()];
        CMat.identity(n, one, 0);
        for (int i = 0; i < c.length; i++) assertEquals(one[i], c[i], 1e-13);
        double eps = 1e-6;
        double[] h = new double[g.matrixSize()];
        g.algebraToMatrix(p, 0, eps, h, 0);
        g.expI(p, 0, eps, e1, 0);
        for (int i = 0; i < c.length; i += 2) {
            assertEquals(one[i] - h[i + 1], e1[i], 1e-11);
            assertEquals(one[i + 1] + h[i], e1[i + 1], 1e-11);
        }
    }

    /** The closed forms (SU(2) quaternion, SU(3) Cayley–Hamilton) against scaling-and-squaring Taylor. */
    @ParameterizedTest
    @MethodSource("groups")
    void closedFormsMatchTheSeries(GaugeGroup g) {
        if (g.n() < 2) return;
        double[] p = new double[g.algebraDimension()];
        double[] closed = new double[g.matrixSize()], series = new double[g.matrixSize()];
        double[] h = new double[g.matrixSize()];
        for (int k = 0; k < 60; k++) {
            CounterRng r = rng(100 + k);
            for (int a = 0; a < p.length; a++) p[a] = r.gaussian();
            double eps = Math.pow(10, -4 + k / 10.0);
            g.expI(p, 0, eps, closed, 0);
            g.algebraToMatrix(p, 0, eps, h, 0);
            SUN.expIHermitian(g.n(), h, series, 0);
            for (int i = 0; i < closed.length; i++) assertEquals(series[i], closed[i], 1e-12, g + " eps " + eps);
        }
    }

    /** T^a Hermitian and traceless with tr(T^a T^b) = δ^{ab}/2, and Im tr(T^a · iH) = tr(T^a H) recovers p^a/2. */
    @ParameterizedTest
    @MethodSource("groups")
    void generatorsAreNormalised(GaugeGroup g) {
        int n = g.n();
        int dim = g.algebraDimension();
        double[] e = new double[dim];
        double[] ta = new double[g.matrixSize()], tb = new double[g.matrixSize()], prod = new double[g.matrixSize()];
        double norm = g instanceof U1 ? 1.0 : 0.5;
        for (int a = 0; a < dim; a++) {
            java.util.Arrays.fill(e, 0);
            e[a] = 1;
            g.algebraToMatrix(e, 0, 1, ta, 0);
            CMat.dagger(n, ta, 0, prod, 0);
            for (int i = 0; i < ta.length; i++) assertEquals(ta[i], prod[i], 1e-15, "Hermitian");
            if (n > 1) assertEquals(0, CMat.reTrace(n, ta, 0), 1e-15);
            for (int b = 0; b < dim; b++) {
                java.util.Arrays.fill(e, 0);
                e[b] = 1;
                g.algebraToMatrix(e, 0, 1, tb, 0);
                CMat.mul(n, ta, 0, tb, 0, prod, 0);
                assertEquals(a == b ? norm : 0, CMat.reTrace(n, prod, 0), 1e-15);
            }
        }
        double[] p = new double[dim];
        CounterRng r = rng(3);
        for (int a = 0; a < dim; a++) p[a] = r.gaussian();
        double[] h = new double[g.matrixSize()];
        g.algebraToMatrix(p, 0, 1, h, 0);
        double[] ih = new double[g.matrixSize()];
        for (int i = 0; i < h.length; i += 2) {
            ih[i] = -h[i + 1];
            ih[i + 1] = h[i];
        }
        double[] c = new double[dim];
        g.imTraceGenerators(ih, 0, 1, c, 0);
        for (int a = 0; a < dim; a++) assertEquals(norm * p[a], c[a], 1e-14);
    }

    @ParameterizedTest
    @MethodSource("groups")
    void projectionRestoresTheGroupAndKeepsElements(GaugeGroup g) {
        double[] u = new double[g.matrixSize()];
        g.haar(rng(11), u, 0);
        double[] keep = u.clone();
        g.project(u, 0);
        for (int i = 0; i < u.length; i++) assertEquals(keep[i], u[i], 1e-14);
        CounterRng r = rng(12);
        for (int i = 0; i < u.length; i++) u[i] += 1e-3 * r.gaussian();
        g.project(u, 0);
        assertTrue(g.groupDeviation(u, 0) < 1e-14);
        for (int i = 0; i < u.length; i++) assertEquals(keep[i], u[i], 1e-2);
    }

    /** Haar moments: ⟨tr U⟩ = 0 and ⟨|tr U|²⟩ = 1 for SU(N), N ≥ 2 (and U(1)), at 5σ. */
    @ParameterizedTest
    @MethodSource("groups")
    void haarMoments(GaugeGroup g) {
        int samples = 20000;
        double[] u = new double[g.matrixSize()];
        double sre = 0, sim = 0, s2 = 0, s4 = 0;
        for (int k = 0; k < samples; k++) {
            g.haar(rng(1000 + k), u, 0);
            double re = CMat.reTrace(g.n(), u, 0), im = CMat.imTrace(g.n(), u, 0);
            sre += re;
            sim += im;
            double m = re * re + im * im;
            s2 += m;
            s4 += m * m;
        }
        double var = s4 / samples - Math.pow(s2 / samples, 2);
        assertEquals(0, sre / samples, 5 * Math.sqrt(0.5 / samples));
        assertEquals(0, sim / samples, 5 * Math.sqrt(0.5 / samples));
        assertEquals(1, s2 / samples, 5 * Math.sqrt(var / samples) + 1e-12);
    }

    /** Near-identity elements lie on the group, at a distance from 1 that scales with the width. */
    @ParameterizedTest
    @MethodSource("groups")
    void nearIdentityElementsAreCloseToOne(GaugeGroup g) {
        double[] u = new double[g.matrixSize()];
        double[] one = new double[g.matrixSize()];
        CMat.identity(g.n(), one, 0);
        for (double width : new double[] {1e-3, 1e-1}) {
            double sum2 = 0;
            int samples = 400;
            for (int k = 0; k < samples; k++) {
                g.nearIdentity(rng(5000 + k), width, u, 0);
                assertTrue(g.groupDeviation(u, 0) < 1e-13);
                for (int i = 0; i < u.length; i++) sum2 += (u[i] - one[i]) * (u[i] - one[i]);
            }
            // |exp(iεP) − 1|² ≈ ε² tr(P²) = ε² Σ(p^a)²/2 (U(1): ε² p²) for small ε
            double expected = width * width * g.algebraDimension() * (g.n() == 1 ? 1 : 0.5);
            assertEquals(expected, sum2 / samples, 0.25 * expected, g + " width " + width);
        }
    }

    @Test
    void namesParse() {
        assertEquals("SU3", GaugeGroup.of("SU(3)").name());
        assertEquals("U1", GaugeGroup.of("u1").name());
        assertEquals("SU5", GaugeGroup.of("SU5").name());
        assertThrows(IllegalArgumentException.class, () -> GaugeGroup.of("SO3"));
        assertThrows(IllegalArgumentException.class, () -> GaugeGroup.of("SU1"));
    }
}
