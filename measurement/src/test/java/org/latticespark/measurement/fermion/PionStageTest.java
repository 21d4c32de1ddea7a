package org.latticespark.measurement.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.fermion.wilson.WilsonCloverOperator;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.GaugeTransformation;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;

class PionStageTest {
    private static final Parallelism PAR = Parallelism.serial();
    private static final double TOLERANCE = 1e-13;
    private static final double EPS = 1e-10;

    private static Lattice lattice(String extents) {
        String[] parts = extents.split("x");
        int[] l = new int[parts.length];
        for (int i = 0; i < l.length; i++) l[i] = Integer.parseInt(parts[i]);
        return new Lattice(l);
    }

    private static PionStage stage(String type, double parameter) {
        return stage(type, parameter, 6);
    }

    private static PionStage stage(String type, double parameter, int timeExtent) {
        return new PionStage(type.equals("staggered") ? PionSettings.staggered(parameter, TOLERANCE, 10_000)
                : PionSettings.wilson(parameter, TOLERANCE, 10_000), timeExtent);
    }

    private static GaugeField hot(String group, String extents, long seed) {
        return GaugeField.hot(lattice(extents), GaugeGroup.of(group), new RandomStream(seed, 0), PAR);
    }

    /** Agreement per time slice relative to the largest |C(t)| (the free staggered C(L_t/2) vanishes). */
    private static void assertClose(double[] expected, double[] actual, double eps, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], actual[t], eps * scale, what + " t = " + t);
        }
    }

    @ParameterizedTest
    @CsvSource({"staggered, 0.1", "wilson, 0.2"})
    void oneRowPerTimeSliceOfDirectionDMinusOne(String type, double parameter) {
        GaugeField u = hot("U1", "4x6", 1);
        PionStage stage = stage(type, parameter);
        List<Measurement> rows = stage.measure(u, new MeasurementContext("e", 0, 3, 4));
        assertEquals("pion", stage.name());
        assertEquals(List.of("pion_t0", "pion_t1", "pion_t2", "pion_t3", "pion_t4", "pion_t5"), stage.observables());
        assertEquals(6, rows.size());
        double[] c = stage.correlator(u);
        for (int t = 0; t < 6; t++) {
            assertEquals("pion_t" + t, rows.get(t).observable());
            assertEquals(0, rows.get(t).source());
            assertTrue(rows.get(t).value() > 0, "C(" + t + ") = " + rows.get(t).value());
            assertEquals(Double.doubleToLongBits(c[t]), Double.doubleToLongBits(rows.get(t).value()));
        }
        // no noise: the context does not matter
        assertEquals(rows, stage.measure(u, new MeasurementContext("f", 5, 8, 9)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stage(type, parameter, 4).measure(u, new MeasurementContext("e", 0, 3, 4)));
        assertTrue(e.getMessage().contains("time extent 4"), e.getMessage());
    }

    /** Against Σ |M⁻¹(x, 0)|² from the dense inverse on a hot field. */
    @ParameterizedTest
    @CsvSource({"staggered, U1, 4x6, 0.05", "staggered, SU2, 2x2x4x4, 0.1", "staggered, SU3, 2x2x2x4, 0.2",
            "wilson, U1, 4x6, 0.22", "wilson, SU2, 2x2x2x4, 0.12", "wilson, SU3, 2x2x2x4, 0.13"})
    void hotFieldMatchesTheDenseInverse(String type, String group, String extents, double parameter) {
        GaugeField u = hot(group, extents, 11);
        LinearOperator op = type.equals("staggered") ? new StaggeredOperator(u, parameter, PAR)
                : new WilsonOperator(u, parameter, PAR);
        assertClose(dense(op, u.lattice()), stage(type, parameter).correlator(u), EPS, type + " " + group);
    }

    /** With clover: against the dense inverse of A − κH, and gauge invariant. */
    @ParameterizedTest
    @CsvSource({"U1, 4x6, 0.2, 1.5", "SU2, 2x2x2x4, 0.12, 1.2", "SU3, 2x2x2x4, 0.13, 1.0"})
    void cloverMatchesTheDenseInverseAndIsGaugeInvariant(String group, String extents, double kappa, double cSw) {
        GaugeField u = hot(group, extents, 14);
        PionStage stage = new PionStage(PionSettings.wilson(kappa, cSw, TOLERANCE, 10_000), u.lattice().timeExtent());
        double[] c = stage.correlator(u);
        assertClose(dense(new WilsonCloverOperator(u, kappa, cSw, PAR), u.lattice()), c, EPS, "clover " + group);
        GaugeField v = GaugeTransformation.apply(u, GaugeTransformation.random(u.lattice(), u.group(),
                new RandomStream(15, 0), 0));
        assertClose(c, stage.correlator(v), EPS, "clover gauge " + group);
        double[] plain = new PionStage(PionSettings.wilson(kappa, TOLERANCE, 10_000), u.lattice().timeExtent())
                .correlator(u);
        assertTrue(Math.abs(plain[1] - c[1]) > 1e-6 * c[1], "the clover term must matter");
    }

    /** c_SW = 0 (either factory) is bit for bit the plain even–odd Wilson propagator the stage computed before clover. */
    @ParameterizedTest
    @CsvSource({"U1, 4x6, 0.2", "SU2, 2x2x2x4, 0.12", "SU3, 2x2x2x4, 0.13"})
    void zeroCloverIsBitIdenticalToThePlainWilsonPath(String group, String extents, double kappa) {
        GaugeField u = hot(group, extents, 16);
        Lattice lat = u.lattice();
        int stride = new WilsonOperator(u, kappa, PAR).length() / lat.volume();
        double[] reference = new double[lat.timeExtent()];
        double[] eta = new double[stride * lat.volume()];
        for (int component = 0; component < stride / 2; component++) {
            eta[2 * component] = 1;
            double[] psi = WilsonCondensateTest.plainSolve(u, kappa, eta);
            eta[2 * component] = 0;
            for (int site = 0; site < lat.volume(); site++) {
                double s = 0;
                for (int j = site * stride; j < (site + 1) * stride; j++) s += psi[j] * psi[j];
                reference[site / lat.spatialVolume()] += s;
            }
        }
        double[] old = new PionStage(PionSettings.wilson(kappa, TOLERANCE, 10_000), lat.timeExtent()).correlator(u);
        double[] zero = new PionStage(PionSettings.wilson(kappa, 0, TOLERANCE, 10_000), lat.timeExtent()).correlator(u);
        for (int t = 0; t < reference.length; t++) {
            assertEquals(Double.doubleToLongBits(reference[t]), Double.doubleToLongBits(old[t]), "t = " + t);
            assertEquals(Double.doubleToLongBits(reference[t]), Double.doubleToLongBits(zero[t]), "t = " + t);
        }
    }

    /** C(t) from the columns of the dense inverse belonging to the origin (the first components of a field). */
    private static double[] dense(LinearOperator op, Lattice lat) {
        ZMatrixRMaj inverse = Dense.inverse(op);
        int perSite = op.length() / 2 / lat.volume();
        double[] c = new double[lat.timeExtent()];
        for (int j = 0; j < perSite; j++) {
            for (int i = 0; i < inverse.numRows; i++) {
                double re = inverse.getReal(i, j), im = inverse.getImag(i, j);
                c[i / perSite / lat.spatialVolume()] += re * re + im * im;
            }
        }
        return c;
    }

    @ParameterizedTest
    @CsvSource({"staggered, U1, 4x6, 0.1", "staggered, SU3, 2x2x2x4, 0.1", "wilson, SU2, 4x6, 0.2",
            "wilson, SU3, 2x2x2x4, 0.12"})
    void gaugeInvariant(String type, String group, String extents, double parameter) {
        GaugeField u = hot(group, extents, 12);
        GaugeField v = GaugeTransformation.apply(u, GaugeTransformation.random(u.lattice(), u.group(),
                new RandomStream(13, 0), 0));
        PionStage stage = stage(type, parameter);
        assertClose(stage.correlator(u), stage.correlator(v), EPS, type + " " + group);
    }

    /**
     * Time reflection t → −t (U'_i(x⃗, t) = U_i(x⃗, −t), U'_t(x⃗, t) = U_t(x⃗, −t − 1)†) maps C(t) to C(L_t − t) on
     * any configuration: the spin (Wilson: γ_tγ₅) and sign (staggered: (−1)^t) factors and the moved
     * antiperiodic boundary (a sign flip of one time slice) all drop out of |S|².
     */
    @ParameterizedTest
    @CsvSource({"staggered, U1, 4x6, 0.1", "staggered, SU2, 2x2x2x4, 0.2", "wilson, U1, 4x6, 0.2",
            "wilson, SU3, 2x2x2x4, 0.12"})
    void timeReflectionReversesTheCorrelator(String type, String group, String extents, double parameter) {
        GaugeField u = hot(group, extents, 14);
        PionStage stage = stage(type, parameter);
        double[] c = stage.correlator(u), reflected = stage.correlator(reflect(u));
        int lt = c.length;
        double[] expected = new double[lt];
        for (int t = 0; t < lt; t++) expected[t] = c[(lt - t) % lt];
        assertClose(expected, reflected, EPS, type + " " + group);
        assertTrue(Math.abs(c[1] - c[lt - 1]) > 1e-3 * c[1], "hot field: C(1) = C(T-1) would make this test blind");
    }

    private static GaugeField reflect(GaugeField u) {
        Lattice lat = u.lattice();
        int d = lat.dimensions(), lt = lat.timeExtent(), n = u.group().n();
        double[] links = new double[u.links().length];
        int[] x = new int[d];
        for (int site = 0; site < lat.volume(); site++) {
            lat.coordinates(site, x);
            int t = x[d - 1];
            for (int mu = 0; mu < d; mu++) {
                int to = u.offset(site, mu);
                if (mu < d - 1) {
                    x[d - 1] = -t;
                    System.arraycopy(u.links(), u.offset(lat.index(x), mu), links, to, 2 * n * n);
                } else {
                    x[d - 1] = -t - 1;
                    int from = u.offset(lat.index(x), mu);
                    for (int a = 0; a < n; a++) {
                        for (int b = 0; b < n; b++) {
                            links[to + 2 * (a * n + b)] = u.links()[from + 2 * (b * n + a)];
                            links[to + 2 * (a * n + b) + 1] = -u.links()[from + 2 * (b * n + a) + 1];
                        }
                    }
                }
                x[d - 1] = t;
            }
        }
        return new GaugeField(lat, u.group(), links);
    }

    @ParameterizedTest
    @CsvSource({"U1, 4x6, 0.2", "SU2, 2x4x2x6, 0.11", "SU3, 4x2x2x8, 0.12"})
    void freeWilsonMatchesTheMomentumSpaceClosedForm(String group, String extents, double kappa) {
        Lattice lat = lattice(extents);
        GaugeGroup g = GaugeGroup.of(group);
        double[] c = stage("wilson", kappa).correlator(GaugeField.cold(lat, g));
        int spins = lat.dimensions() == 4 ? 4 : 2;
        assertClose(FreePion.wilson(lat.extents(), kappa, spins, g.n()), c, EPS, "free Wilson " + group);
        assertSymmetric(c);
        // the source slice is the largest (not so for staggered at small m, where G(0; 0) = m K(0) is small)
        for (int t = 1; t < c.length; t++) assertTrue(c[t] < c[0], "C(" + t + ") = " + c[t] + " vs C(0) = " + c[0]);
    }

    @ParameterizedTest
    @CsvSource({"U1, 4x8, 0.1", "SU2, 2x4x2x6, 0.3", "SU3, 4x2x2x8, 0.05"})
    void freeStaggeredMatchesThePlaneWaveClosedForm(String group, String extents, double mass) {
        Lattice lat = lattice(extents);
        GaugeGroup g = GaugeGroup.of(group);
        double[] c = stage("staggered", mass).correlator(GaugeField.cold(lat, g));
        assertClose(FreePion.staggered(lat.extents(), mass, g.n()), c, EPS, "free staggered " + group);
        assertSymmetric(c);
    }

    /** C(t) = C(L_t − t). */
    private static void assertSymmetric(double[] c) {
        int lt = c.length;
        for (int t = 1; t < lt; t++) assertEquals(c[t], c[lt - t], EPS * c[0], "C(" + t + ") vs C(T - t)");
    }

    @Test
    void repeatedMeasurementsAreBitIdentical() {
        GaugeField u = hot("SU3", "2x2x2x4", 15);
        for (String type : new String[] {"staggered", "wilson"}) {
            PionStage stage = stage(type, type.equals("staggered") ? 0.1 : 0.12);
            assertArrayEquals(stage.correlator(u), stage.correlator(u.copy()));
        }
    }

    @Test
    void badSettingsNameTheirKey() {
        CondensateStageTest.assertKey("measure.pion.type", () -> new PionSettings(null, 0.1, 0.1, 0, 1e-8, 10));
        CondensateStageTest.assertKey("measure.pion.mass", () -> PionSettings.staggered(-1, 1e-8, 10));
        CondensateStageTest.assertKey("measure.pion.kappa", () -> PionSettings.wilson(0, 1e-8, 10));
        CondensateStageTest.assertKey("measure.pion.csw", () -> PionSettings.wilson(0.1, -1, 1e-8, 10));
        CondensateStageTest.assertKey("measure.pion.csw", () -> PionSettings.wilson(0.1, Double.NaN, 1e-8, 10));
        CondensateStageTest.assertKey("measure.pion.csw",
                () -> PionSettings.wilson(0.1, Double.NEGATIVE_INFINITY, 1e-8, 10));
        CondensateStageTest.assertKey("measure.pion.csw",
                () -> PionSettings.wilson(0.1, Double.POSITIVE_INFINITY, 1e-8, 10));
        assertEquals(0.0, PionSettings.wilson(0.1, 1e-8, 10).cSw());
        assertEquals(1.1, PionSettings.wilson(0.1, 1.1, 1e-8, 10).cSw());
        assertEquals(0.0, PionSettings.staggered(0.1, 1e-8, 10).cSw());
        new PionSettings(FermionType.STAGGERED, 0.1, Double.NaN, Double.NaN, 1e-8, 10);
        CondensateStageTest.assertKey("measure.pion.tolerance", () -> PionSettings.wilson(0.1, 2, 10));
        CondensateStageTest.assertKey("measure.pion.max-iterations", () -> PionSettings.wilson(0.1, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new PionStage(null, 4));
        assertThrows(IllegalArgumentException.class, () -> stage("wilson", 0.1).correlator(null));
    }
}
