package org.latticespark.generation.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * Chains are functions of (seed, chain, index) alone: HMC gives the same bits on 1 and 2 threads (16x16, so the sites
 * span several {@link Parallelism#BLOCK}s), and HMC and independence chains resumed from a saved state (the field,
 * plus the current log weight for the independence sampler) continue bit for bit.
 */
class ScalarChainReproducibilityTest {
    private static final Phi4Action ACTION = new Phi4Action(-1, 1);

    private static List<UpdateRecord> run(ScalarSampler sampler, ScalarField field, long from, long to) {
        List<UpdateRecord> records = new ArrayList<>();
        for (long i = from; i <= to; i++) records.add(sampler.update(field, i));
        return records;
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void hmcIsTheSameOnOneAndTwoThreads(Integrator integrator) {
        Lattice lat = new Lattice(16, 16);
        RandomStream stream = new RandomStream(61, 2);
        ScalarField serialField = ScalarField.cold(lat);
        ScalarField threadedField = ScalarField.cold(lat);
        List<UpdateRecord> serial;
        List<UpdateRecord> threaded;
        try (Parallelism one = new Parallelism(1); Parallelism two = new Parallelism(2)) {
            serial = run(new ScalarHmcSampler(ACTION, integrator, 8, 1.0, stream, one), serialField, 1, 6);
            threaded = run(new ScalarHmcSampler(ACTION, integrator, 8, 1.0, stream, two), threadedField, 1, 6);
        }
        assertEquals(serial, threaded);
        assertArrayEquals(serialField.values(), threadedField.values(), 0.0);
        assertTrue(serial.stream().anyMatch(UpdateRecord::accepted));
    }

    @Test
    void resumedHmcContinuesBitForBit() {
        Lattice lat = new Lattice(4, 4);
        RandomStream stream = new RandomStream(62, 0);
        Parallelism par = Parallelism.serial();
        ScalarField straight = ScalarField.cold(lat);
        List<UpdateRecord> all = run(new ScalarHmcSampler(ACTION, Integrator.OMELYAN, 5, 1.0, stream, par), straight,
                1, 12);

        ScalarField first = ScalarField.cold(lat);
        run(new ScalarHmcSampler(ACTION, Integrator.OMELYAN, 5, 1.0, stream, par), first, 1, 7);
        ScalarField saved = first.copy();
        List<UpdateRecord> rest = run(new ScalarHmcSampler(ACTION, Integrator.OMELYAN, 5, 1.0,
                new RandomStream(62, 0), par), saved, 8, 12);
        assertEquals(all.subList(7, 12), rest);
        assertArrayEquals(straight.values(), saved.values(), 0.0);
    }

    @Test
    void resumedIndependenceChainContinuesBitForBit() {
        Lattice lat = new Lattice(3, 3);
        RandomStream stream = new RandomStream(63, 0);
        ScalarField straight = ScalarField.cold(lat);
        List<UpdateRecord> all = run(new IndependenceSampler(ACTION, new GaussianProposal(stream, 0.5),
                new IndependenceMetropolis(stream)), straight, 1, 40);

        ScalarField first = ScalarField.cold(lat);
        IndependenceSampler before = new IndependenceSampler(ACTION, new GaussianProposal(stream, 0.5),
                new IndependenceMetropolis(stream));
        List<UpdateRecord> head = run(before, first, 1, 20);
        double savedLogWeight = head.stream().filter(UpdateRecord::accepted).reduce((a, b) -> b).orElseThrow()
                .logWeight();
        assertEquals(before.currentLogWeight(), savedLogWeight, 0.0);

        RandomStream again = new RandomStream(63, 0);
        ScalarField resumedField = first.copy();
        IndependenceSampler resumed = new IndependenceSampler(ACTION, new GaussianProposal(again, 0.5),
                new IndependenceMetropolis(again), savedLogWeight);
        assertEquals(all.subList(20, 40), run(resumed, resumedField, 21, 40));
        assertArrayEquals(straight.values(), resumedField.values(), 0.0);

        IndependenceSampler viaResume = new IndependenceSampler(ACTION, new GaussianProposal(again, 0.5),
                new IndependenceMetropolis(again));
        viaResume.resume(savedLogWeight);
        ScalarField other = first.copy();
        assertEquals(all.subList(20, 40), run(viaResume, other, 21, 40));
        long changes = all.subList(20, 40).stream().filter(UpdateRecord::accepted).count();
        assertTrue(changes > 0 && changes < 20, "accepted " + changes + " of 20");
    }
}
