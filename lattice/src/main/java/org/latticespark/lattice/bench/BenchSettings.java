package org.latticespark.lattice.bench;

import java.util.List;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;

/**
 * What {@link DslashBenchmark} runs: every {@link Kernel} on every lattice (d = 2 or 4, all extents even, as
 * the even–odd forms need) with one gauge group, on {@code threads} threads; each kernel warmed up for
 * {@code warmupSeconds} and timed for {@code seconds}; the triad on three arrays of {@code triadElements}
 * doubles, best of {@code triadRepetitions}; the hot gauge field and the input vectors drawn from {@code seed}.
 */
public record BenchSettings(List<Lattice> lattices, GaugeGroup group, int threads, double seconds,
        double warmupSeconds, int triadElements, int triadRepetitions, long seed) {

    /** 64 MiB per triad array, three of them: far beyond the caches of current CPUs. */
    public static final int DEFAULT_TRIAD_ELEMENTS = 64 * 1024 * 1024 / Double.BYTES;
    public static final int DEFAULT_TRIAD_REPETITIONS = 10;
    public static final double DEFAULT_SECONDS = 1.0;
    public static final long DEFAULT_SEED = 20260401L;

    public BenchSettings {
        if (lattices == null || lattices.isEmpty()) throw new IllegalArgumentException("at least one lattice is needed");
        lattices = List.copyOf(lattices);
        for (Lattice l : lattices) {
            if (l.dimensions() != 2 && l.dimensions() != 4) {
                throw new IllegalArgumentException("benchmark lattices must have d = 2 or 4 (Wilson fermions), got " + l);
            }
            for (int mu = 0; mu < l.dimensions(); mu++) {
                if (l.extent(mu) % 2 != 0) {
                    throw new IllegalArgumentException("benchmark lattices need even extents (even-odd forms), got L_"
                            + mu + " = " + l.extent(mu) + " on " + l);
                }
            }
        }
        if (group == null) throw new IllegalArgumentException("gauge group must not be null");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("measuring time must be finite and > 0 s, got " + seconds);
        }
        if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
            throw new IllegalArgumentException("warm-up time must be finite and >= 0 s, got " + warmupSeconds);
        }
        if (triadElements < 1) throw new IllegalArgumentException("triad elements must be >= 1, got " + triadElements);
        if (triadRepetitions < 1) {
            throw new IllegalArgumentException("triad repetitions must be >= 1, got " + triadRepetitions);
        }
    }

    /** 8⁴ and 16⁴, SU(3), all available processors, 1 s per kernel after 0.5 s of warm-up, 3 × 64 MiB triad. */
    public static BenchSettings defaults() {
        return new BenchSettings(List.of(new Lattice(8, 8, 8, 8), new Lattice(16, 16, 16, 16)), GaugeGroup.of("SU3"),
                Runtime.getRuntime().availableProcessors(), DEFAULT_SECONDS, DEFAULT_SECONDS / 2, DEFAULT_TRIAD_ELEMENTS,
                DEFAULT_TRIAD_REPETITIONS, DEFAULT_SEED);
    }
}
