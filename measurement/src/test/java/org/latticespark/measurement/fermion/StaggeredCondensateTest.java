package org.latticespark.measurement.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

class StaggeredCondensateTest {
    private static final Parallelism PAR = Parallelism.serial();
    private static final int NOISE_VECTORS = 2000;

    private static Lattice lattice(String extents) {
        String[] parts = extents.split("x");
        int[] l = new int[parts.length];
        for (int i = 0; i < l.length; i++) l[i] = Integer.parseInt(parts[i]);
        return new Lattice(l);
    }

    private static StaggeredCondensate estimator(StaggeredOperator op, double flavours) {
        return new StaggeredCondensate(op, flavours, new ConjugateGradient(1e-13, 10_000, PAR));
    }

    /** Σ_i over unit sources e_i of the estimate is the trace itself: the even–odd solve against the dense inverse. */
    @ParameterizedTest
    @CsvSource({"U1, 4x4, 0.05", "SU2, 2x2x2x2, 0.2", "SU3, 2x2x2x4, 0.1"})
    void unitSourcesGiveTheDenseTrace(String group, String extents, double mass) {
        GaugeField u = GaugeField.hot(lattice(extents), GaugeGroup.of(group), new RandomStream(11, 0), PAR);
        StaggeredOperator op = new StaggeredOperator(u, mass, PAR);
        StaggeredCondensate c = estimator(op, 2);
        double exact = Dense.reTrace(Dense.inverse(op), c.normalisation());
        double[] unit = new double[op.length()];
        double sum = 0;
        for (int j = 0; j < op.length(); j += 2) {
            unit[j] = 1;
            sum += c.estimate(unit).value();
            unit[j] = 0;
        }
        assertEquals(exact, sum, 1e-10 * Math.abs(exact));
    }

    @ParameterizedTest
    @CsvSource({"U1, 4x6, 0.1", "SU2, 4x4x4x4, 0.3", "SU3, 2x2x4x6, 0.05"})
    void freeFieldMatchesTheMomentumSpaceClosedForm(String group, String extents, double mass) {
        GaugeGroup g = GaugeGroup.of(group);
        Lattice lat = lattice(extents);
        StaggeredOperator op = new StaggeredOperator(GaugeField.cold(lat, g), mass, PAR);
        double flavours = 4;
        double dense = Dense.reTrace(Dense.inverse(op), estimator(op, flavours).normalisation());
        double closed = flavours / 4 * FreeField.staggered(lat.extents(), mass, g.n());
        assertEquals(closed, dense, 1e-10);
    }

    @Test
    void freeFieldClosedFormFromTheSolver() {
        Lattice lat = new Lattice(4, 6);
        StaggeredOperator op = new StaggeredOperator(GaugeField.cold(lat, GaugeGroup.of("SU2")), 0.1, PAR);
        StaggeredCondensate c = estimator(op, 2);
        double[] unit = new double[op.length()];
        double sum = 0;
        for (int j = 0; j < op.length(); j += 2) {
            unit[j] = 1;
            sum += c.estimate(unit).value();
            unit[j] = 0;
        }
        assertEquals(0.5 * FreeField.staggered(lat.extents(), 0.1, 2), sum, 1e-10);
    }

