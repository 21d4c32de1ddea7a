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

    /** The chains Chain runs: gauge heatbath and HMC, φ⁴ HMC (flow chains run in the generate job). */
    enum Kind {
        HEATBATH, HMC, PHI4_HMC;

        ChainConfig.Builder small() {
            return switch (this) {
                case HEATBATH -> ChainTest.small(ChainConfig.Algorithm.HEATBATH);
                case HMC -> ChainTest.small(ChainConfig.Algorithm.HMC);
                case PHI4_HMC -> ChainTest.small(ChainConfig.Algorithm.HMC).theory(ChainConfig.Theory.PHI4)
                        .extents(6, 4, 4).mSquared(-1.0).lambda(1.5).steps(6);
            };
        }
    }

    private static List<SavedConfiguration> run(ChainConfig c, int chain) {
        List<SavedConfiguration> out = new ArrayList<>();
        try (Chain ch = Chain.start(c, chain, ProgressListener.NONE)) {
            ch.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sameSeedGivesTheSameChainWithAnyThreadCount(Kind kind) {
        List<SavedConfiguration> one = run(kind.small().threads(1).build(), 2);
        List<SavedConfiguration> two = run(kind.small().threads(2).build(), 2);
        assertEquals(3, one.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).index(), two.get(i).index());
            assertArrayEquals(one.get(i).field().data(), two.get(i).field().data());
            assertEquals(one.get(i).history(), two.get(i).history());
        }
        assertEquals(List.of(5L, 7L, 9L), one.stream().map(SavedConfiguration::index).toList());
        assertEquals(5, one.get(0).history().size(), "the first save carries the thermalisation history");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void chainsDifferAndResumeBitForBit(Kind kind) {
        ChainConfig c = kind.small().build();
        List<SavedConfiguration> full = run(c, 0);
        List<SavedConfiguration> other = run(c, 1);
        assertTrue(full.get(0).plaquette() != other.get(0).plaquette(), "chains use different streams");
        SavedConfiguration first = full.get(0);
        List<SavedConfiguration> resumed = new ArrayList<>();
        try (Chain ch = Chain.resume(c, 0, first.field(), first.index(), ProgressListener.NONE)) {
            ch.forEachRemaining(resumed::add);
        }
        assertEquals(2, resumed.size());
        assertArrayEquals(full.get(2).field().data(), resumed.get(1).field().data());
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
        assertMessage("algorithm", () -> small(ChainConfig.Algorithm.FLOW).build());
        ChainConfig.Builder phi4 = Kind.PHI4_HMC.small();
        assertMessage("algorithm", () -> phi4.algorithm(ChainConfig.Algorithm.HEATBATH).build());
        assertMessage("phi4.lambda", () -> Kind.PHI4_HMC.small().mSquared(-1).lambda(0).build());
        assertMessage("phi4.m2", () -> Kind.PHI4_HMC.small().mSquared(Double.NaN).build());
        assertMessage("lattice", () -> Kind.PHI4_HMC.small().algorithm(ChainConfig.Algorithm.FLOW).extents(5, 4).build());
        assertMessage("flow.kernel-size", () -> Kind.PHI4_HMC.small().algorithm(ChainConfig.Algorithm.FLOW).extents(4, 2)
                .flow(FlowSettings.builder().kernelSize(3).build()).build());
        assertMessage("flow.layers", () -> FlowSettings.builder().layers(3).build());
        assertMessage("flow.activation", () -> FlowSettings.builder().activation("sigmoid").build());
    }

    private static void assertMessage(String key, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
    }
}
