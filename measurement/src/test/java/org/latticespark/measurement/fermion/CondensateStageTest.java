package org.latticespark.measurement.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.fermion.wilson.WilsonCloverOperator;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.BiCgStab;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;

class CondensateStageTest {
    private static final Parallelism PAR = Parallelism.serial();
    private static final MeasurementContext CONTEXT = new MeasurementContext("e", 2, 17, 99);
    private static final CondensateSettings STAGGERED =
            CondensateSettings.staggered(0.1, 2, NoiseKind.Z4, 5, 1e-12, 10_000);
    private static final CondensateSettings WILSON = CondensateSettings.wilson(0.15, NoiseKind.Z2, 5, 1e-12, 10_000);

    private static GaugeField hot(Lattice lat, String group, long seed) {
        return GaugeField.hot(lat, GaugeGroup.of(group), new RandomStream(seed, 0), PAR);
    }

    @Test
    void oneRowPerNoiseVectorThenItsIterations() {
        GaugeField u = hot(new Lattice(4, 4, 2, 2), "SU3", 1);
        for (CondensateSettings s : List.of(STAGGERED, WILSON)) {
            CondensateStage stage = new CondensateStage(s);
            List<Measurement> rows = stage.measure(u, CONTEXT);
            assertEquals("condensate", stage.name());
            assertEquals(List.of("pbp", "pbp_iterations"), stage.observables());
            assertEquals(2 * s.vectors(), rows.size());
            for (int id = 0; id < s.vectors(); id++) {
                Measurement pbp = rows.get(id), it = rows.get(s.vectors() + id);
                assertEquals("pbp", pbp.observable());
                assertEquals(id, pbp.source());
                assertTrue(Double.isFinite(pbp.value()) && pbp.value() != 0, "pbp " + pbp.value());
                assertEquals("pbp_iterations", it.observable());
                assertEquals(id, it.source());
                assertTrue(it.value() >= 1 && it.value() == Math.rint(it.value()), "iterations " + it.value());
            }
        }
    }

    /** The stage is the estimator on the context's stream, keyed by the configuration index, bit for bit. */
    @Test
    void stageEqualsTheDirectEstimators() {
        GaugeField u = hot(new Lattice(2, 2, 2, 4), "SU2", 2);
        NoiseSource z4 = new NoiseSource(new RandomStream(99, 2), NoiseKind.Z4);
        List<NoiseEstimate> staggered = new StaggeredCondensate(new StaggeredOperator(u, 0.1, PAR), 2,
                new ConjugateGradient(1e-12, 10_000, PAR)).measure(z4, 17, 5);
        assertRowsAre(staggered, new CondensateStage(STAGGERED).measure(u, CONTEXT));
        NoiseSource z2 = new NoiseSource(new RandomStream(99, 2), NoiseKind.Z2);
        List<NoiseEstimate> wilson = new WilsonCondensate(u, 0.15, new BiCgStab(1e-12, 10_000, PAR), PAR)
                .measure(z2, 17, 5);
        assertRowsAre(wilson, new CondensateStage(WILSON).measure(u, CONTEXT));
        List<NoiseEstimate> clover = new WilsonCondensate(u, 0.15, 1.3, new BiCgStab(1e-12, 10_000, PAR), PAR)
                .measure(z2, 17, 5);
        assertRowsAre(clover, new CondensateStage(CondensateSettings.wilson(0.15, 1.3, NoiseKind.Z2, 5, 1e-12, 10_000))
                .measure(u, CONTEXT));
    }

