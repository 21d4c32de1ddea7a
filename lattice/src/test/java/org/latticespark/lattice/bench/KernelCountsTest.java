package org.latticespark.lattice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The standard flop and byte counts per output site. */
class KernelCountsTest {
    @Test
    void standardSu3FourDimensionalCounts() {
        for (Kernel k : new Kernel[] {Kernel.STAGGERED_FULL, Kernel.STAGGERED_EO}) {
            assertEquals(570, k.flopsPerSite(3, 4));
            assertEquals(1584, k.bytesPerSite(3, 4));
        }
        for (Kernel k : new Kernel[] {Kernel.WILSON_FULL, Kernel.WILSON_EO}) {
            assertEquals(1320, k.flopsPerSite(3, 4));
            assertEquals(2880, k.bytesPerSite(3, 4));
        }
    }

    @Test
    void bytesCountLinksNeighboursAndOutputForOtherGroups() {
        // SU(2), d = 4: staggered 8·(4 + 2) + 2 = 50 complex; Wilson 8·(4 + 8) + 8 = 104 complex.
        assertEquals(16 * 50, Kernel.STAGGERED_FULL.bytesPerSite(2, 4));
        assertEquals(16 * 104, Kernel.WILSON_EO.bytesPerSite(2, 4));
        // U(1), d = 2: staggered 4·(1 + 1) + 1 = 9 complex; Wilson (S = 2) 4·(1 + 2) + 2 = 14 complex.
        assertEquals(16 * 9, Kernel.STAGGERED_EO.bytesPerSite(1, 2));
        assertEquals(16 * 14, Kernel.WILSON_FULL.bytesPerSite(1, 2));
    }

    @Test
    void flopsFollowTheOperatorClasses() {
        // Staggered U(1), d = 2: 4 matrix-vector products of 6 flops, 3 additions of 2.
        assertEquals(4 * 6 + 3 * 2, Kernel.STAGGERED_FULL.flopsPerSite(1, 2));
        // Wilson SU(2), d = 4: 8·(8 + 2·28) + 7·16.
        assertEquals(8 * (8 + 2 * 28) + 7 * 16, Kernel.WILSON_FULL.flopsPerSite(2, 4));
    }

    @Test
    void evenOddFormsWriteHalfTheSites() {
        assertEquals(4096, Kernel.WILSON_FULL.outputSites(4096));
        assertEquals(2048, Kernel.WILSON_EO.outputSites(4096));
        assertEquals(2048, Kernel.STAGGERED_EO.outputSites(4096));
    }

    @Test
    void rejectsBadColourCounts() {
        assertThrows(IllegalArgumentException.class, () -> Kernel.STAGGERED_FULL.bytesPerSite(0, 4));
        assertThrows(IllegalArgumentException.class, () -> Kernel.WILSON_FULL.flopsPerSite(3, 3));
    }
}
