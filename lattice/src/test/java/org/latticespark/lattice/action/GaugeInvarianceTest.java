package org.latticespark.lattice.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.GaugeTransformation;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.observable.PolyakovLoop;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

class GaugeInvarianceTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("U1", new int[] {6, 4}),
                Arguments.of("SU2", new int[] {4, 3, 4}),
                Arguments.of("SU3", new int[] {4, 4, 4, 4}),
                Arguments.of("SU4", new int[] {2, 2, 2, 4}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void actionPlaquetteAndPolyakovLoopAreGaugeInvariant(String groupName, int[] extents) {
        GaugeGroup g = GaugeGroup.of(groupName);
        Lattice lat = new Lattice(extents);
        RandomStream stream = new RandomStream(5, 1);
        Parallelism par = Parallelism.serial();
        GaugeField f = GaugeField.hot(lat, g, stream, par);
        GaugeField t = GaugeTransformation.apply(f, GaugeTransformation.random(lat, g, stream, 17));
        double changed = 0;
        for (int i = 0; i < f.links().length; i++) changed = Math.max(changed, Math.abs(f.links()[i] - t.links()[i]));
        assertTrue(changed > 0.1, "the transformation must change the links");
        WilsonGaugeAction s = new WilsonGaugeAction(2.3);
        assertEquals(s.action(f, par), s.action(t, par), 1e-10 * lat.volume());
        assertEquals(Plaquettes.average(f, par), Plaquettes.average(t, par), 1e-13);
        double[] l0 = PolyakovLoop.compute(f), l1 = PolyakovLoop.compute(t);
        assertEquals(l0[0], l1[0], 1e-13);
        assertEquals(l0[1], l1[1], 1e-13);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void coldFieldHasUnitPlaquetteAndPolyakovLoop(String groupName, int[] extents) {
        GaugeField f = GaugeField.cold(new Lattice(extents), GaugeGroup.of(groupName));
        assertEquals(1.0, Plaquettes.average(f, Parallelism.serial()), 1e-15);
        assertEquals(1.0, PolyakovLoop.compute(f)[0], 1e-15);
        assertEquals(0.0, new WilsonGaugeAction(6).action(f, Parallelism.serial()), 1e-12);
    }

    /** Σ over links of Re tr(U V) counts every plaquette once per link on it: four times. */
    @ParameterizedTest
    @MethodSource("cases")
    void staplesReproduceThePlaquetteSum(String groupName, int[] extents) {
        GaugeGroup g = GaugeGroup.of(groupName);
        Lattice lat = new Lattice(extents);
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(3, 0), Parallelism.serial());
        int ms = g.matrixSize();
        double[] w = new double[3 * ms];
        double sum = 0;
        for (int site = 0; site < lat.volume(); site++) {
            for (int mu = 0; mu < lat.dimensions(); mu++) {
                Staples.staple(f, site, mu, w, 2 * ms, w);
                sum += org.latticespark.lattice.group.CMat.reTraceMul(g.n(), f.links(), f.offset(site, mu), w, 2 * ms);
            }
        }
        assertEquals(4 * Plaquettes.sum(f, Parallelism.serial()), sum, 1e-10 * lat.volume());
    }
}
