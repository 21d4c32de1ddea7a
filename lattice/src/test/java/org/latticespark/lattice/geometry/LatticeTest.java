package org.latticespark.lattice.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatticeTest {
    @Test
    void lexicographicWithDirectionZeroFastest() {
        Lattice lat = new Lattice(3, 4, 5, 6);
        assertEquals(360, lat.volume());
        assertEquals(1, lat.index(1, 0, 0, 0));
        assertEquals(3, lat.index(0, 1, 0, 0));
        assertEquals(12, lat.index(0, 0, 1, 0));
        assertEquals(60, lat.index(0, 0, 0, 1));
        assertEquals(60, lat.spatialVolume());
        assertEquals(6, lat.timeExtent());
        int[] x = new int[4];
        for (int site = 0; site < lat.volume(); site++) {
            lat.coordinates(site, x);
            assertEquals(site, lat.index(x));
            for (int mu = 0; mu < 4; mu++) assertEquals(x[mu], lat.coordinate(site, mu));
        }
    }

    @Test
    void neighboursAreInversePeriodicShifts() {
        for (Lattice lat : new Lattice[] {new Lattice(4, 6), new Lattice(2, 3, 4), new Lattice(4, 4, 4, 8)}) {
            int[] x = new int[lat.dimensions()];
            int[] y = new int[lat.dimensions()];
            for (int site = 0; site < lat.volume(); site++) {
                lat.coordinates(site, x);
                for (int mu = 0; mu < lat.dimensions(); mu++) {
                    assertEquals(site, lat.down(lat.up(site, mu), mu));
                    lat.coordinates(lat.up(site, mu), y);
                    assertEquals((x[mu] + 1) % lat.extent(mu), y[mu]);
                }
            }
        }
    }

    @Test
    void paritySplitsEvenLatticesInHalves() {
        Lattice lat = new Lattice(4, 4, 6);
        assertEquals(lat.volume() / 2, lat.sitesOfParity(0).length);
        for (int s : lat.sitesOfParity(1)) {
            assertEquals(1, lat.parity(s));
            for (int mu = 0; mu < 3; mu++) assertEquals(0, lat.parity(lat.up(s, mu)));
        }
        assertTrue(lat.sitesOfParity(0)[0] == 0);
    }

    @Test
    void badExtentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Lattice(4));
        assertThrows(IllegalArgumentException.class, () -> new Lattice(4, 4, 4, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new Lattice(4, 1));
        assertArrayEquals(new int[] {4, 2}, new Lattice(4, 2).extents());
    }
}
