package org.latticespark.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.GaugeTransformation;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

class MeasurementStagesTest {
    private static final MeasurementContext CONTEXT = new MeasurementContext("test", 0, 1, 7);
    private final List<MeasurementStage> stages = MeasurementStages.of(List.of("plaquette", "polyakov"));

    /** Every observable of every stage is unchanged by a random gauge transformation. */
    @ParameterizedTest
    @ValueSource(strings = {"U1", "SU2", "SU3"})
    void everyObservableIsGaugeInvariant(String group) {
        GaugeGroup g = GaugeGroup.of(group);
        Lattice lat = new Lattice(4, 2, 4, 6);
        RandomStream stream = new RandomStream(8, 0);
        GaugeField f = GaugeField.hot(lat, g, stream, Parallelism.serial());
        GaugeField t = GaugeTransformation.apply(f, GaugeTransformation.random(lat, g, stream, 3));
        for (MeasurementStage stage : stages) {
            List<Measurement> a = stage.measure(f, CONTEXT), b = stage.measure(t, CONTEXT);
            assertEquals(stage.observables(), a.stream().map(Measurement::observable).toList());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).value(), b.get(i).value(), 1e-13, a.get(i).observable());
            }
        }
    }

    @Test
    void unitConfigurationHasUnitObservables() {
        GaugeField cold = GaugeField.cold(new Lattice(4, 4, 4, 4), GaugeGroup.of("SU3"));
        for (MeasurementStage stage : stages) {
            for (Measurement m : stage.measure(cold, CONTEXT)) {
                double expected = m.observable().equals("polyakov_im") ? 0 : 1;
                assertEquals(expected, m.value(), 1e-15, m.observable());
            }
        }
    }

    /** A center transformation of all time links on one time slice multiplies L by e^{2πi/3}. */
    @Test
    void polyakovLoopTransformsUnderTheCenter() {
        Lattice lat = new Lattice(4, 4, 4, 4);
        GaugeField f = GaugeField.hot(lat, GaugeGroup.of("SU3"), new RandomStream(2, 0), Parallelism.serial());
        List<Measurement> before = new PolyakovLoopStage().measure(f, CONTEXT);
        double c = Math.cos(2 * Math.PI / 3), s = Math.sin(2 * Math.PI / 3);
        for (int x = 0; x < lat.spatialVolume(); x++) {
            int o = f.offset(x, 3);
            for (int i = 0; i < 18; i += 2) {
                double re = f.links()[o + i], im = f.links()[o + i + 1];
                f.links()[o + i] = c * re - s * im;
                f.links()[o + i + 1] = s * re + c * im;
            }
        }
        List<Measurement> after = new PolyakovLoopStage().measure(f, CONTEXT);
        double re = before.get(0).value(), im = before.get(1).value();
        assertEquals(c * re - s * im, after.get(0).value(), 1e-14);
        assertEquals(s * re + c * im, after.get(1).value(), 1e-14);
        assertEquals(before.get(2).value(), after.get(2).value(), 1e-14);
    }

    @Test
    void unknownStageNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeasurementStages.of("topology"));
        assertTrue(e.getMessage().startsWith("measure.stages:") && e.getMessage().contains("topology"), e.getMessage());
    }
}
