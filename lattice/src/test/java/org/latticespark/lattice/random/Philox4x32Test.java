package org.latticespark.lattice.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Philox4x32Test {
    /** Known-answer vectors of Random123 (kat_vectors, philox4x32 with 10 rounds). */
    @Test
    void matchesRandom123KnownAnswers() {
        check(new int[] {0, 0, 0, 0}, 0, 0, new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8});
        check(new int[] {-1, -1, -1, -1}, -1, -1, new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd});
        check(new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, 0xa4093822, 0x299f31d0,
                new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1});
    }

    private static void check(int[] ctr, int k0, int k1, int[] expected) {
        int[] out = new int[4];
        Philox4x32.block(ctr[0], ctr[1], ctr[2], ctr[3], k0, k1, out);
        assertArrayEquals(expected, out);
    }

    @Test
    void streamsDependOnSeedChainAndAddress() {
        double a = new RandomStream(7, 0).at(5, 3, 2).uniform();
        assertEquals(a, new RandomStream(7, 0).at(5, 3, 2).uniform());
        assertNotEquals(a, new RandomStream(8, 0).at(5, 3, 2).uniform());
        assertNotEquals(a, new RandomStream(7, 1).at(5, 3, 2).uniform());
        assertNotEquals(a, new RandomStream(7, 0).at(6, 3, 2).uniform());
        assertNotEquals(a, new RandomStream(7, 0).at(5, 4, 2).uniform());
        assertNotEquals(a, new RandomStream(7, 0).at(5, 3, 3).uniform());
    }

    /** Mean 1/2 and variance 1/12 of uniforms; mean 0, variance 1, kurtosis 3 of Gaussians, at 5σ. */
    @Test
    void distributionsHaveTheRightMoments() {
        RandomStream s = new RandomStream(2026, 3);
        int n = 400_000;
        double su = 0, su2 = 0, sg = 0, sg2 = 0, sg4 = 0;
        CounterRng rng = new CounterRng(s);
        for (int i = 0; i < n; i++) {
            rng.reset(i, 0, 1);
            double u = rng.uniform();
            assertTrue(u > 0 && u < 1);
            su += u;
            su2 += u * u;
            double g = rng.gaussian();
            sg += g;
            sg2 += g * g;
            sg4 += g * g * g * g;
        }
        assertEquals(0.5, su / n, 5 * Math.sqrt(1.0 / 12 / n));
        assertEquals(1.0 / 3, su2 / n, 5 * Math.sqrt((1.0 / 5 - 1.0 / 9) / n));
        assertEquals(0, sg / n, 5 / Math.sqrt(n));
        assertEquals(1, sg2 / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, sg4 / n, 5 * Math.sqrt(96.0 / n));
    }
}
