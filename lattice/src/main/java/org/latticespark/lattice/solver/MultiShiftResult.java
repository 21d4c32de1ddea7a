package org.latticespark.lattice.solver;

/**
 * The outcome of a multi-shift solve, per shift k in the order given.
 *
 * @param iterations   iterations in which x_k was updated (base-system iterations until shift k converged, plus
 *                     any plain-CG polishing of x_k)
 * @param residuals    true relative residuals |b − (A + σ_k) x_k| / |b|, computed from scratch at the end
 * @param converged    whether every residual is ≤ tolerance
 * @param applications operator applications in all, true-residual checks and polishing included
 * @param tolerance    the requested relative residual, the same for every shift
 */
public record MultiShiftResult(int[] iterations, double[] residuals, boolean converged, long applications,
        double tolerance) {

    public MultiShiftResult {
        iterations = iterations.clone();
        residuals = residuals.clone();
    }

    @Override
    public int[] iterations() { return iterations.clone(); }

    @Override
    public double[] residuals() { return residuals.clone(); }

    public int shifts() { return residuals.length; }

    /** The largest true relative residual over the shifts. */
    public double maxResidual() {
        double worst = 0;
        for (double r : residuals) worst = Math.max(worst, r);
        return worst;
    }

    /** Returns this result if every shift converged, otherwise throws a {@link SolverException} naming them. */
    public MultiShiftResult requireConverged(String what) {
        if (!converged) {
            StringBuilder bad = new StringBuilder();
            for (int k = 0; k < residuals.length; k++) {
                if (!(residuals[k] <= tolerance)) {
                    bad.append(bad.length() == 0 ? "" : ", ").append("shift ").append(k).append(": residual ")
                            .append(residuals[k]).append(" after ").append(iterations[k]).append(" iterations");
                }
            }
            throw new SolverException(what + " did not converge (" + bad + "), tolerance " + tolerance);
        }
        return this;
    }
}
