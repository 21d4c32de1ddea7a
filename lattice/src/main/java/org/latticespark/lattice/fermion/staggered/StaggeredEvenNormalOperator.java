package org.latticespark.lattice.fermion.staggered;

import org.latticespark.lattice.fermion.LinearOperator;

/**
 * A = m² − D_eo D_oe on the even sites, the operator of the staggered Nf = 4 pseudofermion. Since D is
 * anti-Hermitian and only connects opposite parities, D_oe = −D_eo†, so A = m² + D_eo D_eo†: Hermitian
 * and positive definite for m ≠ 0 (A ≥ m²). It is the even–even block of M†M = m² − D², whose odd–odd block
 * m² − D_oe D_eo has the same spectrum. {@link #applyDagger} equals {@link #apply}.
 *
 * <p>Keeps one odd half-vector as scratch, so one instance must not be applied from two threads at once.
 */
public final class StaggeredEvenNormalOperator implements LinearOperator {
    private final StaggeredOperator op;
    private final double massSquared;
    private final double[] odd;

    StaggeredEvenNormalOperator(StaggeredOperator op) {
        this.op = op;
        this.massSquared = op.mass() * op.mass();
        this.odd = new double[op.halfLength()];
    }

    /** V/2·N·2 doubles: a field on the even sites. */
    @Override
    public int length() { return op.halfLength(); }

    /** out = (m² − D_eo D_oe) in. */
    @Override
    public void apply(double[] in, double[] out) {
        if (in == out) throw new IllegalArgumentException("input and output must be different arrays");
        op.applyOddEven(in, odd);
        op.applyEvenOdd(odd, out);
        for (int j = 0; j < out.length; j++) out[j] = massSquared * in[j] - out[j];
    }

    /** The operator is Hermitian: the same as {@link #apply}. */
    @Override
    public void applyDagger(double[] in, double[] out) {
        apply(in, out);
    }
}
