package org.latticespark.measurement.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latticespark.lattice.fermion.wilson.WilsonCloverOperator;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.BiCgStab;

class WilsonCondensateTest {
    private static final Parallelism PAR = Parallelism.serial();
    private static final int NOISE_VECTORS = 2000;

    private static Lattice lattice(String extents) {
        String[] parts = extents.split("x");
        int[] l = new int[parts.length];
        for (int i = 0; i < l.length; i++) l[i] = Integer.parseInt(parts[i]);
        return new Lattice(l);
    }

    private static WilsonCondensate estimator(GaugeField u, double kappa) {
        return new WilsonCondensate(u, kappa, new BiCgStab(1e-13, 10_000, PAR), PAR);
    }

    /** With clover: unit sources sum to the dense trace of (A − κH)⁻¹, which differs from the plain Wilson one. */
    @ParameterizedTest
    @CsvSource({"U1, 4x4, 0.2, 1.5", "SU2, 2x2x2x2, 0.12, 1.2", "SU3, 2x2x2x4, 0.13, 1.0"})
    void cloverUnitSourcesGiveTheDenseTrace(String group, String extents, double kappa, double cSw) {
        GaugeField u = GaugeField.hot(lattice(extents), GaugeGroup.of(group), new RandomStream(22, 0), PAR);
        WilsonCondensate c = new WilsonCondensate(u, kappa, cSw, new BiCgStab(1e-13, 10_000, PAR), PAR);
        double norm = 1.0 / u.lattice().volume();
        double exact = Dense.reTrace(Dense.inverse(new WilsonCloverOperator(u, kappa, cSw, PAR)), norm);
        double plain = Dense.reTrace(Dense.inverse(new WilsonOperator(u, kappa, PAR)), norm);
        double[] unit = new double[c.sourceLength()];
        double sum = 0;
        for (int j = 0; j < unit.length; j += 2) {
            unit[j] = 1;
            sum += c.estimate(unit).value();
            unit[j] = 0;
        }
        assertEquals(exact, sum, 1e-10 * Math.abs(exact));
        assertTrue(Math.abs(exact - plain) > 1e-6 * Math.abs(exact), "the clover term must matter");
        double[] eta = new double[c.sourceLength()];
        new NoiseSource(new RandomStream(23, 0), NoiseKind.Z2).fill(4, 0, u.lattice().volume(), eta);
        assertEquals(Double.doubleToLongBits(estimator(u, kappa).estimate(eta).value()), Double.doubleToLongBits(
                new WilsonCondensate(u, kappa, 0, new BiCgStab(1e-13, 10_000, PAR), PAR).estimate(eta).value()),
                "c_SW = 0 is the plain Wilson estimator");
    }

    /** With clover: every noise kind's estimates are a sample of mean (1/V) Re tr (A − κH)⁻¹ and the exact variance. */
    @ParameterizedTest
    @CsvSource({"U1, 4x4, 0.2, 1.5, 31", "SU2, 2x2x2x2, 0.12, 1.2, 32"})
    void cloverNoiseEstimatesAreUnbiasedWithTheExactVariance(String group, String extents, double kappa, double cSw,
            long seed) {
        GaugeField u = GaugeField.hot(lattice(extents), GaugeGroup.of(group), new RandomStream(seed, 0), PAR);
        WilsonCondensate c = new WilsonCondensate(u, kappa, cSw, new BiCgStab(1e-13, 10_000, PAR), PAR);
        ZMatrixRMaj inverse = Dense.inverse(new WilsonCloverOperator(u, kappa, cSw, PAR));
        double norm = 1.0 / u.lattice().volume();
        double exact = Dense.reTrace(inverse, norm);
        for (NoiseKind kind : NoiseKind.values()) {
            List<NoiseEstimate> est = c.measure(new NoiseSource(new RandomStream(seed, 1), kind), 9, NOISE_VECTORS);
            NoiseChecks.assertConsistent("clover " + group + " " + kind, est, exact, Dense.variance(inverse, norm, kind));
        }
    }

