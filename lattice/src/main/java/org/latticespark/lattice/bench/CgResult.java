package org.latticespark.lattice.bench;

import org.latticespark.lattice.geometry.Lattice;

/**
 * One timed CG solve of the staggered even operator m² − D_eo D_oe ({@link CgBenchmark}): the solver's
 * iterations, operator applications and true relative residual, the wall-clock time, and the work done
 * according to {@link CgBenchmark}'s counting model. GFLOP/s and GB/s divide that work by the time (10⁹ units);
 * the roofline fraction divides GB/s by the triad's.
 */
public record CgResult(Lattice lattice, String group, double mass, double tolerance, int iterations,
        long applications, double residual, boolean converged, double seconds, double flops, double bytes,
        double triadGigabytesPerSecond) {

    public double secondsPerIteration() { return seconds / Math.max(1, iterations); }

    public double gigaflopsPerSecond() { return flops / seconds * 1e-9; }

    public double gigabytesPerSecond() { return bytes / seconds * 1e-9; }

    public double rooflineFraction() { return gigabytesPerSecond() / triadGigabytesPerSecond; }
}
