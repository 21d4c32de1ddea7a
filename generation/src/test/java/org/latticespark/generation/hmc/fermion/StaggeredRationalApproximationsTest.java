package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.generation.FermionConfig;
import org.latticespark.generation.hmc.fermion.StaggeredRationalApproximations.Fractions;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.solver.MultiShiftCg;

/** Powers, ranges and errors of the three rational functions, and refusal of what they cannot do. */
class StaggeredRationalApproximationsTest {
    private final Parallelism par = Parallelism.serial();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(4, 1, -1, 4, 1, 8),
                Arguments.of(4, 2, -1, 2, 1, 4),
                Arguments.of(4, 3, -3, 4, 3, 8),
                Arguments.of(4, 4, -1, 1, 1, 2),
                Arguments.of(4, 6, -3, 2, 3, 4),
                Arguments.of(4, 7, -7, 4, 7, 8),
                Arguments.of(2, 1, -1, 2, 1, 4),
                Arguments.of(2, 3, -3, 2, 3, 4));
    }

    /**
     * Powers in lowest terms, range [m², m² + d²], β_k ≥ 0, and |f(x)/x^p − 1| ≤ the reported maximal error ≤ the
     * tolerance on 5000 points of a log grid other than the one the error was measured on.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void powersRangeAndErrorsAreAsDocumented(int d, int flavours, int actionNum, int actionDen, int heatNum,
            int heatDen) {
        double mass = 0.5;
        StaggeredRationalApproximations a = RhmcFixtures.approximations(d, flavours, mass, 1e-10, 1e-10);
        assertEquals(mass * mass, a.lambdaMin(), 0.0);
        assertEquals(mass * mass + d * d, a.lambdaMax(), 0.0);
        assertEquals(actionNum, a.action().numerator());
        assertEquals(actionDen, a.action().denominator());
        assertEquals(heatNum, a.heatbath().numerator());
        assertEquals(heatDen, a.heatbath().denominator());
        assertSame(a.action(), a.force());
        for (Fractions f : new Fractions[] {a.action(), a.heatbath()}) {
            assertTrue(f.maxRelativeError() <= 1e-10, a.describe());
            for (double b : f.betas()) assertTrue(b >= 0, a.describe());
            double worst = 0;
            for (int i = 0; i <= 4999; i++) {
                double x = a.lambdaMin() * Math.pow(a.lambdaMax() / a.lambdaMin(), (i + 0.37) / 5000.37);
                worst = Math.max(worst, Math.abs(f.value(x) / Math.pow(x, (double) f.numerator() / f.denominator()) - 1));
            }
            // the reported error is a measured maximum in double precision; rounding of the sum adds ~1e-14
            assertTrue(worst <= f.maxRelativeError() * (1 + 1e-2) + 1e-15, f.numerator() + "/" + f.denominator() + ": " + worst
                    + " > " + f.maxRelativeError());
        }
        if (flavours == FermionConfig.tastes(d)) assertEquals(0.0, a.action().maxRelativeError());
    }

    @Test
    void looserForceToleranceGivesFewerPoles() {
        StaggeredRationalApproximations a = RhmcFixtures.approximations(4, 2, 0.5, 1e-10, 1e-4);
        assertTrue(a.force().degree() < a.action().degree(), a.describe());
        assertTrue(a.force().maxRelativeError() <= 1e-4 && a.force().maxRelativeError() > 1e-10, a.describe());
        assertTrue(a.describe().contains("force degree " + a.force().degree()), a.describe());
    }

    @Test
    void unsupportedFlavoursMassesAndTolerancesAreRefused() {
        assertTrue(refused(() -> StaggeredRationalApproximations.create(4, 0, 0.5, 1e-10)).contains("flavours"));
        assertTrue(refused(() -> StaggeredRationalApproximations.create(4, 8, 0.5, 1e-10)).contains("1..7"));
        assertTrue(refused(() -> StaggeredRationalApproximations.create(2, 4, 0.5, 1e-10)).contains("1..3"));
        assertTrue(refused(() -> StaggeredRationalApproximations.create(5, 1, 0.5, 1e-10)).contains("dimensions"));
        assertTrue(refused(() -> StaggeredRationalApproximations.create(4, 1, 0.0, 1e-10)).contains("mass"));
        assertTrue(refused(() -> StaggeredRationalApproximations.create(4, 1, Double.NaN, 1e-10)).contains("mass"));
        assertTrue(refused(() -> StaggeredRationalApproximations.create(4, 1, 0.5, 0.0)).contains("tolerance"));
        assertTrue(refused(() -> StaggeredRationalApproximations.create(4, 1, 0.5, 1e-10, 1.0))
                .contains("forceTolerance"));
    }

    @Test
    void pseudofermionRefusesMismatchedInput() {
        StaggeredRationalApproximations two = RhmcFixtures.approximations(2, 1, 0.5, 1e-10, 1e-10);
        StaggeredRationalApproximations four = RhmcFixtures.approximations(4, 1, 0.5, 1e-10, 1e-10);
        GaugeGroup g = GaugeGroup.of("U1");
        Lattice lat = new Lattice(4, 4);
        MultiShiftCg cg = new MultiShiftCg(1e-10, 100, par);
        assertTrue(refused(() -> new StaggeredRationalPseudofermion(new Lattice(3, 4), g, 0, two, cg, cg, par))
                .contains("even extents"));
        assertTrue(refused(() -> new StaggeredRationalPseudofermion(lat, g, 0, four, cg, cg, par)).contains("4d"));
        assertTrue(refused(() -> new StaggeredRationalPseudofermion(lat, g, 70000, two, cg, cg, par)).contains("index"));
        StaggeredRationalPseudofermion pf = new StaggeredRationalPseudofermion(lat, g, 0, two, cg, cg, par);
        assertEquals("staggered rhmc Nf=1 m=0.5", pf.name());
        assertTrue(refused(() -> pf.action(GaugeField.cold(new Lattice(4, 2), g))).contains("made for"));
        assertTrue(refused(() -> pf.force(GaugeField.cold(lat, g), new double[3])).contains("force array"));
    }

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
