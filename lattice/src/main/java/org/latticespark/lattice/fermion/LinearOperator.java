package org.latticespark.lattice.fermion;

/**
 * A linear operator on flat complex vectors: {@code length()} doubles, complex numbers as (re, im) pairs.
 * Fermion fields are site-major in the lexicographic site order of the lattice, then spin (Wilson), then
 * colour, then (re, im); even–odd operators act on vectors of the sites of one parity, in the order of
 * {@link org.latticespark.lattice.geometry.Lattice#sitesOfParity(int)}. Solvers see only this interface.
 */
public interface LinearOperator {
    /** Number of doubles in an input or output vector. */
    int length();

    /** out = A in; {@code in} and {@code out} must be different arrays of {@link #length()} doubles. */
    void apply(double[] in, double[] out);

    /** out = A† in. */
    void applyDagger(double[] in, double[] out);
}