    /** Mean and variance over noise vectors against the exact trace and the exact per-kind variance. */
    @ParameterizedTest
    @CsvSource({"U1, 4x4, 0.1, 3", "SU2, 2x2x2x2, 0.2, 4"})
    void noiseEstimatesAreUnbiasedWithTheExactVariance(String group, String extents, double mass, long seed) {
        GaugeField u = GaugeField.hot(lattice(extents), GaugeGroup.of(group), new RandomStream(seed, 0), PAR);
        StaggeredOperator op = new StaggeredOperator(u, mass, PAR);
        StaggeredCondensate c = estimator(op, 2);
        ZMatrixRMaj inverse = Dense.inverse(op);
        double exact = Dense.reTrace(inverse, c.normalisation());
        Map<NoiseKind, Samples> samples = new EnumMap<>(NoiseKind.class);
        Map<NoiseKind, Double> variances = new EnumMap<>(NoiseKind.class);
        for (NoiseKind kind : NoiseKind.values()) {
            List<NoiseEstimate> est = c.measure(new NoiseSource(new RandomStream(seed, 1), kind), 7, NOISE_VECTORS);
            double variance = Dense.variance(inverse, c.normalisation(), kind);
            variances.put(kind, variance);
            samples.put(kind, NoiseChecks.assertConsistent(group + " " + kind, est, exact, variance));
            for (NoiseEstimate e : est) assertTrue(e.solver().converged());
        }
        VarianceOrdering.assertGaussianLargest(group, samples, variances);
    }

    @Test
    void measurementsAreReproducibleAndKeyed() {
        GaugeField u = GaugeField.hot(new Lattice(4, 4), GaugeGroup.of("U1"), new RandomStream(5, 0), PAR);
        StaggeredCondensate c = estimator(new StaggeredOperator(u, 0.2, PAR), 4);
        NoiseSource noise = new NoiseSource(new RandomStream(5, 2), NoiseKind.Z2);
        List<NoiseEstimate> a = c.measure(noise, 3, 4);
        List<NoiseEstimate> b = c.measure(noise, 3, 4);
        List<NoiseEstimate> other = c.measure(noise, 4, 4);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(i, a.get(i).noiseId());
            assertEquals(Double.doubleToLongBits(a.get(i).value()), Double.doubleToLongBits(b.get(i).value()));
            assertNotEquals(a.get(i).value(), other.get(i).value());
        }
    }

    @Test
    void threadCountDoesNotChangeTheEstimate() {
        GaugeField u = GaugeField.hot(new Lattice(8, 8, 4, 4), GaugeGroup.of("SU3"), new RandomStream(6, 0), PAR);
        NoiseSource noise = new NoiseSource(new RandomStream(6, 1), NoiseKind.Z4);
        double serial = estimator(new StaggeredOperator(u, 0.3, PAR), 4).measure(noise, 0, 1).get(0).value();
        try (Parallelism four = new Parallelism(4)) {
            StaggeredCondensate c = new StaggeredCondensate(new StaggeredOperator(u, 0.3, four), 4,
                    new ConjugateGradient(1e-13, 10_000, four));
            assertEquals(Double.doubleToLongBits(serial), Double.doubleToLongBits(c.measure(noise, 0, 1).get(0).value()));
        }
    }

    @Test
    void badInputIsRefused() {
        GaugeField u = GaugeField.cold(new Lattice(4, 4), GaugeGroup.of("U1"));
        StaggeredOperator op = new StaggeredOperator(u, 0.2, PAR);
        ConjugateGradient cg = new ConjugateGradient(1e-10, 100, PAR);
        assertThrows(IllegalArgumentException.class,
                () -> new StaggeredCondensate(new StaggeredOperator(u, 0.0, PAR), 4, cg));
        assertThrows(IllegalArgumentException.class, () -> new StaggeredCondensate(op, 0, cg));
        assertThrows(IllegalArgumentException.class, () -> new StaggeredCondensate(op, Double.NaN, cg));
        assertThrows(IllegalArgumentException.class, () -> new StaggeredCondensate(null, 4, cg));
        StaggeredCondensate c = new StaggeredCondensate(op, 4, cg);
        assertThrows(IllegalArgumentException.class, () -> c.estimate(new double[op.length() - 2]));
        assertThrows(IllegalArgumentException.class, () -> c.estimate(new double[op.length()]));
        double[] nan = new double[op.length()];
        nan[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> c.estimate(nan));
        NoiseSource noise = new NoiseSource(new RandomStream(1, 0), NoiseKind.Z2);
        assertThrows(IllegalArgumentException.class, () -> c.measure(noise, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> c.measure(null, 0, 1));
    }
}
