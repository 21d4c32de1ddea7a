package org.latticespark.lattice.fermion.wilson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

class WilsonOperatorTest {
    /** Round-off allowance for sums of O(length) products of O(1) numbers. */
    private static final double EPS = 1e-13;

    static Stream<Arguments> hotCases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 4, 4}),
                Arguments.of("U1", new int[] {8, 6}),
                Arguments.of("SU2", new int[] {2, 4, 2, 4}),
                Arguments.of("SU3", new int[] {4, 6}),
                Arguments.of("SU4", new int[] {4, 4}));
    }

    private static GaugeField hot(String group, int[] extents, long seed) {
        return GaugeField.hot(new Lattice(extents), GaugeGroup.of(group), new RandomStream(seed, 1), Parallelism.serial());
    }

    @ParameterizedTest
    @MethodSource("hotCases")
    void isGamma5HermitianAndApplyDaggerIsTheAdjoint(String group, int[] extents) {
        GaugeField u = hot(group, extents, 11);
        WilsonOperator m = new WilsonOperator(u, 0.137, Parallelism.serial());
        GammaBasis g = GammaBasis.of(extents.length);
        int n = u.group().n();
        double[] x = ComplexFields.gaussian(m.length(), 21, 0);
        double[] y = ComplexFields.gaussian(m.length(), 21, 1);
        double[] mx = new double[m.length()], my = new double[m.length()], mdx = new double[m.length()];
        double[] g5y = new double[m.length()], g5mg5y = new double[m.length()];
        m.apply(x, mx);
        m.apply(y, my);
        m.applyDagger(x, mdx);
        g.applyGamma5(n, y, g5y);
        m.apply(g5y, g5mg5y);
        g.applyGamma5(n, g5mg5y, g5mg5y);
        double scale = ComplexFields.norm(x) * ComplexFields.norm(y);

        assertTrue(ComplexFields.distance(ComplexFields.dot(x, g5mg5y), ComplexFields.dot(mx, y)) < EPS * scale,
                "<x, g5 M g5 y> = <M x, y>");
        assertTrue(ComplexFields.distance(ComplexFields.dot(x, my), ComplexFields.dot(mdx, y)) < EPS * scale, "<x, M y> = <M+ x, y>");
        double[] mdy = new double[m.length()];
        m.applyDagger(y, mdy);
        assertTrue(ComplexFields.maxAbsDiff(mdy, g5mg5y) < EPS, "M+ = g5 M g5 site by site");
        // The identities have teeth: M itself is far from Hermitian on a hot configuration.
        assertTrue(ComplexFields.distance(ComplexFields.dot(x, my), ComplexFields.dot(mx, y)) > 1e-3 * scale, "M is not Hermitian");
    }

    @ParameterizedTest
    @MethodSource("hotCases")
    void isGaugeCovariant(String group, int[] extents) {
        GaugeField u = hot(group, extents, 12);
        Lattice lat = u.lattice();
        GaugeGroup gg = u.group();
        double[] g = GaugeTransformation.random(lat, gg, new RandomStream(13, 2), 5);
        GaugeField ug = GaugeTransformation.apply(u, g);
        WilsonOperator m = new WilsonOperator(u, 0.11, Parallelism.serial());
        WilsonOperator mg = new WilsonOperator(ug, 0.11, Parallelism.serial());
        int spins = m.hopping().spins();
        double[] psi = ComplexFields.gaussian(m.length(), 22, 0);
        double[] mpsi = new double[m.length()], lhs = new double[m.length()];
        m.apply(psi, mpsi);
        mg.apply(transform(g, gg.n(), spins, psi), lhs);
        double[] rhs = transform(g, gg.n(), spins, mpsi);
        assertTrue(ComplexFields.maxAbsDiff(lhs, rhs) < EPS, "M[U^g] (g psi) = g (M[U] psi)");
        assertTrue(ComplexFields.maxAbsDiff(lhs, mpsi) > 0.1, "the transformation changes the field");
    }

    /** (g ψ)(n) = G(n) ψ(n) on every spin component. */
    private static double[] transform(double[] g, int n, int spins, double[] psi) {
        double[] out = new double[psi.length];
        int ms = 2 * n * n, stride = 2 * spins * n;
        for (int site = 0; site < psi.length / stride; site++) {
            for (int s = 0; s < spins; s++) {
                int b = site * stride + 2 * s * n;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double gr = g[site * ms + 2 * (i * n + j)], gi = g[site * ms + 2 * (i * n + j) + 1];
                        out[b + 2 * i] += gr * psi[b + 2 * j] - gi * psi[b + 2 * j + 1];
                        out[b + 2 * i + 1] += gr * psi[b + 2 * j + 1] + gi * psi[b + 2 * j];
                    }
                }
            }
        }
        return out;
    }

    static Stream<Arguments> freeCases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 4, 8}),
                Arguments.of("U1", new int[] {8, 6}),
                Arguments.of("SU2", new int[] {4, 2, 6, 4}),
                Arguments.of("SU3", new int[] {6, 4}));
    }

    /**
     * On cold links, ψ(n) = e^{ip·n} u with p_μ = 2π k_μ/L_μ in space and (2k+1)π/L_t in time solves
     * M ψ = M̃(p) ψ, M̃(p) = 1 − 2κ Σ_μ (cos p_μ − i γ_μ sin p_μ).
     */
    @ParameterizedTest
    @MethodSource("freeCases")
    void planeWavesOnColdLinksSatisfyTheMomentumSpaceFormula(String group, int[] extents) {
        Lattice lat = new Lattice(extents);
        int d = extents.length;
        GaugeField cold = GaugeField.cold(lat, GaugeGroup.of(group));
        double kappa = 0.1234;
        WilsonOperator m = new WilsonOperator(cold, kappa, Parallelism.serial());
        GammaBasis gammas = GammaBasis.of(d);
        int spins = gammas.spins(), n = cold.group().n(), stride = 2 * spins * n;
        double[] ks = ComplexFields.gaussian(8 * d, 23, 5);
        for (int wave = 0; wave < 8; wave++) {
            double[] p = new double[d];
            for (int mu = 0; mu < d; mu++) {
                int k = Math.floorMod((int) Math.floor(3 * ks[wave * d + mu]), extents[mu]);
                p[mu] = (2 * Math.PI * k + (mu == d - 1 ? Math.PI : 0)) / extents[mu];
            }
            double[] u = ComplexFields.gaussian(stride, 24, wave);
            double[] mu0 = momentumSpace(gammas, kappa, p, n, u);
            double[] psi = new double[m.length()], expected = new double[m.length()], got = new double[m.length()];
            int[] x = new int[d];
            for (int site = 0; site < lat.volume(); site++) {
                lat.coordinates(site, x);
                double phase = 0;
                for (int mu = 0; mu < d; mu++) phase += p[mu] * x[mu];
                double c = Math.cos(phase), s = Math.sin(phase);
                for (int j = 0; j < stride; j += 2) {
                    psi[site * stride + j] = c * u[j] - s * u[j + 1];
                    psi[site * stride + j + 1] = c * u[j + 1] + s * u[j];
                    expected[site * stride + j] = c * mu0[j] - s * mu0[j + 1];
                    expected[site * stride + j + 1] = c * mu0[j + 1] + s * mu0[j];
                }
            }
            m.apply(psi, got);
            assertTrue(ComplexFields.maxAbsDiff(got, expected) < EPS, "wave " + wave + ": M psi = M~(p) psi");
        }
    }

    /** M̃(p) u for one site's spin–colour vector u. */
    private static double[] momentumSpace(GammaBasis gammas, double kappa, double[] p, int n, double[] u) {
        int spins = gammas.spins();
        double[] matrix = GammaBasisTest.identity(spins);
        for (int mu = 0; mu < p.length; mu++) {
            double[] g = gammas.gamma(mu);
            double c = Math.cos(p[mu]), s = Math.sin(p[mu]);
            for (int i = 0; i < spins * spins; i++) {
                // −2κ (cos p − i γ sin p): the i·γ term contributes (−γ_im, γ_re) · sin p
                matrix[2 * i] += -2 * kappa * ((i % (spins + 1) == 0 ? c : 0) + s * g[2 * i + 1]);
                matrix[2 * i + 1] += -2 * kappa * (-s * g[2 * i]);
            }
        }
        double[] out = new double[u.length];
        for (int a = 0; a < spins; a++) {
            for (int b = 0; b < spins; b++) {
                double mr = matrix[2 * (a * spins + b)], mi = matrix[2 * (a * spins + b) + 1];
                for (int col = 0; col < n; col++) {
                    int ia = 2 * (a * n + col), ib = 2 * (b * n + col);
                    out[ia] += mr * u[ib] - mi * u[ib + 1];
                    out[ia + 1] += mr * u[ib + 1] + mi * u[ib];
                }
            }
        }
        return out;
    }

    @Test
    void resultsAreBitIdenticalForOneAndThreeThreads() {
        for (String group : new String[] {"SU3", "SU2"}) {
            Lattice lat = new Lattice(4, 4, 4, 8);
            GaugeField u = GaugeField.hot(lat, GaugeGroup.of(group), new RandomStream(31, 0), Parallelism.serial());
            double[] reference = null;
            for (int threads : new int[] {1, 3}) {
                try (Parallelism par = new Parallelism(threads)) {
                    WilsonOperator m = new WilsonOperator(u, 0.15, par);
                    WilsonEvenOdd eo = new WilsonEvenOdd(u, 0.15, par);
                    double[] x = ComplexFields.gaussian(m.length(), 32, 0);
                    double[] out = new double[2 * m.length() + 2 * eo.halfLength()];
                    double[] a = new double[m.length()], b = new double[eo.halfLength()];
                    m.apply(x, a);
                    System.arraycopy(a, 0, out, 0, a.length);
                    m.applyDagger(x, a);
                    System.arraycopy(a, 0, out, m.length(), a.length);
                    double[] xe = java.util.Arrays.copyOf(x, eo.halfLength());
                    eo.schur().apply(xe, b);
                    System.arraycopy(b, 0, out, 2 * m.length(), b.length);
                    eo.schur().applyDagger(xe, b);
                    System.arraycopy(b, 0, out, 2 * m.length() + b.length, b.length);
                    if (reference == null) {
                        reference = out;
                    } else {
                        for (int i = 0; i < out.length; i++) {
                            assertEquals(Double.doubleToRawLongBits(reference[i]), Double.doubleToRawLongBits(out[i]),
                                    group + " element " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void standardFlopCountIs1320ForSu3InFourDimensions() {
        assertEquals(1320, WilsonHopping.flopsPerSite(4, 3));
        // d = 2, U(1): 4 hops of (2 + 6) flops plus 3 accumulations of 4 flops.
        assertEquals(4 * 8 + 3 * 4, WilsonHopping.flopsPerSite(2, 1));
    }

    @Test
    void kappaFollowsTheBareMassConvention() {
        assertEquals(1.0 / 8.2, WilsonOperator.kappa(0.1, 4), 0);
        assertEquals(0.25, WilsonOperator.kappa(0, 2), 0);
        assertThrows(IllegalArgumentException.class, () -> WilsonOperator.kappa(-4, 4));
        assertThrows(IllegalArgumentException.class, () -> WilsonOperator.kappa(Double.NaN, 4));
    }

    @Test
    void badInputIsRefused() {
        GaugeField u = GaugeField.cold(new Lattice(4, 4), GaugeGroup.of("U1"));
        WilsonOperator m = new WilsonOperator(u, 0.2, Parallelism.serial());
        double[] ok = new double[m.length()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.apply(new double[m.length() - 2], ok));
        assertTrue(e.getMessage().contains("input"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.apply(ok, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> m.apply(ok, ok));
        assertThrows(IllegalArgumentException.class, () -> new WilsonOperator(u, Double.NaN, Parallelism.serial()));
        GaugeField three = GaugeField.cold(new Lattice(2, 2, 2), GaugeGroup.of("U1"));
        assertThrows(IllegalArgumentException.class, () -> new WilsonOperator(three, 0.1, Parallelism.serial()));
        assertArrayEquals(new double[m.length()], ok);
    }
}
