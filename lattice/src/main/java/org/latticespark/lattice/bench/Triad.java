package org.latticespark.lattice.bench;

import org.latticespark.lattice.parallel.Parallelism;

/**
 * A STREAM-like triad a[i] = b[i] + s·c[i] on three double arrays, threaded over chunks with
 * {@link Parallelism}, timed several times; the best pass gives the bandwidth ({@link TriadResult}).
 * The arrays must be far larger than the last-level cache for the figure to mean memory bandwidth.
 */
public final class Triad {
    static final double SCALAR = 3.0;
    /** Elements per chunk (16 KiB per array): large enough that the loop dominates, small enough for many blocks. */
    static final int CHUNK = 2048;

    private Triad() {}

    /** Runs one untimed pass (page faults, JIT), then {@code repetitions} timed passes. */
    public static TriadResult measure(int elements, int repetitions, Parallelism par) {
        if (elements < 1) throw new IllegalArgumentException("triad elements must be >= 1, got " + elements);
        if (repetitions < 1) throw new IllegalArgumentException("triad repetitions must be >= 1, got " + repetitions);
        if (par == null) throw new IllegalArgumentException("parallelism must not be null");
        double[] a = new double[elements];
        double[] b = new double[elements];
        double[] c = new double[elements];
        int chunks = (elements + CHUNK - 1) / CHUNK;
        par.forEach(chunks, k -> {
            int end = Math.min(elements, (k + 1) * CHUNK);
            for (int i = k * CHUNK; i < end; i++) {
                a[i] = 1.0;
                b[i] = 2.0;
                c[i] = 0.5;
            }
        });
        pass(a, b, c, chunks, par);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            pass(a, b, c, chunks, par);
            best = Math.min(best, (System.nanoTime() - start) * 1e-9);
        }
        check(a);
        best = Math.max(best, 1e-9);
        double gbs = (double) TriadResult.BYTES_PER_ELEMENT * elements / best * 1e-9;
        return new TriadResult(elements, repetitions, par.threads(), best, gbs);
    }

    private static void pass(double[] a, double[] b, double[] c, int chunks, Parallelism par) {
        int n = a.length;
        par.forEach(chunks, k -> {
            int end = Math.min(n, (k + 1) * CHUNK);
            for (int i = k * CHUNK; i < end; i++) a[i] = b[i] + SCALAR * c[i];
        });
    }

    /** Reading the result keeps the passes observable and catches a broken loop. */
    private static void check(double[] a) {
        double expected = 2.0 + SCALAR * 0.5;
        for (int i = 0; i < a.length; i += Math.max(1, a.length / 64)) {
            if (a[i] != expected) throw new IllegalStateException("triad result a[" + i + "] = " + a[i] + ", expected " + expected);
        }
        if (a[a.length - 1] != expected) throw new IllegalStateException("triad result wrong at the last element");
    }
}