    /** c_SW = 0 (either constructor) is bit for bit the plain even–odd Wilson solve the class did before clover. */
    @ParameterizedTest
    @CsvSource({"U1, 4x4, 0.2", "SU2, 2x2x2x2, 0.12", "SU3, 2x2x2x4, 0.13"})
    void zeroCloverIsBitIdenticalToThePlainWilsonPath(String group, String extents, double kappa) {
        GaugeField u = GaugeField.hot(lattice(extents), GaugeGroup.of(group), new RandomStream(24, 0), PAR);
        NoiseSource noise = new NoiseSource(new RandomStream(24, 1), NoiseKind.GAUSSIAN);
        List<NoiseEstimate> old = estimator(u, kappa).measure(noise, 3, 4);
        List<NoiseEstimate> zero = new WilsonCondensate(u, kappa, 0, new BiCgStab(1e-13, 10_000, PAR), PAR)
                .measure(noise, 3, 4);
        double[] eta = new double[2 * new WilsonEvenOdd(u, kappa, PAR).halfLength()];
        for (int id = 0; id < 4; id++) {
            noise.fill(3, id, u.lattice().volume(), eta);
            double reference = (1.0 / u.lattice().volume()) * ComplexVectors.reDot(eta, plainSolve(u, kappa, eta));
            assertEquals(Double.doubleToLongBits(reference), Double.doubleToLongBits(old.get(id).value()));
            assertEquals(Double.doubleToLongBits(reference), Double.doubleToLongBits(zero.get(id).value()));
        }
    }

    /** M⁻¹η, M = 1 − κH, exactly as the plain Wilson measurements solved it: BiCGStab(1e-13) on the Schur complement. */
    static double[] plainSolve(GaugeField u, double kappa, double[] eta) {
        WilsonEvenOdd evenOdd = new WilsonEvenOdd(u, kappa, PAR);
        double[] source = new double[evenOdd.halfLength()];
        double[] psiEven = new double[evenOdd.halfLength()];
        double[] psi = new double[evenOdd.fullLength()];
        evenOdd.prepareSource(eta, source, false);
        new BiCgStab(1e-13, 10_000, PAR).solve(evenOdd.schur(), source, psiEven).requireConverged("reference");
        evenOdd.reconstruct(eta, psiEven, psi, false);
        return psi;
    }

    @ParameterizedTest
    @CsvSource({"U1, 4x4, 0.2", "SU2, 2x2x2x2, 0.12", "SU3, 2x2x2x4, 0.13"})
    void unitSourcesGiveTheDenseTrace(String group, String extents, double kappa) {
        GaugeField u = GaugeField.hot(lattice(extents), GaugeGroup.of(group), new RandomStream(21, 0), PAR);
        WilsonCondensate c = estimator(u, kappa);
        double exact = Dense.reTrace(Dense.inverse(new WilsonOperator(u, kappa, PAR)), 1.0 / u.lattice().volume());
        double[] unit = new double[c.sourceLength()];
        double sum = 0;
        for (int j = 0; j < unit.length; j += 2) {
            unit[j] = 1;
            sum += c.estimate(unit).value();
            unit[j] = 0;
        }
        assertEquals(exact, sum, 1e-10 * Math.abs(exact));
    }

    @ParameterizedTest
    @CsvSource({"U1, 4x6, 0.2", "SU2, 2x2x4x4, 0.12", "SU3, 2x2x2x6, 0.124"})
    void freeFieldMatchesTheMomentumSpaceClosedForm(String group, String extents, double kappa) {
        GaugeGroup g = GaugeGroup.of(group);
        Lattice lat = lattice(extents);
        GaugeField u = GaugeField.cold(lat, g);
        double dense = Dense.reTrace(Dense.inverse(new WilsonOperator(u, kappa, PAR)), 1.0 / lat.volume());
        int spins = lat.dimensions() == 4 ? 4 : 2;
        assertEquals(FreeField.wilson(lat.extents(), kappa, spins, g.n()), dense, 1e-10);
    }

