package org.latticespark.measurement.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;

/** Names, order, sources and values of the "phi4" stage's rows. */
class Phi4StageTest {
    private final MeasurementContext context = new MeasurementContext("phi4-test", 0, 7, 1);

    @Test
    void rowsAreTheObservablesInOrder() {
        Lattice lat = new Lattice(3, 5);
        Phi4Action action = new Phi4Action(-4, 8);
        ScalarField field = ScalarField.hot(lat, new RandomStream(5, 0), Parallelism.serial());
        Phi4Stage stage = new Phi4Stage(action, lat.timeExtent());
        assertEquals("phi4", stage.name());
        assertEquals(List.of("magnetization", "abs_magnetization", "volume_magnetization_sq", "phi2",
                "action_density", "two_point_t0", "two_point_t1", "two_point_t2"), stage.observables());

        List<Measurement> rows = stage.measure(field, context);
        assertEquals(stage.observables(), rows.stream().map(Measurement::observable).toList());
        rows.forEach(r -> assertEquals(0, r.source()));
        double[] phi = field.values();
        double m = ScalarObservables.magnetization(lat, phi);
        double[] c = ScalarObservables.twoPoint(lat, phi);
        assertEquals(m, rows.get(0).value(), 0.0);
        assertEquals(Math.abs(m), rows.get(1).value(), 0.0);
        assertEquals(lat.volume() * m * m, rows.get(2).value(), 1e-12);
        assertEquals(ScalarObservables.phiSquared(lat, phi), rows.get(3).value(), 0.0);
        assertEquals(action.action(lat, phi) / lat.volume(), rows.get(4).value(), 1e-12);
        for (int t = 0; t <= 2; t++) assertEquals(c[t], rows.get(5 + t).value(), 0.0);
    }

    @Test
    void evenTimeExtentIncludesTheMidpoint() {
        assertEquals(List.of("two_point_t0", "two_point_t1", "two_point_t2"),
                new Phi4Stage(new Phi4Action(1, 0), 4).observables().subList(5, 8));
        assertEquals(8, new Phi4Stage(new Phi4Action(1, 0), 4).observables().size());
    }

    @Test
    void refusesAMismatchedLatticeAndMissingArguments() {
        Phi4Stage stage = new Phi4Stage(new Phi4Action(1, 0), 4);
        assertThrows(IllegalArgumentException.class, () -> stage.measure(ScalarField.cold(new Lattice(4, 6)), context));
        assertThrows(IllegalArgumentException.class, () -> stage.measure(null, context));
        assertThrows(IllegalArgumentException.class, () -> new Phi4Stage(null, 4));
        assertThrows(IllegalArgumentException.class, () -> new Phi4Stage(new Phi4Action(1, 0), 0));
    }
}
