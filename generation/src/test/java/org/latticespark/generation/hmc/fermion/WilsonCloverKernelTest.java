package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.wilson.CloverTerm;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/**
 * {@link CloverForceKernel} on its own: the derivative of K = Re Σ tr[C F̂] for random, non-Hermitian C against a
 * five-point numerical derivative with F̂ built here from transported plaquettes (EJML), and the two coefficient
 * builders through exact identities at fixed links, K(Θ) = Re L†(A − 1)R and K(Λ) = Σ_{n odd} tr[1 − A⁻¹(n)]
 * for z = i c_SW κ; thread-count independence.
 */
class WilsonCloverKernelTest {
    private static final double H = 1e-2;
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}),
                Arguments.of("U1", new int[] {4, 4}),
                Arguments.of("SU4", new int[] {4, 4}));
    }

    /**
     * The kernel adds c·∂K to what the force array held. K is a polynomial in the links of degree 4, so the stencil
     * error is O(H⁴): measured ≤ 2e-12 relative (all links), ≤ 7e-11 (single generators).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void derivativeMatchesTheNumericalDerivativeOfTheContractedFieldStrength(String name, int[] extents) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(101, 0), par);
        CloverForceKernel kernel = new CloverForceKernel(lat, g);
        double[] c = WilsonTestSupport.gaussian(kernel.coefficients().length, 102);
        System.arraycopy(c, 0, kernel.coefficients(), 0, c.length);
        int dim = g.algebraDimension();
        double[] offset = WilsonTestSupport.gaussian(lat.links() * dim, 103);
        double[] force = offset.clone();
        double scale = -0.7;
        kernel.addDerivative(f, scale, force, par);
        for (int i = 0; i < force.length; i++) force[i] = (force[i] - offset[i]) / scale;
        double forceNorm = Math.sqrt(WilsonTestSupport.norm2(force));
        assertTrue(forceNorm > 0.1, "derivative norm " + forceNorm);

        double[] omega = WilsonTestSupport.gaussian(force.length, 104);
        double norm = Math.sqrt(WilsonTestSupport.norm2(omega));
        double analytic = 0;
        for (int i = 0; i < omega.length; i++) {
            omega[i] /= norm;
            analytic += omega[i] * force[i];
        }
        double numeric = WilsonTestSupport.derivative(u -> contracted(u, c), f, omega, 0, lat.links(), H);
        assertEquals(numeric, analytic, 1e-9 * forceNorm, name + " all links");

        double[] e = new double[force.length];
        int[] links = {lat.links() - 1, 0, lat.links() / 2 + 1};
        for (int link : links) {
            for (int a = 0; a < dim; a++) {
                e[link * dim + a] = 1;
                double single = WilsonTestSupport.derivative(u -> contracted(u, c), f, e, link, link + 1, H);
                e[link * dim + a] = 0;
                assertEquals(single, force[link * dim + a], 1e-9 * forceNorm, name + " link " + link + " a " + a);
            }
        }
    }

    /** Re L†(A − 1)R = Re Σ_n L(n)† (i c κ Σ σ ⊗ F̂) R(n) = K with C = i c κ Θ(L, R); measured ≤ 5e-15 relative. */
    @ParameterizedTest
    @MethodSource("cases")
    void outerProductsReproduceTheCloverBilinear(String name, int[] extents) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(111, 0), par);
        double kappa = 0.13, cSw = 1.7;
        CloverTerm clover = new CloverTerm(f, kappa, cSw, par);
        CloverForceKernel kernel = new CloverForceKernel(lat, g);
        double[] l = WilsonTestSupport.gaussian(kernel.fullLength(), 112);
        double[] r = WilsonTestSupport.gaussian(kernel.fullLength(), 113);
        double[] ar = new double[r.length];
        clover.apply(r, ar);
        double expected = 0;
        for (int i = 0; i < r.length; i++) expected += l[i] * (ar[i] - r[i]);
        kernel.clear();
        kernel.addOuterProducts(l, r, 0, cSw * kappa, par);
        double k = contracted(f, kernel.coefficients());
        assertTrue(Math.abs(expected) > 1e-2, "bilinear " + expected);
        assertEquals(expected, k, 1e-12 * Math.abs(expected), name);
    }

    /**
     * tr[A⁻¹(A − 1)] = tr 1 − tr A⁻¹ per site, and A − 1 = i c κ Σ σ ⊗ F̂, so K with C = i c κ Λ on the odd sites is
     * Σ_{n odd} (S·N − tr A⁻¹(n)); measured ≤ 5e-15 relative.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void inverseTracesReproduceTheTraceOfTheInverseBlocks(String name, int[] extents) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(121, 0), par);
        double kappa = 0.13, cSw = 1.7;
        CloverTerm clover = new CloverTerm(f, kappa, cSw, par);
        int b = clover.blockSize();
        double expected = 0;
        for (int site : lat.sitesOfParity(1)) {
            for (int chi = 0; chi < 2; chi++) {
                for (int r = 0; r < b; r++) {
                    expected += 1 - clover.inverseBlocks()[2 * ((2 * site + chi) * b * b + r * b + r)];
                }
            }
        }
        CloverForceKernel kernel = new CloverForceKernel(lat, g);
        kernel.clear();
        kernel.addInverseTraces(clover, 1, 0, cSw * kappa, par);
        double k = contracted(f, kernel.coefficients());
        assertTrue(Math.abs(expected) > 1e-3, "trace " + expected);
        assertEquals(expected, k, 1e-12 * Math.abs(expected), name);
        for (int site : lat.sitesOfParity(0)) {
            int o = site * lat.planes() * g.matrixSize();
            for (int i = 0; i < lat.planes() * g.matrixSize(); i++) {
                assertEquals(0.0, kernel.coefficients()[o + i], 0.0, "even site " + site);
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Lattice lat = new Lattice(4, 4, 4, 4);
        GaugeGroup g = GaugeGroup.of("SU3");
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(131, 0), par);
        double[][] force = new double[2][];
        double[][] coefficients = new double[2][];
        int[] threads = {1, 3};
        for (int t = 0; t < 2; t++) {
            try (Parallelism p = new Parallelism(threads[t])) {
                CloverTerm clover = new CloverTerm(f, 0.12, 1.3, p);
                CloverForceKernel kernel = new CloverForceKernel(lat, g);
                kernel.clear();
                kernel.addOuterProducts(WilsonTestSupport.gaussian(kernel.fullLength(), 132),
                        WilsonTestSupport.gaussian(kernel.fullLength(), 133), 0.3, -0.4, p);
                kernel.addInverseTraces(clover, 1, 0.2, 0.5, p);
                coefficients[t] = kernel.coefficients().clone();
                force[t] = new double[lat.links() * g.algebraDimension()];
                kernel.addDerivative(f, 1.5, force[t], p);
            }
        }
        assertArrayEquals(coefficients[0], coefficients[1]);
        assertArrayEquals(force[0], force[1]);
    }

    /** K = Re Σ_n Σ_{μ<ν} tr[C_μν(n) F̂_μν(n)] in the kernel's coefficient layout, F̂ from {@link #fieldStrength}. */
    static double contracted(GaugeField u, double[] c) {
        Lattice lat = u.lattice();
        int n = u.group().n(), ms = u.group().matrixSize(), d = lat.dimensions();
        double k = 0;
        for (int site = 0; site < lat.volume(); site++) {
            for (int mu = 0, p = 0; mu < d; mu++) {
                for (int nu = mu + 1; nu < d; nu++, p++) {
                    ZMatrixRMaj f = fieldStrength(u, site, mu, nu);
                    int o = (site * lat.planes() + p) * ms;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            double cr = c[o + 2 * (i * n + j)], ci = c[o + 2 * (i * n + j) + 1];
                            k += cr * f.getReal(j, i) - ci * f.getImag(j, i);
                        }
                    }
                }
            }
        }
        return k;
    }

    /**
     * F̂_μν(n) = (Q − Q†)/8 with the four leaves written as the plaquettes U_μν(m), m = n, n−μ̂, n−μ̂−ν̂, n−ν̂,
     * parallel-transported to n.
     */
    static ZMatrixRMaj fieldStrength(GaugeField u, int n, int mu, int nu) {
        Lattice lat = u.lattice();
        int nm = lat.down(n, mu), nn = lat.down(n, nu), nmn = lat.down(nm, nu);
        ZMatrixRMaj q = plaquette(u, n, mu, nu);
        ZMatrixRMaj v = link(u, nm, mu);
        CommonOps_ZDRM.add(q, mul(dag(v), plaquette(u, nm, mu, nu), v), q);
        ZMatrixRMaj w = mul(link(u, nmn, mu), link(u, nn, nu));
        CommonOps_ZDRM.add(q, mul(dag(w), plaquette(u, nmn, mu, nu), w), q);
        ZMatrixRMaj x = link(u, nn, nu);
        CommonOps_ZDRM.add(q, mul(dag(x), plaquette(u, nn, mu, nu), x), q);
        ZMatrixRMaj f = new ZMatrixRMaj(q.numRows, q.numCols);
        CommonOps_ZDRM.subtract(q, dag(q), f);
        CommonOps_ZDRM.scale(0.125, 0, f);
        return f;
    }

    private static ZMatrixRMaj plaquette(GaugeField u, int m, int mu, int nu) {
        Lattice lat = u.lattice();
        return mul(link(u, m, mu), link(u, lat.up(m, mu), nu), dag(link(u, lat.up(m, nu), mu)), dag(link(u, m, nu)));
    }

    private static ZMatrixRMaj link(GaugeField u, int site, int mu) {
        int n = u.group().n(), o = u.offset(site, mu);
        ZMatrixRMaj m = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m.set(i, j, u.links()[o + 2 * (i * n + j)], u.links()[o + 2 * (i * n + j) + 1]);
        }
        return m;
    }

    private static ZMatrixRMaj mul(ZMatrixRMaj... factors) {
        ZMatrixRMaj acc = factors[0].copy();
        for (int k = 1; k < factors.length; k++) {
            ZMatrixRMaj next = new ZMatrixRMaj(acc.numRows, factors[k].numCols);
            CommonOps_ZDRM.mult(acc, factors[k], next);
            acc = next;
        }
        return acc;
    }

    private static ZMatrixRMaj dag(ZMatrixRMaj a) {
        return CommonOps_ZDRM.transposeConjugate(a, null);
    }
}
