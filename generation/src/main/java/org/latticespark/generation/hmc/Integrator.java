package org.latticespark.generation.hmc;

/** Symplectic, time-reversible integrators of the molecular dynamics. */
public enum Integrator {
    /** P(ε/2) U(ε) P(ε/2) per step; error O(ε²). */
    LEAPFROG {
        @Override
        public void integrate(MolecularDynamics md, int steps, double eps) {
            md.updateMomenta(0.5 * eps);
            for (int k = 0; k < steps; k++) {
                md.updateLinks(eps);
                md.updateMomenta(k == steps - 1 ? 0.5 * eps : eps);
            }
        }
    },
    /**
     * Omelyan's second-order minimum-norm scheme (2MN): P(λε) U(ε/2) P((1−2λ)ε) U(ε/2) P(λε) per step,
     * with the outer momentum updates of neighbouring steps merged; two force evaluations per step.
     */
    OMELYAN {
        @Override
        public void integrate(MolecularDynamics md, int steps, double eps) {
            md.updateMomenta(LAMBDA * eps);
            for (int k = 0; k < steps; k++) {
                md.updateLinks(0.5 * eps);
                md.updateMomenta((1 - 2 * LAMBDA) * eps);
                md.updateLinks(0.5 * eps);
                md.updateMomenta(k == steps - 1 ? LAMBDA * eps : 2 * LAMBDA * eps);
            }
        }
    };

    /** Omelyan, Mryglod and Folk, Comput. Phys. Commun. 151 (2003) 272. */
    public static final double LAMBDA = 0.1931833275037836;

    public abstract void integrate(MolecularDynamics md, int steps, double eps);
}
