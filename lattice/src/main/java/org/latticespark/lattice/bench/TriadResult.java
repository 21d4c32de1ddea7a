package org.latticespark.lattice.bench;

/**
 * The STREAM-like triad's outcome: {@code elements} doubles per array, the best (shortest) of
 * {@code repetitions} timed passes, and the bandwidth 24·elements / bestSeconds in GB/s (10⁹ bytes per second).
 * The 24 bytes per element are two reads and one write, as STREAM counts them; the write-allocate read of the
 * target's cache line (a further 8 bytes per element on CPUs without streaming stores, which the JVM does not
 * emit) is not counted, so the true traffic is up to 4/3 of the reported figure.
 */
public record TriadResult(int elements, int repetitions, int threads, double bestSeconds, double gigabytesPerSecond) {
    /** Bytes counted per element: read b[i] and c[i], write a[i]. */
    public static final int BYTES_PER_ELEMENT = 24;

    /** Bytes of the three arrays together. */
    public long footprintBytes() { return 3L * Double.BYTES * elements; }
}
