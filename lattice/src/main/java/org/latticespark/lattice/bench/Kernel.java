package org.latticespark.lattice.bench;

import org.latticespark.lattice.fermion.staggered.StaggeredFlops;
import org.latticespark.lattice.fermion.wilson.GammaBasis;
import org.latticespark.lattice.fermion.wilson.WilsonHopping;

/**
 * The timed Dirac-operator kernels and their standard work per output site.
 *
 * <p>Bytes per output site count double precision (16 bytes per complex number) without any cache reuse:
 * every one of the 2d hops reads one link (N² complex) and one neighbour field (S·N complex), and the site
 * writes its own field (S·N complex), so bytes = 16·[2d·(N² + S·N) + S·N], with S = 1 for staggered and
 * S = the spin count of {@link GammaBasis} (4 in d = 4, 2 in d = 2) for Wilson. For SU(3) in d = 4 this is
 * the standard 1584 (staggered) and 2880 (Wilson). Flops are the classes' standard counts
 * ({@link StaggeredFlops#dslashPerSite}, {@link WilsonHopping#flopsPerSite}): 570 and 1320 for SU(3) in d = 4.
 * The even–odd forms do the same work per output site on half as many output sites.
 */
public enum Kernel {
    /** D ψ on the full lattice (the hopping term, without the mass). */
    STAGGERED_FULL("staggered D", false, false),
    /** D_eo: odd half-vector in, even half-vector out. */
    STAGGERED_EO("staggered D_eo", false, true),
    /** H ψ on the full lattice (the hopping term, without 1 − κ·). */
    WILSON_FULL("Wilson H", true, false),
    /** H_eo: odd half-field in, even half-field out. */
    WILSON_EO("Wilson H_eo", true, true);

    private final String label;
    private final boolean wilson;
    private final boolean evenOdd;

    Kernel(String label, boolean wilson, boolean evenOdd) {
        this.label = label;
        this.wilson = wilson;
        this.evenOdd = evenOdd;
    }

    /** A short name for tables, e.g. "Wilson H_eo". */
    public String label() { return label; }

    public boolean wilson() { return wilson; }

    public boolean evenOdd() { return evenOdd; }

    /** Sites written by one application on a lattice of this volume: V, or V/2 for the even–odd forms. */
    public int outputSites(int volume) { return evenOdd ? volume / 2 : volume; }

    /** Spin components per site: 1 (staggered) or the Wilson spinor's 4 (d = 4) or 2 (d = 2). */
    public int spins(int dimensions) {
        return wilson ? GammaBasis.of(dimensions).spins() : 1;
    }

    /** Standard flops per output site for N colours in d dimensions. */
    public long flopsPerSite(int colours, int dimensions) {
        return wilson ? WilsonHopping.flopsPerSite(dimensions, colours)
                : StaggeredFlops.dslashPerSite(colours, dimensions);
    }

    /** Bytes moved per output site in double precision without cache reuse (see the class comment). */
    public long bytesPerSite(int colours, int dimensions) {
        if (colours < 1) throw new IllegalArgumentException("colours must be >= 1, got " + colours);
        long n = colours;
        long s = spins(dimensions);
        return 16 * (2L * dimensions * (n * n + s * n) + s * n);
    }
}
