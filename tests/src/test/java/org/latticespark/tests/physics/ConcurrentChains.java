package org.latticespark.tests.physics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent Markov chains at the same time, one thread each. Every chain owns its field, sampler and
 * random stream (keyed by the chain number), so the results are those of running the chains one after another.
 */
final class ConcurrentChains {
    private ConcurrentChains() {}

    /** chain.apply(c) for c = 0 … chains−1, in chain order. */
    static <T> List<T> run(int chains, IntFunction<T> chain) {
        ExecutorService pool = Executors.newFixedThreadPool(chains);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int c = 0; c < chains; c++) {
                int index = c;
                futures.add(pool.submit(() -> chain.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
