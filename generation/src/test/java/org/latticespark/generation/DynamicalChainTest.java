package org.latticespark.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chains with dynamical fermions built from the configuration keys: the same chain bit for bit whatever the thread
 * count, resumable from a saved configuration, and the solver work recorded per trajectory.
 */
class DynamicalChainTest {
    static Stream<Arguments> fermions() {
        return Stream.of(
                Arguments.of("staggered Nf=4", "SU2", new int[] {4, 2, 2, 2}, 1,
                        FermionConfig.builder().type(FermionConfig.Type.STAGGERED).masses(0.3).flavours(4)),
                Arguments.of("staggered rhmc 2+1", "SU2", new int[] {4, 2, 2, 2}, 2,
                        FermionConfig.builder().type(FermionConfig.Type.STAGGERED).masses(0.2, 0.5).flavours(2, 1)),
                Arguments.of("wilson hasenbusch", "SU3", new int[] {2, 2, 2, 4}, 2,
                        FermionConfig.builder().type(FermionConfig.Type.WILSON).kappas(0.12).flavours(2)
                                .hasenbuschKappa(0.08)),
                Arguments.of("wilson clover", "SU2", new int[] {2, 2, 2, 4}, 2,
                        FermionConfig.builder().type(FermionConfig.Type.WILSON).kappas(0.12).flavours(2).cSw(1.2)),
                Arguments.of("staggered 2d U(1)", "U1", new int[] {4, 4}, 3,
                        FermionConfig.builder().type(FermionConfig.Type.STAGGERED).masses(0.2).flavours(1)));
    }

    private static ChainConfig config(String group, int[] extents, int substeps, FermionConfig.Builder f, int threads) {
        return ChainConfig.builder().group(group).extents(extents).beta(2.0).algorithm(ChainConfig.Algorithm.HMC)
                .start(ChainConfig.Start.HOT).seed(91).chains(2).thermalization(2).saveEvery(1).configurations(3)
                .steps(4).gaugeSubsteps(substeps).trajectoryLength(0.5).threads(threads)
                .fermions(f.forceTolerance(1e-9).build()).build();
    }

    private static List<SavedConfiguration> run(ChainConfig c, int chain) {
        List<SavedConfiguration> out = new ArrayList<>();
        try (Chain ch = Chain.start(c, chain, ProgressListener.NONE)) {
            ch.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fermions")
    void sameChainWithAnyThreadCountAndResumedBitForBit(String name, String group, int[] extents, int substeps,
                                                         FermionConfig.Builder f) {
        ChainConfig one = config(group, extents, substeps, f, 1);
        List<SavedConfiguration> a = run(one, 1);
        List<SavedConfiguration> b = run(config(group, extents, substeps, f, 3), 1);
        assertEquals(3, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).field().data(), b.get(i).field().data(), name + " configuration " + i);
            assertEquals(a.get(i).history(), b.get(i).history(), name + " history " + i);
        }
        List<UpdateRecord> history = new ArrayList<>();
        a.forEach(s -> history.addAll(s.history()));
        assertTrue(history.stream().allMatch(r -> r.solverIterations() > 0), name + ": solver work recorded");
        assertTrue(history.stream().anyMatch(UpdateRecord::accepted), name + ": some trajectory accepted");

        List<SavedConfiguration> resumed = new ArrayList<>();
        try (Chain ch = Chain.resume(one, 1, a.get(0).field(), a.get(0).index(), ProgressListener.NONE)) {
            ch.forEachRemaining(resumed::add);
        }
        assertArrayEquals(a.get(2).field().data(), resumed.get(1).field().data(), name + " resumed");
        assertEquals(a.get(2).history(), resumed.get(1).history(), name + " resumed history");
    }
}