    private static void assertRowsAre(List<NoiseEstimate> expected, List<Measurement> rows) {
        int n = expected.size();
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToLongBits(expected.get(i).value()), Double.doubleToLongBits(rows.get(i).value()));
            assertEquals(expected.get(i).solver().iterations(), rows.get(n + i).value());
        }
    }

    @Test
    void sameContextIsBitIdenticalOtherKeysGiveOtherNoise() {
        GaugeField u = hot(new Lattice(4, 4), "U1", 3);
        for (CondensateSettings s : List.of(STAGGERED, WILSON)) {
            CondensateStage stage = new CondensateStage(s);
            List<Measurement> a = stage.measure(u, CONTEXT);
            assertEquals(a, stage.measure(u, new MeasurementContext("other-name", 2, 17, 99)));
            for (MeasurementContext other : List.of(new MeasurementContext("e", 2, 18, 99),
                    new MeasurementContext("e", 3, 17, 99), new MeasurementContext("e", 2, 17, 100))) {
                List<Measurement> b = stage.measure(u, other);
                for (int id = 0; id < s.vectors(); id++) assertNotEquals(a.get(id).value(), b.get(id).value());
            }
        }
    }

    /** The mean over many vectors is the dense trace with its normalisation, within the exact noise error. */
    @Test
    void meanOverVectorsIsTheDenseTrace() {
        GaugeField u = hot(new Lattice(4, 4), "U1", 4);
        int vectors = 400;
        double volume = u.lattice().volume();
        check(new CondensateStage(CondensateSettings.staggered(0.2, 3, NoiseKind.Z4, vectors, 1e-12, 10_000)),
                u, new StaggeredOperator(u, 0.2, PAR), 3 / 4.0 / volume, NoiseKind.Z4);
        check(new CondensateStage(CondensateSettings.wilson(0.2, NoiseKind.GAUSSIAN, vectors, 1e-12, 10_000)),
                u, new WilsonOperator(u, 0.2, PAR), 1 / volume, NoiseKind.GAUSSIAN);
        check(new CondensateStage(CondensateSettings.wilson(0.2, 1.5, NoiseKind.Z2, vectors, 1e-12, 10_000)),
                u, new WilsonCloverOperator(u, 0.2, 1.5, PAR), 1 / volume, NoiseKind.Z2);
    }

    private static void check(CondensateStage stage, GaugeField u, LinearOperator op, double norm, NoiseKind kind) {
        ZMatrixRMaj inverse = Dense.inverse(op);
        double exact = Dense.reTrace(inverse, norm);
        double error = Math.sqrt(Dense.variance(inverse, norm, kind) / stage.settings().vectors());
        double mean = stage.measure(u, CONTEXT).stream().filter(m -> m.observable().equals("pbp"))
                .mapToDouble(Measurement::value).average().orElseThrow();
        assertEquals(exact, mean, 4 * error, stage.settings().type() + " mean vs dense trace");
    }

    @Test
    void stageSurvivesSerialization() throws Exception {
        CondensateStage stage = new CondensateStage(STAGGERED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(stage);
        }
        CondensateStage copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (CondensateStage) in.readObject();
        }
        assertEquals(stage.settings(), copy.settings());
        GaugeField u = hot(new Lattice(4, 4), "U1", 5);
        assertEquals(stage.measure(u, CONTEXT), copy.measure(u, CONTEXT));
    }

    @Test
    void badSettingsNameTheirKey() {
        assertKey("measure.condensate.type",
                () -> new CondensateSettings(null, 0.1, 2, 0.1, 0, NoiseKind.Z2, 1, 1e-8, 100));
        assertKey("measure.condensate.mass", () -> CondensateSettings.staggered(0, 2, NoiseKind.Z2, 1, 1e-8, 100));
        assertKey("measure.condensate.mass",
                () -> CondensateSettings.staggered(Double.NaN, 2, NoiseKind.Z2, 1, 1e-8, 100));
        assertKey("measure.condensate.flavours", () -> CondensateSettings.staggered(0.1, 0, NoiseKind.Z2, 1, 1e-8, 100));
        assertKey("measure.condensate.kappa", () -> CondensateSettings.wilson(-0.1, NoiseKind.Z2, 1, 1e-8, 100));
        assertKey("measure.condensate.kappa",
                () -> CondensateSettings.wilson(Double.POSITIVE_INFINITY, NoiseKind.Z2, 1, 1e-8, 100));
        assertKey("measure.condensate.csw", () -> CondensateSettings.wilson(0.1, -0.5, NoiseKind.Z2, 1, 1e-8, 100));
        assertKey("measure.condensate.csw",
                () -> CondensateSettings.wilson(0.1, Double.NaN, NoiseKind.Z2, 1, 1e-8, 100));
        assertKey("measure.condensate.csw",
                () -> CondensateSettings.wilson(0.1, Double.POSITIVE_INFINITY, NoiseKind.Z2, 1, 1e-8, 100));
        assertEquals(0.0, CondensateSettings.wilson(0.1, NoiseKind.Z2, 1, 1e-8, 100).cSw());
        assertEquals(1.7, CondensateSettings.wilson(0.1, 1.7, NoiseKind.Z2, 1, 1e-8, 100).cSw());
        assertEquals(0.0, CondensateSettings.staggered(0.1, 2, NoiseKind.Z2, 1, 1e-8, 100).cSw());
        // staggered: κ and c_SW are not used and not checked
        new CondensateSettings(FermionType.STAGGERED, 0.1, 2, Double.NaN, Double.NaN, NoiseKind.Z2, 1, 1e-8, 100);
        assertKey("measure.condensate.noise", () -> CondensateSettings.wilson(0.1, null, 1, 1e-8, 100));
        assertKey("measure.condensate.vectors", () -> CondensateSettings.wilson(0.1, NoiseKind.Z2, 0, 1e-8, 100));
        assertKey("measure.condensate.vectors", () -> CondensateSettings.wilson(0.1, NoiseKind.Z2, 65537, 1e-8, 100));
        assertKey("measure.condensate.tolerance", () -> CondensateSettings.wilson(0.1, NoiseKind.Z2, 1, 0, 100));
        assertKey("measure.condensate.tolerance", () -> CondensateSettings.wilson(0.1, NoiseKind.Z2, 1, 1, 100));
        assertKey("measure.condensate.max-iterations", () -> CondensateSettings.wilson(0.1, NoiseKind.Z2, 1, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new CondensateStage(null));
        CondensateSettings.wilson(0.1, NoiseKind.Z2, 65536, 1e-8, 1);
        assertEquals(FermionType.WILSON, FermionType.parse("k", " Wilson"));
        assertKey("measure.pion.type", () -> FermionType.parse("measure.pion.type", "overlap"));
    }

    static void assertKey(String key, Executable constructor) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, constructor);
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }
}
