package org.latticespark.generation.hmc;

/**
 * Symplectic, time-reversible integrators of the molecular dynamics, nested over the time-scale levels of
 * {@link MolecularDynamics}: on level l a step of size ε updates the momenta with the level-l forces and, where the
 * single-scale scheme would move the links by δ, integrates level l + 1 over δ with steps[l + 1] steps of δ/steps[l + 1]
 * (the finest level moves the links). Every level uses the same scheme.
 */
public enum Integrator {
    /** P(ε/2) U(ε) P(ε/2) per step; error O(ε²). */
    LEAPFROG {
        @Override
        void level(MolecularDynamics md, int level, int[] steps, double eps) {
            int n = steps[level];
            md.updateMomenta(level, 0.5 * eps);
            for (int k = 0; k < n; k++) {
                inner(md, level, steps, eps);
                md.updateMomenta(level, k == n - 1 ? 0.5 * eps : eps);
            }
        }
    },
    /**
     * Omelyan's second-order minimum-norm scheme (2MN): P(λε) U(ε/2) P((1−2λ)ε) U(ε/2) P(λε) per step,
     * with the outer momentum updates of neighbouring steps merged; two force evaluations per step.
     */
    OMELYAN {
        @Override
        void level(MolecularDynamics md, int level, int[] steps, double eps) {
            int n = steps[level];
            md.updateMomenta(level, LAMBDA * eps);
            for (int k = 0; k < n; k++) {
                inner(md, level, steps, 0.5 * eps);
                md.updateMomenta(level, (1 - 2 * LAMBDA) * eps);
                inner(md, level, steps, 0.5 * eps);
                md.updateMomenta(level, k == n - 1 ? LAMBDA * eps : 2 * LAMBDA * eps);
            }
        }
    };

    /** Omelyan, Mryglod and Folk, Comput. Phys. Commun. 151 (2003) 272. */
    public static final double LAMBDA = 0.1931833275037836;

    /** One time scale: {@code steps} steps of size {@code eps}; needs {@code md.levels() == 1}. */
    public void integrate(MolecularDynamics md, int steps, double eps) {
        if (md.levels() != 1) {
            throw new IllegalArgumentException("the molecular dynamics has " + md.levels()
                    + " time scales: give the steps of each");
        }
        level(md, 0, new int[] {steps}, eps);
    }

    /**
     * A trajectory of length {@code length}: steps[0] outer steps of length/steps[0]; each level l &gt; 0 takes
     * steps[l] steps per sub-interval of level l − 1.
     */
    public void integrate(MolecularDynamics md, int[] steps, double length) {
        if (steps.length != md.levels()) {
            throw new IllegalArgumentException("the molecular dynamics has " + md.levels() + " time scales, got "
                    + steps.length + " step counts");
        }
        for (int s : steps) {
            if (s < 1) throw new IllegalArgumentException("step counts must be >= 1, got " + java.util.Arrays.toString(steps));
        }
        level(md, 0, steps, length / steps[0]);
    }

    abstract void level(MolecularDynamics md, int level, int[] steps, double eps);

    /** What moves the links by dt on {@code level}: the link update on the finest level, else the next level. */
    void inner(MolecularDynamics md, int level, int[] steps, double dt) {
        if (level == steps.length - 1) {
            md.updateLinks(dt);
        } else {
            level(md, level + 1, steps, dt / steps[level + 1]);
        }
    }
}
