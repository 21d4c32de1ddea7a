package org.latticespark.lattice.scalar;

import org.latticespark.lattice.field.LatticeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** A real scalar field: one double per site, sites in lexicographic order (direction 0 fastest). */
public final class ScalarField implements LatticeField {
    private final Lattice lattice;
    private final double[] values;

    public ScalarField(Lattice lattice, double[] values) {
        if (values.length != lattice.volume()) {
            throw new IllegalArgumentException("scalar field array has " + values.length + " doubles, " + lattice
                    + " needs " + lattice.volume());
        }
        this.lattice = lattice;
        this.values = values;
    }

    /** φ = 0 everywhere. */
    public static ScalarField cold(Lattice lattice) {
        return new ScalarField(lattice, new double[lattice.volume()]);
    }

    /** φ(x) independent standard normal, drawn from the chain's stream at update index 0. */
    public static ScalarField hot(Lattice lattice, RandomStream stream, Parallelism par) {
        double[] v = new double[lattice.volume()];
        int purpose = Purpose.of(Purpose.START, 0);
        par.forEach(v.length, x -> v[x] = stream.at(x, 0, purpose).gaussian());
        return new ScalarField(lattice, v);
    }

    @Override
    public Lattice lattice() { return lattice; }

    /** The field values, shared (not a copy). */
    public double[] values() { return values; }

    @Override
    public double[] data() { return values; }

    @Override
    public ScalarField copy() { return new ScalarField(lattice, values.clone()); }

    public void copyFrom(ScalarField other) {
        if (!other.lattice.equals(lattice)) {
            throw new IllegalArgumentException("cannot copy a field on " + other.lattice + " into one on " + lattice);
        }
        System.arraycopy(other.values, 0, values, 0, values.length);
    }
}
