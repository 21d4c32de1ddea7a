package org.latticespark.lattice.field;

import org.latticespark.lattice.geometry.Lattice;

/** A field configuration as stored: its lattice and one flat array of doubles (links, or site values). */
public interface LatticeField {
    Lattice lattice();

    /** The stored array, shared (not a copy). */
    double[] data();

    LatticeField copy();
}
