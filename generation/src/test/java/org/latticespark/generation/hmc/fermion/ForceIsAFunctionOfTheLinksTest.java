package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.MultiShiftCg;

/**
 * HMC stays exact with loose force solves only if the force is a function of the links alone: no warm start from an
 * earlier solution, no cached operator or clover term from other links. Checked bit for bit: the force and action at
 * U, after solves at other links in between, equal those computed first. (Reversibility tests cannot show this at
 * loose tolerances: rounding differences between the forward and backward paths change where a loose solve stops.)
 */
class ForceIsAFunctionOfTheLinksTest {
    private static final double LOOSE = 1e-5;

    static Stream<Arguments> terms() {
        BiFunction<GaugeField, Parallelism, Monomial> staggered = (u, par) -> new StaggeredPseudofermion(u.lattice(),
                u.group(), 0.3, 0, new ConjugateGradient(1e-10, 10_000, par), new ConjugateGradient(LOOSE, 10_000, par), par);
        BiFunction<GaugeField, Parallelism, Monomial> rhmc = (u, par) -> new StaggeredRationalPseudofermion(u.lattice(),
                u.group(), 0, RhmcFixtures.approximations(u.lattice().dimensions(), 2, 0.5, 1e-10, 1e-6),
                new MultiShiftCg(1e-10, 10_000, par), new MultiShiftCg(LOOSE, 10_000, par), par);
        BiFunction<GaugeField, Parallelism, Monomial> wilson = (u, par) -> new WilsonPseudofermion(u.lattice(), u.group(),
                0.12, 0, new ConjugateGradient(1e-10, 10_000, par), new ConjugateGradient(LOOSE, 10_000, par), par);
        BiFunction<GaugeField, Parallelism, Monomial> hasenbusch = (u, par) -> new WilsonHasenbuschRatio(u.lattice(),
                u.group(), 0.12, 0.08, 1, new ConjugateGradient(1e-10, 10_000, par),
                new ConjugateGradient(LOOSE, 10_000, par), par);
        BiFunction<GaugeField, Parallelism, Monomial> clover = (u, par) -> new WilsonCloverPseudofermion(u.lattice(),
                u.group(), 0.12, 1.3, 0, new ConjugateGradient(1e-10, 10_000, par),
                new ConjugateGradient(LOOSE, 10_000, par), par);
        return Stream.of(Arguments.of("staggered", staggered), Arguments.of("rhmc", rhmc), Arguments.of("wilson", wilson),
                Arguments.of("hasenbusch", hasenbusch), Arguments.of("clover", clover));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terms")
    void forceAndActionDependOnTheCurrentLinksOnly(String name, BiFunction<GaugeField, Parallelism, Monomial> make) {
        Parallelism par = Parallelism.serial();
        GaugeField u = GaugeField.hot(new Lattice(4, 2, 2, 2), GaugeGroup.of("SU3"), new RandomStream(5, 0), par);
        GaugeField other = GaugeField.hot(u.lattice(), u.group(), new RandomStream(6, 0), par);
        Monomial term = make.apply(u, par);
        term.refresh(u, new RandomStream(7, 0), 1);
        int n = u.lattice().links() * u.group().algebraDimension();
        double[] first = new double[n];
        term.force(u, first);
        double action = term.action(u);

        GaugeField saved = u.copy();
        u.copyFrom(other);
        double[] elsewhere = new double[n];
        term.force(u, elsewhere);
        term.force(other, elsewhere);
        double actionElsewhere = term.action(u);
        u.copyFrom(saved);

        double[] again = new double[n];
        term.force(u, again);
        assertArrayEquals(first, again, name + ": the force must not remember earlier solves or links");
        assertEquals(Double.doubleToLongBits(action), Double.doubleToLongBits(term.action(u)), name + " action");
        assertTrue(actionElsewhere != action, name + ": the other links must matter");
    }
}
