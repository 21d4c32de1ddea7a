package org.latticespark.lattice.solver;

/**
 * The outcome of one solve.
 *
 * @param iterations   Krylov iterations, summed over restarts
 * @param residual     the true relative residual |b − A x| / |b| of the returned x, computed from scratch after the
 *                     last iteration (not the recursively updated one); 0 for b = 0
 * @param converged    whether {@code residual ≤ tolerance}
 * @param applications operator applications (apply and applyDagger each count one), including those of the
 *                     true-residual checks
 * @param restarts     how often the recursion was restarted from the true residual (round-off drift or breakdown)
 * @param tolerance    the requested relative residual
 */
public record SolverResult(int iterations, double residual, boolean converged, long applications, int restarts,
        double tolerance) {

    /** Returns this result if converged, otherwise throws a {@link SolverException} naming {@code what}. */
    public SolverResult requireConverged(String what) {
        if (!converged) {
            throw new SolverException(what + " did not converge: relative residual " + residual + " after "
                    + iterations + " iterations (" + restarts + " restarts, " + applications
                    + " operator applications), tolerance " + tolerance);
        }
        return this;
    }
}
