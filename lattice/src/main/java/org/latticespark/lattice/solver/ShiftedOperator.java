package org.latticespark.lattice.solver;

import org.latticespark.lattice.fermion.LinearOperator;

/** A + σ for real σ (A† + σ for the dagger). */
final class ShiftedOperator implements LinearOperator {
    private final LinearOperator a;
    private final double shift;
    private final Blas blas;

    ShiftedOperator(LinearOperator a, double shift, Blas blas) {
        this.a = a;
        this.shift = shift;
        this.blas = blas;
    }

    @Override
    public int length() { return a.length(); }

    @Override
    public void apply(double[] in, double[] out) {
        a.apply(in, out);
        blas.axpy(shift, in, out);
    }

    @Override
    public void applyDagger(double[] in, double[] out) {
        a.applyDagger(in, out);
        blas.axpy(shift, in, out);
    }
}
