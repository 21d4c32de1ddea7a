package org.latticespark.generation.hmc;

import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.random.RandomStream;

/**
 * One term S_i[U] of the action in the HMC Hamiltonian H = ½ Σ p² + Σ_i S_i: the gauge action or a
 * pseudofermion action. The molecular dynamics integrates each term on its own time scale.
 */
public interface Monomial {
    /** A short name for logs and error messages, such as {@code "staggered Nf=4 m=0.3"}. */
    String name();

    /**
     * Draws the term's auxiliary fields (pseudofermions) at the start of trajectory {@code trajectory}, from
     * {@code stream} addressed by that index; the gauge action has none.
     */
    void refresh(GaugeField u, RandomStream stream, long trajectory);

    /** S_i for the links of {@code u} (and the auxiliary fields drawn by the latest refresh). */
    double action(GaugeField u);

    /**
     * Overwrites {@code force} with F^a_μ(n) = −∂S_i/∂ω^a for U_μ(n) → exp(iω^a T^a) U_μ(n), in the layout of
     * {@link org.latticespark.lattice.action.WilsonGaugeAction#force}: force[(site·d+μ)·dim + a].
     */
    void force(GaugeField u, double[] force);

    /** Krylov-solver iterations spent by this term since it was made (0 for terms without solves). */
    default long solverIterations() { return 0; }
}
