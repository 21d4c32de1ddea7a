package org.latticespark.lattice.solver;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * Conjugate gradient for A x = b with A Hermitian positive definite (e.g. m² − D_eo D_oe, M†M).
 *
 * <p>Stopping: the recursion runs until the recursively updated residual satisfies |r| ≤ tolerance·|b|. Then the
 * true residual b − A x is computed from scratch; if it misses the tolerance (the recursive residual drifts from
 * the true one by round-off), CG is restarted from the current x with r = b − A x and p = r, at most
 * {@link #MAX_RESTARTS} times (a reliable update). The result reports the true relative residual of the
 * returned x; converged means that residual is ≤ tolerance. maxIterations bounds the iterations summed over all
 * restarts.
 *
 * <p>b = 0 gives x = 0 with residual 0 and no iterations. Work vectors are allocated once per solve; reductions
 * are deterministic ({@link Blas}), so x is bit-identical for any thread count if the operator is. ⟨p, A p⟩ ≤ 0
 * or non-finite means A is not positive definite (or produced NaN) and throws a {@link SolverException}.
 */
public final class ConjugateGradient extends KrylovSolver {
    public static final int MAX_RESTARTS = 5;

    public ConjugateGradient(double tolerance, int maxIterations, Parallelism par) {
        super(tolerance, maxIterations, par);
    }

    /** Solves A x = b; x holds the initial guess on entry and the solution on return. */
    public SolverResult solve(LinearOperator hermitianPositive, double[] b, double[] x) {
        LinearOperator a = hermitianPositive;
        int n = Vectors.checkProblem(a, b, x);
        Blas blas = new Blas(par, n);
        double bb = blas.norm2(b);
        if (bb == 0) return zeroSolution(x);
        double target = tolerance * tolerance * bb;
        double[] r = new double[n];
        double[] p = new double[n];
        double[] ap = new double[n];
        int iterations = 0;
        long applications = 0;
        for (int pass = 0; ; pass++) {
            a.apply(x, ap);
            applications++;
            double rr = blas.residual(b, ap, r);
            boolean converged = rr <= target;
            if (converged || iterations >= maxIterations || pass > MAX_RESTARTS || !Double.isFinite(rr)) {
                return new SolverResult(iterations, Math.sqrt(rr / bb), converged, applications,
                        Math.max(0, pass - 1), tolerance);
            }
            blas.copy(r, p);
            while (iterations < maxIterations) {
                a.apply(p, ap);
                applications++;
                iterations++;
                double pap = blas.reDot(p, ap);
                if (!(pap > 0) || !Double.isFinite(pap)) {
                    throw new SolverException("CG: <p, A p> = " + pap + " at iteration " + iterations
                            + "; the operator is not Hermitian positive definite or produced non-finite values");
                }
                double alpha = rr / pap;
                double rrNew = blas.updateSolutionAndResidual(alpha, p, ap, x, r);
                if (rrNew <= target) break;
                blas.xpay(r, rrNew / rr, p);
                rr = rrNew;
            }
        }
    }
}
