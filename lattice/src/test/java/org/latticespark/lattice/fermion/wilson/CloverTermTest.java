package org.latticespark.lattice.fermion.wilson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.GaugeTransformation;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

class CloverTermTest {
    /** Round-off allowance for O(1) entries built from a few dozen products. */
    private static final double EPS = 1e-13;
    private static final double KAPPA = 0.13;
    private static final double CSW = 1.9;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 2, 2}),
                Arguments.of("SU2", new int[] {2, 4, 2, 4}),
                Arguments.of("U1", new int[] {4, 2, 4, 2}),
                Arguments.of("SU3", new int[] {4, 6}),
                Arguments.of("U1", new int[] {6, 4}));
    }

    static GaugeField hot(String group, int[] extents, long seed) {
        return GaugeField.hot(new Lattice(extents), GaugeGroup.of(group), new RandomStream(seed, 7), Parallelism.serial());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void blocksEqualTheDenseSigmaTimesFieldStrengthConstruction(String group, int[] extents) {
        GaugeField u = hot(group, extents, 51);
        CloverTerm clover = new CloverTerm(u, KAPPA, CSW, Parallelism.serial());
        int b = clover.blockSize(), dim = 2 * b, stride = 2 * dim;
        assertEquals(GammaBasis.of(extents.length).spins() / 2 * u.group().n(), b);
        double[] x = ComplexFields.gaussian(u.lattice().volume() * stride, 52, 0);
        double[] ax = new double[x.length];
        clover.apply(x, ax);
        double farFromOne = 0;
        for (int site = 0; site < u.lattice().volume(); site++) {
            ZMatrixRMaj dense = CloverDense.siteMatrix(u, site, KAPPA, CSW);
            assertTrue(CloverDense.maxAbs(CloverDense.sub(dense, 0, b, b, b)) < 1e-15, "no chirality mixing, site " + site);
            assertTrue(CloverDense.maxAbs(CloverDense.sub(dense, b, 0, b, b)) < 1e-15, "no chirality mixing, site " + site);
            assertTrue(CloverDense.maxDiff(dense, CloverDense.dag(dense)) < EPS, "A(n) is Hermitian, site " + site);
            for (int chi = 0; chi < 2; chi++) {
                ZMatrixRMaj stored = CloverDense.storedBlock(clover.blocks(), b, site, chi);
                assertTrue(CloverDense.maxDiff(CloverDense.sub(dense, chi * b, chi * b, b, b), stored) < EPS,
                        "block " + chi + " of site " + site);
            }
            farFromOne = Math.max(farFromOne, CloverDense.maxDiff(dense, CommonOps_ZDRM.identity(dim)));
            ZMatrixRMaj xs = new ZMatrixRMaj(dim, 1);
            for (int r = 0; r < dim; r++) xs.set(r, 0, x[site * stride + 2 * r], x[site * stride + 2 * r + 1]);
            ZMatrixRMaj expected = CloverDense.mul(dense, xs);
            for (int r = 0; r < dim; r++) {
                assertEquals(expected.getReal(r, 0), ax[site * stride + 2 * r], EPS, "(A x) re, site " + site);
                assertEquals(expected.getImag(r, 0), ax[site * stride + 2 * r + 1], EPS, "(A x) im, site " + site);
            }
        }
        assertTrue(farFromOne > 0.05, "the clover term is not trivial on a hot field: " + farFromOne);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inversesAndLogDetsMatchDenseLinearAlgebra(String group, int[] extents) {
        inversesAndLogDets(hot(group, extents, 53), CSW);
    }

    /** c_SW κ = 1.3 is far outside the bound 6|c_SW κ| &lt; 1: some blocks have negative determinants. */
    @Test
    void strongCloverTermHasNegativeBlocksCountedAndInverted() {
        CloverTerm clover = inversesAndLogDets(hot("SU3", new int[] {4, 4, 2, 2}, 62), 10.0);
        assertTrue(clover.negativeDeterminants(0) + clover.negativeDeterminants(1) > 0, "the strong case has teeth");
        assertEquals(0, inversesAndLogDets(hot("SU3", new int[] {4, 4, 2, 2}, 62), 1.0 / (6 * KAPPA) - 1e-9)
                .negativeDeterminants(0), "positive definite inside the bound");
    }

    private static CloverTerm inversesAndLogDets(GaugeField u, double cSw) {
        CloverTerm clover = new CloverTerm(u, KAPPA, cSw, Parallelism.serial());
        Lattice lat = u.lattice();
        int b = clover.blockSize();
        double[] logDet = new double[2];
        int[] negative = new int[2];
        for (int site = 0; site < lat.volume(); site++) {
            for (int chi = 0; chi < 2; chi++) {
                ZMatrixRMaj block = CloverDense.storedBlock(clover.blocks(), b, site, chi);
                ZMatrixRMaj inverse = CloverDense.storedBlock(clover.inverseBlocks(), b, site, chi);
                assertTrue(CloverDense.maxDiff(CloverDense.mul(block, inverse), CommonOps_ZDRM.identity(b)) < 1e-12,
                        "B B^-1 = 1, site " + site);
                double[] det = CloverDense.logAbsDetAndPhase(block);
                assertTrue(Math.abs(Math.sin(det[1])) < 1e-12, "det of a Hermitian block is real: phase " + det[1]);
                logDet[lat.parity(site)] += det[0];
                if (Math.cos(det[1]) < 0) negative[lat.parity(site)]++;
            }
        }
        for (int p = 0; p < 2; p++) {
            assertEquals(logDet[p], clover.logDet(p), 1e-12 * (1 + Math.abs(logDet[p])), "ln|det A_pp|, parity " + p);
            assertEquals(negative[p], clover.negativeDeterminants(p), "negative determinants, parity " + p);
            assertTrue(Math.abs(clover.logDet(p)) > 0.01, "log det is not trivially 0: " + clover.logDet(p));
        }
        double[] x = ComplexFields.gaussian(lat.volume() * 4 * b, 54, 0);
        double[] ax = new double[x.length], back = new double[x.length];
        clover.apply(x, ax);
        clover.applyInverse(ax, back);
        assertTrue(ComplexFields.maxAbsDiff(back, x) < 1e-12, "A^-1 A x = x");
        int half = x.length / 2;
        for (int p = 0; p < 2; p++) {
            double[] xh = java.util.Arrays.copyOf(x, half), ah = new double[half], bh = new double[half];
            clover.apply(p, xh, ah);
            clover.applyInverse(p, ah, bh);
            assertTrue(ComplexFields.maxAbsDiff(bh, xh) < 1e-12, "A_pp^-1 A_pp x = x, parity " + p);
            double[] full = new double[x.length], afull = new double[x.length];
            int[] list = lat.sitesOfParity(p);
            for (int i = 0; i < list.length; i++) System.arraycopy(xh, i * 4 * b, full, list[i] * 4 * b, 4 * b);
            clover.apply(full, afull);
            for (int i = 0; i < list.length; i++) {
                for (int j = 0; j < 4 * b; j++) {
                    assertEquals(afull[list[i] * 4 * b + j], ah[i * 4 * b + j], 0.0, "A_pp is A on the sites of parity " + p);
                }
            }
        }
        return clover;
    }

    @Test
    void isTheIdentityOnTheUnitConfiguration() {
        for (String group : new String[] {"SU3", "U1"}) {
            for (int[] extents : new int[][] {{4, 2, 2, 4}, {4, 4}}) {
                GaugeField cold = GaugeField.cold(new Lattice(extents), GaugeGroup.of(group));
                CloverTerm clover = new CloverTerm(cold, KAPPA, CSW, Parallelism.serial());
                double[] x = ComplexFields.gaussian(cold.lattice().volume() * 4 * clover.blockSize(), 55, 0);
                double[] ax = new double[x.length], ix = new double[x.length];
                clover.apply(x, ax);
                clover.applyInverse(x, ix);
                assertArrayEquals(x, ax, 0.0, "A = 1");
                assertArrayEquals(x, ix, 0.0, "A^-1 = 1");
                assertEquals(0.0, clover.logDet(0), 0.0);
                assertEquals(0.0, clover.logDet(1), 0.0);
            }
        }
    }

    /**
     * A U(1) field of constant plaquette angle θ_μν = 2π k_μν/(L_μ L_ν), embedded in SU(N) as diag(e^{i q_c φ}) with
     * integer charges q_c summing to 0: every leaf of colour c equals e^{i q_c θ_μν}, so F̂_μν = i sin(q_c θ_μν)
     * (= i q_c θ_μν + O(θ³), the continuum field strength) and A = 1 − c κ Σ_{μ&lt;ν} sin(q_c θ_μν) σ_μν.
     */
    @Test
    void constantAbelianFieldGivesTheSineOfThePlaquetteAngle() {
        check(new int[] {4, 4, 2, 4}, "SU3", new int[] {1, 1, -2}, new int[] {1, -1, 2, 1, 3, -1});
        check(new int[] {4, 2, 2, 2}, "SU2", new int[] {1, -1}, new int[] {1, 0, 1, 1, -1, 1});
        check(new int[] {6, 4}, "U1", new int[] {1}, new int[] {1});
        check(new int[] {4, 6}, "SU3", new int[] {2, -1, -1}, new int[] {-1});
    }

    private static void check(int[] extents, String group, int[] charges, int[] fluxes) {
        Lattice lat = new Lattice(extents);
        int d = extents.length, n = charges.length;
        GaugeField u = GaugeField.cold(lat, GaugeGroup.of(group));
        double[] theta = new double[lat.planes()];
        double[][] phase = new double[lat.volume()][d];
        int[] x = new int[d];
        for (int mu = 0, p = 0; mu < d; mu++) {
            for (int nu = mu + 1; nu < d; nu++, p++) {
                theta[p] = 2 * Math.PI * fluxes[p] / (extents[mu] * extents[nu]);
                for (int site = 0; site < lat.volume(); site++) {
                    lat.coordinates(site, x);
                    phase[site][nu] += theta[p] * x[mu];
                    if (x[mu] == extents[mu] - 1) phase[site][mu] -= theta[p] * extents[mu] * x[nu];
                }
            }
        }
        for (int site = 0; site < lat.volume(); site++) {
            for (int mu = 0; mu < d; mu++) {
                int o = u.offset(site, mu);
                for (int c = 0; c < n; c++) {
                    u.links()[o + 2 * (c * n + c)] = Math.cos(charges[c] * phase[site][mu]);
                    u.links()[o + 2 * (c * n + c) + 1] = Math.sin(charges[c] * phase[site][mu]);
                }
            }
        }
        assertTrue(u.maxGroupDeviation() < 1e-14);
        CloverTerm clover = new CloverTerm(u, KAPPA, CSW, Parallelism.serial());
        GammaBasis g = GammaBasis.of(d);
        int spins = g.spins(), b = clover.blockSize(), dim = spins * n;
        ZMatrixRMaj expected = new ZMatrixRMaj(dim, dim);
        for (int c = 0; c < n; c++) {
            for (int s = 0; s < spins; s++) expected.set(s * n + c, s * n + c, 1, 0);
            for (int mu = 0, p = 0; mu < d; mu++) {
                for (int nu = mu + 1; nu < d; nu++, p++) {
                    ZMatrixRMaj sigma = CloverDense.sigma(g, mu, nu);
                    double f = -CSW * KAPPA * Math.sin(charges[c] * theta[p]);
                    for (int s = 0; s < spins; s++) {
                        for (int t = 0; t < spins; t++) {
                            int r = s * n + c, k = t * n + c;
                            expected.set(r, k, expected.getReal(r, k) + f * sigma.getReal(s, t),
                                    expected.getImag(r, k) + f * sigma.getImag(s, t));
                        }
                    }
                }
            }
        }
        for (int site = 0; site < lat.volume(); site++) {
            for (int chi = 0; chi < 2; chi++) {
                ZMatrixRMaj stored = CloverDense.storedBlock(clover.blocks(), b, site, chi);
                assertTrue(CloverDense.maxDiff(CloverDense.sub(expected, chi * b, chi * b, b, b), stored) < 1e-14,
                        group + " " + lat + ": block " + chi + " at site " + site);
            }
            assertTrue(CloverDense.maxAbs(CloverDense.sub(expected, 0, b, b, b)) == 0, "no chirality mixing");
        }
        assertTrue(CloverDense.maxDiff(expected, CommonOps_ZDRM.identity(dim)) > 0.01, "the field is not trivial");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isGaugeCovariant(String group, int[] extents) {
        GaugeField u = hot(group, extents, 56);
        Lattice lat = u.lattice();
        GaugeGroup gg = u.group();
        double[] g = GaugeTransformation.random(lat, gg, new RandomStream(57, 2), 3);
        GaugeField ug = GaugeTransformation.apply(u, g);
        CloverTerm a = new CloverTerm(u, KAPPA, CSW, Parallelism.serial());
        CloverTerm ag = new CloverTerm(ug, KAPPA, CSW, Parallelism.serial());
        int spins = 2 * a.blockSize() / gg.n();
        double[] psi = ComplexFields.gaussian(lat.volume() * 4 * a.blockSize(), 58, 0);
        double[] apsi = new double[psi.length], lhs = new double[psi.length];
        a.apply(psi, apsi);
        ag.apply(transform(g, gg.n(), spins, psi), lhs);
        assertTrue(ComplexFields.maxAbsDiff(lhs, transform(g, gg.n(), spins, apsi)) < EPS, "A[U^g] (g psi) = g A[U] psi");
        assertEquals(a.logDet(0), ag.logDet(0), 1e-12 * Math.abs(a.logDet(0)), "log det is gauge invariant");
        if (gg.n() > 1) {
            assertTrue(ComplexFields.maxAbsDiff(a.blocks(), ag.blocks()) > 0.01, "the transformation changes the blocks");
        }
    }

    /** (g ψ)(n) = G(n) ψ(n) on every spin component. */
    static double[] transform(double[] g, int n, int spins, double[] psi) {
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

    @Test
    void resultsAreBitIdenticalForOneAndThreeThreadsAndUpdateFollowsTheLinks() {
        Lattice lat = new Lattice(4, 4, 4, 4);
        GaugeField u = GaugeField.hot(lat, GaugeGroup.of("SU3"), new RandomStream(59, 0), Parallelism.serial());
        GaugeField other = GaugeField.hot(lat, GaugeGroup.of("SU3"), new RandomStream(60, 0), Parallelism.serial());
        CloverTerm serial = new CloverTerm(u, KAPPA, CSW, Parallelism.serial());
        double[] x = ComplexFields.gaussian(lat.volume() * 24, 61, 0);
        double[] ref = new double[x.length], got = new double[x.length];
        serial.apply(x, ref);
        try (Parallelism par = new Parallelism(3)) {
            GaugeField mine = u.copy();
            CloverTerm threaded = new CloverTerm(mine, KAPPA, CSW, par);
            assertArrayEquals(serial.blocks(), threaded.blocks(), 0.0);
            assertArrayEquals(serial.inverseBlocks(), threaded.inverseBlocks(), 0.0);
            assertEquals(serial.logDet(0), threaded.logDet(0), 0.0);
            assertEquals(serial.logDet(1), threaded.logDet(1), 0.0);
            threaded.apply(x, got);
            assertArrayEquals(ref, got, 0.0);

            mine.copyFrom(other);
            threaded.update();
            CloverTerm fresh = new CloverTerm(other, KAPPA, CSW, Parallelism.serial());
            assertArrayEquals(fresh.blocks(), threaded.blocks(), 0.0, "update() reads the new links");
            assertArrayEquals(fresh.inverseBlocks(), threaded.inverseBlocks(), 0.0);
            assertEquals(fresh.logDet(1), threaded.logDet(1), 0.0);
            assertTrue(ComplexFields.maxAbsDiff(fresh.blocks(), serial.blocks()) > 0.1);
        }
    }

    @Test
    void badInputIsRefused() {
        GaugeField u = GaugeField.cold(new Lattice(4, 4), GaugeGroup.of("U1"));
        assertThrows(IllegalArgumentException.class, () -> new CloverTerm(u, 0.1, Double.NaN, Parallelism.serial()));
        assertThrows(IllegalArgumentException.class, () -> new CloverTerm(u, Double.POSITIVE_INFINITY, 1, Parallelism.serial()));
        assertThrows(IllegalArgumentException.class,
                () -> new CloverTerm(GaugeField.cold(new Lattice(2, 2, 2), GaugeGroup.of("U1")), 0.1, 1, Parallelism.serial()));
        CloverTerm c = new CloverTerm(u, 0.1, 1, Parallelism.serial());
        double[] full = new double[16 * 4];
        assertThrows(IllegalArgumentException.class, () -> c.apply(full, full));
        assertThrows(IllegalArgumentException.class, () -> c.apply(full, new double[8]));
        assertThrows(IllegalArgumentException.class, () -> c.apply(2, new double[32], new double[32]));
        assertThrows(IllegalArgumentException.class, () -> c.logDet(-1));
        assertThrows(IllegalArgumentException.class, () -> c.applyInverse(0, full, new double[full.length]));
    }
}
