package org.latticespark.lattice.fermion.staggered;

/**
 * Standard floating-point operation counts of the naive staggered hopping term, for throughput figures.
 * Counted as in the literature (MILC, QUDA): per output site 2d colour matrix–vector products of
 * 8N² − 2N flops each (N² complex multiplications at 6 flops, N(N−1) complex additions at 2), and 2d − 1
 * additions of colour vectors (2N flops each). The staggered phases, the time boundary sign and the
 * factor ½ are taken as folded into the links, so they are not counted; neither is the mass term.
 */
public final class StaggeredFlops {
    /** The standard count for SU(3) in four dimensions: 8·66 + 7·6 = 570. */
    public static final int DSLASH_SU3_4D = 570;

    private StaggeredFlops() {}

    /** Flops per output site of one application of the hopping term (full or one even–odd half). */
    public static int dslashPerSite(int colours, int dimensions) {
        if (colours < 1) throw new IllegalArgumentException("colours must be >= 1, got " + colours);
        if (dimensions < 1) throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
        int matVec = 8 * colours * colours - 2 * colours;
        return 2 * dimensions * matVec + (2 * dimensions - 1) * 2 * colours;
    }
}