    @Test
    void freeFieldClosedFormFromTheSolver() {
        Lattice lat = new Lattice(4, 6);
        WilsonCondensate c = estimator(GaugeField.cold(lat, GaugeGroup.of("SU2")), 0.22);
        double[] unit = new double[c.sourceLength()];
        double sum = 0;
        for (int j = 0; j < unit.length; j += 2) {
            unit[j] = 1;
            sum += c.estimate(unit).value();
            unit[j] = 0;
        }
        assertEquals(FreeField.wilson(lat.extents(), 0.22, 2, 2), sum, 1e-10);
        assertEquals(0.44, c.quarkMassFactor(), 0);
    }

    @ParameterizedTest
    @CsvSource({"U1, 4x4, 0.2, 3", "SU2, 2x2x2x2, 0.12, 4"})
    void noiseEstimatesAreUnbiasedWithTheExactVariance(String group, String extents, double kappa, long seed) {
        GaugeField u = GaugeField.hot(lattice(extents), GaugeGroup.of(group), new RandomStream(seed, 0), PAR);
        WilsonCondensate c = estimator(u, kappa);
        ZMatrixRMaj inverse = Dense.inverse(new WilsonOperator(u, kappa, PAR));
        double norm = 1.0 / u.lattice().volume();
        double exact = Dense.reTrace(inverse, norm);
        Map<NoiseKind, Samples> samples = new EnumMap<>(NoiseKind.class);
        Map<NoiseKind, Double> variances = new EnumMap<>(NoiseKind.class);
        for (NoiseKind kind : NoiseKind.values()) {
            List<NoiseEstimate> est = c.measure(new NoiseSource(new RandomStream(seed, 1), kind), 9, NOISE_VECTORS);
            double variance = Dense.variance(inverse, norm, kind);
            variances.put(kind, variance);
            samples.put(kind, NoiseChecks.assertConsistent(group + " " + kind, est, exact, variance));
            for (NoiseEstimate e : est) assertTrue(e.solver().converged());
        }
        VarianceOrdering.assertGaussianLargest(group, samples, variances);
    }

    @Test
    void threadCountDoesNotChangeTheEstimate() {
        GaugeField u = GaugeField.hot(new Lattice(4, 4, 4, 8), GaugeGroup.of("SU3"), new RandomStream(6, 0), PAR);
        NoiseSource noise = new NoiseSource(new RandomStream(6, 1), NoiseKind.GAUSSIAN);
        double serial = estimator(u, 0.12).measure(noise, 2, 1).get(0).value();
        try (Parallelism four = new Parallelism(4)) {
            WilsonCondensate c = new WilsonCondensate(u, 0.12, new BiCgStab(1e-13, 10_000, four), four);
            assertEquals(Double.doubleToLongBits(serial), Double.doubleToLongBits(c.measure(noise, 2, 1).get(0).value()));
        }
    }

    @Test
    void badInputIsRefused() {
        GaugeField u = GaugeField.cold(new Lattice(4, 4), GaugeGroup.of("U1"));
        BiCgStab solver = new BiCgStab(1e-10, 100, PAR);
        assertThrows(IllegalArgumentException.class, () -> new WilsonCondensate(u, 0, solver, PAR));
        assertThrows(IllegalArgumentException.class, () -> new WilsonCondensate(u, Double.NaN, solver, PAR));
        assertThrows(IllegalArgumentException.class, () -> new WilsonCondensate(null, 0.1, solver, PAR));
        assertThrows(IllegalArgumentException.class, () -> new WilsonCondensate(u, 0.1, null, PAR));
        for (double cSw : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new WilsonCondensate(u, 0.1, cSw, solver, PAR));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new WilsonCondensate(GaugeField.cold(new Lattice(4, 3), GaugeGroup.of("U1")), 0.1, solver, PAR));
        WilsonCondensate c = new WilsonCondensate(u, 0.2, solver, PAR);
        assertThrows(IllegalArgumentException.class, () -> c.estimate(new double[c.sourceLength() + 2]));
        assertThrows(IllegalArgumentException.class, () -> c.estimate(new double[c.sourceLength()]));
        double[] inf = new double[c.sourceLength()];
        inf[0] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> c.estimate(inf));
        assertThrows(IllegalArgumentException.class,
                () -> c.measure(new NoiseSource(new RandomStream(1, 0), NoiseKind.Z4), 0, -1));
    }
}
