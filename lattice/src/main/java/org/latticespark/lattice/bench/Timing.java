package org.latticespark.lattice.bench;

/**
 * Repeated applications of one kernel: a warm-up (JIT compilation, caches) that is not counted, then
 * applications until the measuring time has passed. The rates use the mean over the measured applications;
 * the shortest single application ({@code bestSeconds}) is kept as well, since on a shared machine it is the
 * figure least disturbed by other processes (STREAM's convention for the triad).
 */
public record Timing(long applications, double seconds, double bestSeconds) {
    /** Mean seconds per application. */
    public double secondsPerApplication() { return seconds / applications; }

    /**
     * Runs {@code kernel} for at least {@code warmupSeconds} and {@code minWarmup} times untimed, then
     * at least once and until {@code measureSeconds} have passed, each application timed.
     */
    public static Timing of(Runnable kernel, double warmupSeconds, int minWarmup, double measureSeconds) {
        if (!(warmupSeconds >= 0) || !(measureSeconds > 0) || minWarmup < 0) {
            throw new IllegalArgumentException("need warm-up >= 0 s, >= 0 warm-up applications and measuring time > 0 s, got "
                    + warmupSeconds + " s, " + minWarmup + ", " + measureSeconds + " s");
        }
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int i = 0; i < minWarmup || System.nanoTime() < warmEnd; i++) kernel.run();
        long start = System.nanoTime();
        long end = start + (long) (measureSeconds * 1e9);
        long applications = 0;
        long best = Long.MAX_VALUE;
        long before = start;
        long now;
        do {
            kernel.run();
            applications++;
            now = System.nanoTime();
            best = Math.min(best, now - before);
            before = now;
        } while (now < end);
        return new Timing(applications, Math.max(now - start, 1) * 1e-9, Math.max(best, 1) * 1e-9);
    }
}
