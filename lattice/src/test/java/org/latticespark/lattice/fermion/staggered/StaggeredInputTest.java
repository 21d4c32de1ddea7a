package org.latticespark.lattice.fermion.staggered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;

class StaggeredInputTest {
    private final StaggeredOperator op =
            new StaggeredOperator(GaugeField.cold(new Lattice(4, 4), GaugeGroup.of("SU2")), 0.1, Parallelism.serial());

    @Test
    void lengths() {
        assertEquals(16 * 2 * 2, op.length());
        assertEquals(8 * 2 * 2, op.halfLength());
        assertEquals(op.halfLength(), op.evenNormal().length());
    }

    @Test
    void rejectsOddExtents() {
        GaugeField u = GaugeField.cold(new Lattice(4, 3), GaugeGroup.of("U1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StaggeredOperator(u, 0.1, Parallelism.serial()));
        assertTrue(e.getMessage().contains("L_1 = 3"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteMass() {
        GaugeField u = GaugeField.cold(new Lattice(4, 4), GaugeGroup.of("U1"));
        assertThrows(IllegalArgumentException.class, () -> new StaggeredOperator(u, Double.NaN, Parallelism.serial()));
        assertThrows(IllegalArgumentException.class,
                () -> new StaggeredOperator(u, Double.POSITIVE_INFINITY, Parallelism.serial()));
    }

    @Test
    void rejectsWrongLengthsAndAliasing() {
        double[] full = new double[op.length()];
        double[] half = new double[op.halfLength()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.apply(half, full));
        assertTrue(e.getMessage().contains("input vector has " + half.length), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> op.applyDagger(full, half));
        assertTrue(e.getMessage().contains("output vector"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> op.applyHopping(full, full));
        assertThrows(IllegalArgumentException.class, () -> op.applyEvenOdd(full, half));
        assertThrows(IllegalArgumentException.class, () -> op.applyOddEven(half, half));
        assertThrows(IllegalArgumentException.class, () -> op.evenNormal().apply(half, half));
    }

    @Test
    void standardFlopCounts() {
        assertEquals(570, StaggeredFlops.DSLASH_SU3_4D);
        assertEquals(StaggeredFlops.DSLASH_SU3_4D, StaggeredFlops.dslashPerSite(3, 4));
        // U(1) 2d: four complex multiplications (6) and three complex additions (2)
        assertEquals(4 * 6 + 3 * 2, StaggeredFlops.dslashPerSite(1, 2));
        assertThrows(IllegalArgumentException.class, () -> StaggeredFlops.dslashPerSite(0, 4));
    }

    @Test
    void phasesFollowTheConvention() {
        Lattice lat = new Lattice(2, 2, 2, 4);
        int site = lat.index(1, 1, 0, 3);
        assertEquals(1, StaggeredPhases.eta(lat, site, 0));
        assertEquals(-1, StaggeredPhases.eta(lat, site, 1));
        assertEquals(1, StaggeredPhases.eta(lat, site, 2));
        assertEquals(1, StaggeredPhases.eta(lat, site, 3));
        assertEquals(-1, StaggeredPhases.forwardBoundary(lat, site, 3));
        assertEquals(1, StaggeredPhases.forwardBoundary(lat, site, 0));
        assertEquals(1, StaggeredPhases.backwardBoundary(lat, site, 3));
        assertEquals(-1, StaggeredPhases.backwardBoundary(lat, lat.index(1, 1, 0, 0), 3));
    }
}
