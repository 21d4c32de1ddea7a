package org.latticespark.lattice.geometry;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A periodic hypercubic lattice in d = 2, 3 or 4 dimensions. Sites are numbered lexicographically
 * with direction 0 fastest; direction d-1 is Euclidean time.
 */
public final class Lattice implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] extents;
    private final int nd;
    private final int volume;
    private final int[] up;
    private final int[] down;
    private final byte[] parity;
    private final int[][] sitesOfParity;

    public Lattice(int... extents) {
        if (extents.length < 2 || extents.length > 4) {
            throw new IllegalArgumentException("lattice dimension must be 2, 3 or 4, got " + extents.length);
        }
        long v = 1;
        for (int mu = 0; mu < extents.length; mu++) {
            if (extents[mu] < 2) {
                throw new IllegalArgumentException("lattice extent L_" + mu + " must be >= 2, got " + extents[mu]);
            }
            v *= extents[mu];
        }
        if (v * extents.length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lattice " + Arrays.toString(extents) + " is too large for one array");
        }
        this.extents = extents.clone();
        this.nd = extents.length;
        this.volume = (int) v;
        this.up = new int[volume * nd];
        this.down = new int[volume * nd];
        this.parity = new byte[volume];
        int[] x = new int[nd];
        int[] count = new int[2];
        for (int site = 0; site < volume; site++) {
            coordinates(site, x);
            int sum = 0;
            for (int mu = 0; mu < nd; mu++) {
                sum += x[mu];
                int keep = x[mu];
                x[mu] = (keep + 1) % extents[mu];
                up[site * nd + mu] = index(x);
                x[mu] = (keep - 1 + extents[mu]) % extents[mu];
                down[site * nd + mu] = index(x);
                x[mu] = keep;
            }
            parity[site] = (byte) (sum & 1);
            count[sum & 1]++;
        }
        sitesOfParity = new int[][] {new int[count[0]], new int[count[1]]};
        int[] fill = new int[2];
        for (int site = 0; site < volume; site++) {
            int p = parity[site];
            sitesOfParity[p][fill[p]++] = site;
        }
    }

    public int dimensions() { return nd; }

    public int extent(int mu) { return extents[mu]; }

    public int[] extents() { return extents.clone(); }

    public int volume() { return volume; }

    /** Number of links, V·d. */
    public int links() { return volume * nd; }

    public int timeExtent() { return extents[nd - 1]; }

    public int spatialVolume() { return volume / extents[nd - 1]; }

    /** Number of plaquettes per site, d(d-1)/2. */
    public int planes() { return nd * (nd - 1) / 2; }

    public int up(int site, int mu) { return up[site * nd + mu]; }

    public int down(int site, int mu) { return down[site * nd + mu]; }

    /** Neighbour table site*d+mu -> site+mu (shared, do not modify): for kernels. */
    public int[] upTable() { return up; }

    public int parity(int site) { return parity[site]; }

    /** Sites of the given parity (0 even, 1 odd) in increasing order (shared, do not modify). */
    public int[] sitesOfParity(int p) { return sitesOfParity[p]; }

    public int index(int... x) {
        int i = 0;
        for (int mu = nd - 1; mu >= 0; mu--) {
            i = i * extents[mu] + Math.floorMod(x[mu], extents[mu]);
        }
        return i;
    }

    public void coordinates(int site, int[] x) {
        int r = site;
        for (int mu = 0; mu < nd; mu++) {
            x[mu] = r % extents[mu];
            r /= extents[mu];
        }
    }

    public int coordinate(int site, int mu) {
        int r = site;
        for (int nu = 0; nu < mu; nu++) {
            r /= extents[nu];
        }
        return r % extents[mu];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice other && Arrays.equals(extents, other.extents);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(extents); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int mu = 0; mu < nd; mu++) {
            if (mu > 0) sb.append('x');
            sb.append(extents[mu]);
        }
        return sb.toString();
    }
}
