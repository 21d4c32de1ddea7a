package org.latticespark.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ChainTest {
    private static ChainConfig.Builder small(ChainConfig.Algorithm algorithm) {
        return ChainConfig.builder().group("SU3").extents(4, 4, 4, 4).beta(5.5).algorithm(algorithm)
                .start(ChainConfig.Start.HOT).seed(77).chains(3).thermalization(3).saveEvery(2).configurations(3)
                .steps(8).trajectoryLength(1.0);
    }

    private static List<SavedConfiguration> run(ChainConfig c, int chain) {
        List<SavedConfiguration> out = new ArrayList<>();
        try (Chain ch = Chain.start(c, chain, ProgressListener.NONE)) {
            ch.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ChainConfig.Algorithm.class)
    void sameSeedGivesTheSameChainWithAnyThreadCount(ChainConfig.Algorithm algorithm) {
        List<SavedConfiguration> one = run(small(algorithm).threads(1).build(), 2);
        List<SavedConfiguration> two = run(small(algorithm).threads(2).build(), 2);
        assertEquals(3, one.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).index(), two.get(i).index());
            assertArrayEquals(one.get(i).field().links(), two.get(i).field().links());
            assertEquals(one.get(i).history(), two.get(i).history());
        }
        assertEquals(List.of(5L, 7L, 9L), one.stream().map(SavedConfiguration::index).toList());
        assertEquals(5, one.get(0).history().size(), "the first save carries the thermalisation history");
    }

    @ParameterizedTest
    @EnumSource(ChainConfig.Algorithm.class)
    void chainsDifferAndResumeBitForBit(ChainConfig.Algorithm algorithm) {
        ChainConfig c = small(algorithm).build();
        List<SavedConfiguration> full = run(c, 0);
        List<SavedConfiguration> other = run(c, 1);
        assertTrue(full.get(0).plaquette() != other.get(0).plaquette(), "chains use different streams");
        SavedConfiguration first = full.get(0);
        List<SavedConfiguration> resumed = new ArrayList<>();
        try (Chain ch = Chain.resume(c, 0, first.field(), first.index(), ProgressListener.NONE)) {
            ch.forEachRemaining(resumed::add);
        }
        assertEquals(2, resumed.size());
        assertArrayEquals(full.get(2).field().links(), resumed.get(1).field().links());
    }

    @Test
    void invalidSettingsNameTheirKey() {
        assertMessage("beta", () -> small(ChainConfig.Algorithm.HMC).beta(-1).build());
        assertMessage("hmc.steps", () -> small(ChainConfig.Algorithm.HMC).steps(0).build());
        assertMessage("lattice", () -> small(ChainConfig.Algorithm.HMC).extents(4).build());
        assertMessage("lattice", () -> small(ChainConfig.Algorithm.HMC).extents(44, 44, 44, 44).build());
        assertMessage("lattice", () -> small(ChainConfig.Algorithm.HMC).group("SU8").extents(28, 28, 28, 28).build());
        assertMessage("lattice", () -> small(ChainConfig.Algorithm.HEATBATH).extents(4, 3, 4, 4).build());
        small(ChainConfig.Algorithm.HMC).extents(4, 3, 4, 4).build();
        assertMessage("group", () -> small(ChainConfig.Algorithm.HMC).group("SO3").build());
        assertMessage("save-every", () -> small(ChainConfig.Algorithm.HMC).saveEvery(0).build());
        assertMessage("backend", () -> small(ChainConfig.Algorithm.HMC).backend("cuda").build());
        assertMessage("chains", () -> small(ChainConfig.Algorithm.HMC).chains(0).build());
    }

    private static void assertMessage(String key, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
    }
}
