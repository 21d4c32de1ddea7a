package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/**
 * Right after the heat bath S_f = χ† P χ with P a projector of rank k = V N/2, so S_f ~ Gamma(k, 1): mean k,
 * variance k, fourth central moment 3k² + 6k. Both moments are tested by z-scores over many draws.
 */
class StaggeredHeatbathTest {
    private static final int DRAWS = 400;
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {2, 2, 2, 2}),
                Arguments.of("U1", new int[] {4, 4}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void actionAfterTheHeatbathHasTheGammaLawOfTheDegreesOfFreedom(String name, int[] extents) {
        GaugeField f = GaugeField.hot(new Lattice(extents), GaugeGroup.of(name), new RandomStream(51, 0), par);
        StaggeredPseudofermion pf = new StaggeredPseudofermion(f.lattice(), f.group(), 0.2, 0,
                new ConjugateGradient(1e-10, 10_000, par), par);
        RandomStream stream = new RandomStream(52, 0);
        double[] s = new double[DRAWS];
        for (int t = 0; t < DRAWS; t++) {
            pf.heatbath(f, stream, t);
            s[t] = pf.action(f);
        }
        double k = pf.complexDegreesOfFreedom();
        assertEquals(extents.length == 4 ? 8 * 3 : 8, k, name);
        GammaLaw.assertGamma(s, k, name);
    }

    @Test
    void heatbathAndForceDoNotDependOnTheThreadCount() {
        Lattice lat = new Lattice(4, 4, 2, 4);
        GaugeGroup g = GaugeGroup.of("SU3");
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(61, 0), par);
        double[][] phi = new double[2][];
        double[][] force = new double[2][lat.links() * g.algebraDimension()];
        int[] threads = {1, 3};
        for (int i = 0; i < 2; i++) {
            try (Parallelism p = new Parallelism(threads[i])) {
                StaggeredPseudofermion pf = new StaggeredPseudofermion(lat, g, 0.4, 2,
                        new ConjugateGradient(1e-10, 10_000, p), p);
                pf.heatbath(f, new RandomStream(62, 0), 7);
                phi[i] = pf.phi().clone();
                pf.force(f, force[i]);
            }
        }
        assertArrayEquals(phi[0], phi[1]);
        assertArrayEquals(force[0], force[1]);
    }

    @Test
    void badInputIsRefusedWithItsName() {
        Lattice lat = new Lattice(4, 4);
        GaugeGroup g = GaugeGroup.of("U1");
        ConjugateGradient cg = new ConjugateGradient(1e-10, 100, par);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new StaggeredPseudofermion(lat, g, 0.0, 0, cg, par)).getMessage().contains("mass"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new StaggeredPseudofermion(new Lattice(3, 4), g, 0.1, 0, cg, par)).getMessage()
                .contains("even extents"));
        StaggeredPseudofermion pf = new StaggeredPseudofermion(lat, g, 0.1, 0, cg, par);
        GaugeField other = GaugeField.cold(new Lattice(4, 2), g);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pf.action(other)).getMessage()
                .contains("made for"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> pf.force(GaugeField.cold(lat, g), new double[3])).getMessage().contains("force array"));
    }
}
