package org.latticespark.lattice.field;

import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * A gauge field as one flat array in ILDG order: site (lexicographic), then direction μ, then the
 * row-major complex N×N matrix as (re, im) doubles.
 */
public final class GaugeField implements LatticeField {
    private final Lattice lattice;
    private final GaugeGroup group;
    private final int nd;
    private final int matrixSize;
    private final double[] links;

    public GaugeField(Lattice lattice, GaugeGroup group, double[] links) {
        this.lattice = lattice;
        this.group = group;
        this.nd = lattice.dimensions();
        this.matrixSize = group.matrixSize();
        long expected = (long) lattice.links() * matrixSize;
        if (links.length != expected) {
            throw new IllegalArgumentException("gauge field array has " + links.length + " doubles, "
                    + group + " on " + lattice + " needs " + expected);
        }
        this.links = links;
    }

    /** The largest field one Java array (and one stored blob of little-endian doubles) can hold. */
    public static final long MAX_DOUBLES = (Integer.MAX_VALUE - 8) / Double.BYTES;

    /** Doubles a field of this group on this lattice needs; refuses what no array can hold. */
    public static int size(Lattice lattice, GaugeGroup group) {
        long n = (long) lattice.links() * group.matrixSize();
        if (n > MAX_DOUBLES) {
            throw new IllegalArgumentException("a " + group + " field on " + lattice + " needs " + n * Double.BYTES
                    + " bytes; one stored configuration holds at most " + MAX_DOUBLES * Double.BYTES);
        }
        return (int) n;
    }

    public static GaugeField cold(Lattice lattice, GaugeGroup group) {
        GaugeField f = new GaugeField(lattice, group, new double[size(lattice, group)]);
        for (int l = 0; l < lattice.links(); l++) CMat.identity(group.n(), f.links, l * f.matrixSize);
        return f;
    }

    /** Every link Haar-random, drawn from the chain's stream at update index 0. */
    public static GaugeField hot(Lattice lattice, GaugeGroup group, RandomStream stream, Parallelism par) {
        GaugeField f = new GaugeField(lattice, group, new double[size(lattice, group)]);
        int purpose = Purpose.of(Purpose.START, 0);
        par.forEach(lattice.links(), l -> group.haar(stream.at(l, 0, purpose), f.links, l * f.matrixSize));
        return f;
    }

    @Override
    public Lattice lattice() { return lattice; }

    public GaugeGroup group() { return group; }

    /** The backing array (shared, not a copy). */
    public double[] links() { return links; }

    @Override
    public double[] data() { return links; }

    public int offset(int site, int mu) { return (site * nd + mu) * matrixSize; }

    @Override
    public GaugeField copy() { return new GaugeField(lattice, group, links.clone()); }

    public void copyFrom(GaugeField other) {
        System.arraycopy(other.links, 0, links, 0, links.length);
    }

    /** Projects every link back onto the group (removes round-off drift). */
    public void reunitarize(Parallelism par) {
        par.forEach(lattice.links(), l -> group.project(links, l * matrixSize));
    }

    /** The largest distance of any link from the group manifold. */
    public double maxGroupDeviation() {
        double worst = 0;
        for (int l = 0; l < lattice.links(); l++) worst = Math.max(worst, group.groupDeviation(links, l * matrixSize));
        return worst;
    }
}
