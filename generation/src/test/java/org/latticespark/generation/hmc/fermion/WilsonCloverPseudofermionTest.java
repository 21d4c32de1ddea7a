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
import org.latticespark.lattice.fermion.wilson.WilsonCloverOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * The Wilson–clover pseudofermion: the action against dense linear algebra on the full operator M (EJML: Schur
 * complement from M's parity blocks, det A_oo = det M_oo, det(M†M) = (det A_oo)² det(Ŝ†Ŝ)), equality with
 * {@link WilsonPseudofermion} at c_SW = 0, the heat bath (S_pf = |χ|² per draw, Gamma law), blocks with negative
 * determinants, thread-count independence and input checks.
 */
class WilsonCloverPseudofermionTest {
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 0.12, 1.5),
                Arguments.of("SU2", new int[] {4, 2, 2, 2}, 0.12, 1.3),
                Arguments.of("U1", new int[] {4, 4}, 0.2, 1.5));
    }

    private static int spins(Lattice lat) { return lat.dimensions() == 4 ? 4 : 2; }

    /** Row/column indices of the sites of one parity in a dense full-lattice matrix (site, spin, colour order). */
    private static int[] indices(Lattice lat, int parity, int perSite) {
        int[] sites = lat.sitesOfParity(parity);
        int[] idx = new int[sites.length * perSite];
        for (int i = 0; i < sites.length; i++) {
            for (int k = 0; k < perSite; k++) idx[i * perSite + k] = sites[i] * perSite + k;
        }
        return idx;
    }

    private static ZMatrixRMaj block(ZMatrixRMaj m, int[] rows, int[] cols) {
        ZMatrixRMaj b = new ZMatrixRMaj(rows.length, cols.length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) b.set(i, j, m.getReal(rows[i], cols[j]), m.getImag(rows[i], cols[j]));
        }
        return b;
    }

    private static ZMatrixRMaj times(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, b.numCols);
        CommonOps_ZDRM.mult(a, b, c);
        return c;
    }

    /**
     * Ŝ = M_ee − M_eo M_oo⁻¹ M_oe from the dense full operator; S_pf = φ†(Ŝ†Ŝ)⁻¹φ by a dense solve, S_det = −2 ln
     * det M_oo, and det M = det M_oo · det Ŝ. Measured: S_pf ≤ 5e-16 relative (CG 1e-13), S_det ≤ 6e-16 relative,
     * ln|det M| − ln|det M_oo| − ln|det Ŝ| ≤ 5e-16.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void actionEqualsTheDenseLinearAlgebraOfTheFullOperator(String name, int[] extents, double kappa, double cSw) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(91, 0), par);
        Lattice lat = f.lattice();
        WilsonCloverPseudofermion pf = new WilsonCloverPseudofermion(lat, f.group(), kappa, cSw, 0,
                new ConjugateGradient(1e-13, 10_000, par), par);
        pf.heatbath(f, new RandomStream(92, 0), 3);
        double pseudofermion = pf.pseudofermionAction(f);
        double logDet = pf.logDetAction(f);

        ZMatrixRMaj m = WilsonTestSupport.dense(new WilsonCloverOperator(f, kappa, cSw, par));
        int perSite = spins(lat) * f.group().n();
        int[] even = indices(lat, 0, perSite), odd = indices(lat, 1, perSite);
        ZMatrixRMaj mOo = block(m, odd, odd);
        ZMatrixRMaj mOoInv = new ZMatrixRMaj(mOo.numRows, mOo.numCols);
        assertTrue(CommonOps_ZDRM.invert(mOo, mOoInv));
        ZMatrixRMaj s = block(m, even, even);
        CommonOps_ZDRM.subtract(s, times(times(block(m, even, odd), mOoInv), block(m, odd, even)), s);
        ZMatrixRMaj normal = times(CommonOps_ZDRM.transposeConjugate(s, null), s);
        ZMatrixRMaj phi = WilsonTestSupport.column(pf.phi());
        ZMatrixRMaj x = new ZMatrixRMaj(phi.numRows, 1);
        assertTrue(CommonOps_ZDRM.solve(normal, phi, x));
        double exact = WilsonTestSupport.reDot(phi, x);
        assertEquals(exact, pseudofermion, 1e-10 * exact, name + " S_pf");

        Complex_F64 detOo = CommonOps_ZDRM.det(mOo);
        assertEquals(0.0, detOo.imaginary, 1e-12 * detOo.getMagnitude(), name + ": det A_oo is real");
        assertTrue(detOo.real > 0, name + ": positive blocks");
        double exactLogDet = -2 * Math.log(detOo.real);
        assertTrue(Math.abs(exactLogDet) > 1e-3, name + ": clover term must matter, S_det = " + exactLogDet);
        assertEquals(exactLogDet, logDet, 1e-12 * Math.max(1, Math.abs(exactLogDet)), name + " S_det");
        assertEquals(pseudofermion + logDet, pf.action(f), 1e-12 * Math.abs(pseudofermion + logDet), name + " S");

        Complex_F64 detM = CommonOps_ZDRM.det(m);
        Complex_F64 detS = CommonOps_ZDRM.det(s);
        double logRatio = Math.log(detM.getMagnitude()) - Math.log(detOo.getMagnitude()) - Math.log(detS.getMagnitude());
        assertEquals(0.0, logRatio, 1e-10, name + ": det M = det A_oo det Ŝ");
    }

    /**
     * At c_SW = 0, A = 1: the same heat bath, action and force as the plain Wilson term up to rounding (measured: equal
     * actions, forces within 2e-16 of the force norm).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void withoutTheCloverTermItIsThePlainWilsonPseudofermion(String name, int[] extents, double kappa, double cSw) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(81, 0), par);
        ConjugateGradient cg = new ConjugateGradient(1e-12, 10_000, par);
        WilsonCloverPseudofermion clover = new WilsonCloverPseudofermion(f.lattice(), f.group(), kappa, 0.0, 2, cg, par);
        WilsonPseudofermion plain = new WilsonPseudofermion(f.lattice(), f.group(), kappa, 2, cg, par);
        clover.refresh(f, new RandomStream(82, 0), 5);
        plain.refresh(f, new RandomStream(82, 0), 5);
        assertArrayEquals(plain.phi(), clover.phi(), 1e-14, name + " phi");
        double s = plain.action(f);
        assertEquals(s, clover.action(f), 1e-13 * s, name + " action");
        assertEquals(0.0, clover.logDetAction(f), 0.0, name + " log det");
        int n = f.lattice().links() * f.group().algebraDimension();
        double[] expected = new double[n], actual = new double[n];
        plain.force(f, expected);
        clover.force(f, actual);
        double scale = Math.sqrt(WilsonTestSupport.norm2(expected));
        for (int i = 0; i < n; i++) assertEquals(expected[i], actual[i], 1e-13 * scale, name + " force " + i);
    }

    /**
     * S_pf = χ†Ŝ(Ŝ†Ŝ)⁻¹Ŝ†χ = |χ|² draw by draw (χ redrawn with the documented keying), so S_pf ~ Gamma(k, 1),
     * k = V/2·S·N: mean k, variance k, the sample variance with variance (2k² + 6k)/draws.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void pseudofermionActionAfterTheHeatbathFollowsItsGammaLaw(String name, int[] extents, double kappa, double cSw) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(51, 0), par);
        WilsonCloverPseudofermion pf = new WilsonCloverPseudofermion(f.lattice(), f.group(), kappa, cSw, 4,
                new ConjugateGradient(1e-11, 10_000, par), par);
        int spins = spins(f.lattice());
        double k = pf.complexDegreesOfFreedom();
        assertEquals(f.lattice().volume() / 2 * spins * f.group().n(), k, name);
        RandomStream stream = new RandomStream(52, 0);
        int draws = 300;
        double[] s = new double[draws];
        for (int t = 0; t < draws; t++) {
            pf.heatbath(f, stream, t);
            s[t] = pf.pseudofermionAction(f);
            double chi2 = WilsonTestSupport.norm2(WilsonTestSupport.chi(f, spins, stream, t, 4));
            assertEquals(chi2, s[t], 1e-8 * chi2, name + " draw " + t);
        }
        GammaLaw.assertGamma(s, k, name);
    }

    /**
     * A large c_SW κ (here 21 of the 32 odd blocks have det &lt; 0) makes some odd blocks indefinite: S_det = −2 ln|det A_oo|
     * still equals −ln (det A_oo)², and its force still matches the numerical derivative (nearly singular blocks make
     * the stencil error large: measured 1.2e-9 relative at h = 5e-4, 1.9e-8 at 1e-3, O(h⁴)).
     */
    @Test
    void negativeBlockDeterminantsKeepTheWeightAndTheForceExact() {
        GaugeField f = GaugeField.hot(new Lattice(4, 2, 2, 2), GaugeGroup.of("SU2"), new RandomStream(71, 0), par);
        double kappa = 0.12, cSw = 8.0;
        WilsonCloverPseudofermion pf = new WilsonCloverPseudofermion(f.lattice(), f.group(), kappa, cSw, 0,
                new ConjugateGradient(1e-12, 10_000, par), par);
        assertTrue(pf.negativeDeterminants(f) > 0, "the test wants indefinite blocks");
        ZMatrixRMaj m = WilsonTestSupport.dense(new WilsonCloverOperator(f, kappa, cSw, par));
        int[] odd = indices(f.lattice(), 1, 4 * 2);
        Complex_F64 detOo = CommonOps_ZDRM.det(block(m, odd, odd));
        double exact = -Math.log(detOo.real * detOo.real);
        assertEquals(exact, pf.logDetAction(f), 1e-12 * Math.max(1, Math.abs(exact)), "S_det");

        double[] force = new double[f.lattice().links() * f.group().algebraDimension()];
        pf.logDetForce(f, force);
        double[] omega = WilsonTestSupport.gaussian(force.length, 72);
        double norm = Math.sqrt(WilsonTestSupport.norm2(omega));
        double analytic = 0;
        for (int i = 0; i < omega.length; i++) {
            omega[i] /= norm;
            analytic -= omega[i] * force[i];
        }
        double numeric = WilsonTestSupport.derivative(pf::logDetAction, f, omega, 0, f.lattice().links(), 5e-4);
        double forceNorm = Math.sqrt(WilsonTestSupport.norm2(force));
        assertEquals(numeric, analytic, 1e-8 * forceNorm, "log-det force with indefinite blocks");
    }

    @Test
    void heatbathActionAndForceDoNotDependOnTheThreadCount() {
        Lattice lat = new Lattice(4, 4, 4, 4);
        GaugeGroup g = GaugeGroup.of("SU2");
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(61, 0), par);
        double[][] phi = new double[2][];
        double[] action = new double[2];
        double[][] force = new double[2][lat.links() * g.algebraDimension()];
        int[] threads = {1, 3};
        for (int i = 0; i < 2; i++) {
            try (Parallelism p = new Parallelism(threads[i])) {
                WilsonCloverPseudofermion pf = new WilsonCloverPseudofermion(lat, g, 0.12, 1.3, 2,
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

    /** The clover blocks follow the links: changing the field in place changes S_det without any explicit update. */
    @Test
    void cloverBlocksFollowTheLinksOfTheBoundField() {
        GaugeField f = GaugeField.hot(new Lattice(4, 4), GaugeGroup.of("U1"), new RandomStream(65, 0), par);
        GaugeField other = GaugeField.hot(f.lattice(), f.group(), new RandomStream(66, 0), par);
        ConjugateGradient cg = new ConjugateGradient(1e-12, 10_000, par);
        WilsonCloverPseudofermion pf = new WilsonCloverPseudofermion(f.lattice(), f.group(), 0.2, 1.5, 0, cg, par);
        double before = pf.logDetAction(f);
        double expected = new WilsonCloverPseudofermion(f.lattice(), f.group(), 0.2, 1.5, 0, cg, par)
                .logDetAction(other);
        f.copyFrom(other);
        assertTrue(Math.abs(before - expected) > 1e-3);
        assertEquals(expected, pf.logDetAction(f), 0.0);
    }

    @Test
    void badInputIsRefusedWithItsName() {
        Lattice lat = new Lattice(4, 4);
        GaugeGroup g = GaugeGroup.of("U1");
        ConjugateGradient cg = new ConjugateGradient(1e-10, 100, par);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonCloverPseudofermion(lat, g, 0.0, 1.0, 0, cg, par)).getMessage().contains("kappa"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonCloverPseudofermion(lat, g, 0.1, Double.NaN, 0, cg, par)).getMessage()
                .contains("c_SW"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonCloverPseudofermion(new Lattice(3, 4), g, 0.1, 1.0, 0, cg, par)).getMessage()
                .contains("even extents"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new WilsonCloverPseudofermion(lat, g, 0.1, 1.0, 70_000, cg, par)).getMessage().contains("index"));
        WilsonCloverPseudofermion pf = new WilsonCloverPseudofermion(lat, g, 0.1, 1.0, 0, cg, par);
        GaugeField other = GaugeField.cold(new Lattice(4, 2), g);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pf.action(other)).getMessage()
                .contains("made for"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> pf.force(GaugeField.cold(lat, g), new double[3])).getMessage().contains("force array"));
    }
}
