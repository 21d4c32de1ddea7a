package org.latticespark.lattice.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Loops over sites on a fixed number of threads. Work is cut into blocks whose size does not depend
 * on the thread count, and sums add the block results in block order, so every result is the same
 * bit for bit with 1 or many threads.
 */
public final class Parallelism implements AutoCloseable {
    public static final int BLOCK = 64;

    private final int threads;
    private final ForkJoinPool pool;

    public Parallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("lattice-" + t.getPoolIndex());
            return t;
        }, null, false);
    }

    public static Parallelism serial() { return new Parallelism(1); }

    public int threads() { return threads; }

    public void forEach(int n, IntConsumer body) {
        if (pool == null || n <= BLOCK) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(b -> {
            int end = Math.min(n, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) body.accept(i);
        })).join();
    }

    /** Σ_i f(i) in a fixed association order. */
    public double sum(int n, IntToDoubleFunction f) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] partial = new double[blocks];
        IntConsumer blockSum = b -> {
            int end = Math.min(n, (b + 1) * BLOCK);
            double s = 0;
            for (int i = b * BLOCK; i < end; i++) s += f.applyAsDouble(i);
            partial[b] = s;
        };
        if (pool == null || blocks == 1) {
            for (int b = 0; b < blocks; b++) blockSum.accept(b);
        } else {
            pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(blockSum)).join();
        }
        double total = 0;
        for (double p : partial) total += p;
        return total;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }
}
