package org.latticespark.spark.generate;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * Test-only hook: with the system property {@value #PROPERTY} = {@code <ensemble>:<chain>:<update>},
 * the first attempt (attemptNumber 0) of that chain's task fails right after that update, so tests
 * can check that Spark's retry recomputes the chain bit for bit and its commit protocol keeps no
 * rows of the failed attempt; with the suffix {@code :always} every attempt fails. Works where the
 * executors share the driver's JVM (local masters).
 */
public final class FaultInjection {
    public static final String PROPERTY = "latticespark.test.failFirstAttempt";
    private static final AtomicInteger INJECTED = new AtomicInteger();

    private FaultInjection() {}

    /** How many failures were injected in this JVM so far. */
    public static int injected() {
        return INJECTED.get();
    }

    static void maybeFail(String ensemble, int chain, long update) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isEmpty()) return;
        String target = ensemble + ":" + chain + ":" + update;
        boolean always = spec.equals(target + ":always");
        if (!always && !spec.equals(target)) return;
        TaskContext tc = TaskContext.get();
        if (tc == null || (!always && tc.attemptNumber() != 0)) return;
        INJECTED.incrementAndGet();
        throw new InjectedFailure("injected failure of attempt " + tc.attemptNumber() + " of " + ensemble
                + " chain " + chain + " after update " + update + " (" + PROPERTY + ")");
    }

    /** The exception the hook throws. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }
}
