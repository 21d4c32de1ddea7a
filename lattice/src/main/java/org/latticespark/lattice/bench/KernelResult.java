package org.latticespark.lattice.bench;

import org.latticespark.lattice.geometry.Lattice;

/**
 * One timed kernel on one lattice. Rates are per second of wall-clock time; GFLOP/s = flopsPerSite · sites/s
 * / 10⁹ and GB/s = bytesPerSite · sites/s / 10⁹ with the standard counts of {@link Kernel}; the roofline
 * fraction is that GB/s divided by the triad's GB/s of the same run.
 */
public record KernelResult(Lattice lattice, String group, Kernel kernel, int outputSites, long flopsPerSite,
        long bytesPerSite, Timing timing, double triadGigabytesPerSecond) {

    public double secondsPerApplication() { return timing.secondsPerApplication(); }

    /** Output sites computed per second. */
    public double sitesPerSecond() { return outputSites / timing.secondsPerApplication(); }

    public double gigaflopsPerSecond() { return flopsPerSite * sitesPerSecond() * 1e-9; }

    public double gigabytesPerSecond() { return bytesPerSite * sitesPerSecond() * 1e-9; }

    /** Achieved (standard-count) bandwidth over the measured triad bandwidth. */
    public double rooflineFraction() { return gigabytesPerSecond() / triadGigabytesPerSecond; }
}
