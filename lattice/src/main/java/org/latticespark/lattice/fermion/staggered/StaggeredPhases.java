package org.latticespark.lattice.fermion.staggered;

import org.latticespark.lattice.geometry.Lattice;

/**
 * The staggered phases η_μ(n) = (−1)^{n_0 + … + n_{μ−1}} (η_0 = 1) and the antiperiodic time boundary of
 * the fermions: a hop across the boundary of direction d−1 picks up a factor −1, in both directions.
 */
public final class StaggeredPhases {
    private StaggeredPhases() {}

    /** η_μ(n) as ±1. */
    public static int eta(Lattice lat, int site, int mu) {
        int sum = 0;
        for (int nu = 0; nu < mu; nu++) sum += lat.coordinate(site, nu);
        return (sum & 1) == 0 ? 1 : -1;
    }

    /** −1 if the hop n → n+μ̂ crosses the time boundary (μ = d−1, n_t = L_t − 1), else +1. */
    public static int forwardBoundary(Lattice lat, int site, int mu) {
        int t = lat.dimensions() - 1;
        return mu == t && lat.coordinate(site, t) == lat.timeExtent() - 1 ? -1 : 1;
    }

    /** −1 if the hop n → n−μ̂ crosses the time boundary (μ = d−1, n_t = 0), else +1. */
    public static int backwardBoundary(Lattice lat, int site, int mu) {
        int t = lat.dimensions() - 1;
        return mu == t && lat.coordinate(site, t) == 0 ? -1 : 1;
    }
}
