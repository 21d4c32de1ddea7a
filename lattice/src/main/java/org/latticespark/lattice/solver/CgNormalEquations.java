package org.latticespark.lattice.solver;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * CGNR for M x = b with a general non-singular M (e.g. Wilson): conjugate gradient on M†M x = M† b, in the
 * CGLS form that never forms M†M and carries the residual r = b − M x of the original system recursively
 * (two applications per iteration, one of M and one of M†).
 *
 * <p>Guarantee: the recursion stops when |b − M x| ≤ tolerance·|b| for the recursive r; the true residual
 * b − M x is then computed from scratch and, if it misses, CGLS is restarted from the current x, at most
 * {@link ConjugateGradient#MAX_RESTARTS} times. converged = true means the true relative residual of the original
 * system, |b − M x| / |b|, is ≤ tolerance (the error |x − M⁻¹b| / |M⁻¹b| can be up to cond(M) times larger).
 * Convergence is governed by cond(M)², the price of the normal equations. b = 0 gives x = 0.
 */
public final class CgNormalEquations extends KrylovSolver {
    public CgNormalEquations(double tolerance, int maxIterations, Parallelism par) {
        super(tolerance, maxIterations, par);
    }

    /** Solves M x = b; x holds the initial guess on entry and the solution on return. */
    public SolverResult solve(LinearOperator m, double[] b, double[] x) {
        int n = Vectors.checkProblem(m, b, x);
        Blas blas = new Blas(par, n);
        double bb = blas.norm2(b);
        if (bb == 0) return zeroSolution(x);
        double target = tolerance * tolerance * bb;
        double[] r = new double[n];
        double[] s = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        int iterations = 0;
        long applications = 0;
        for (int pass = 0; ; pass++) {
            m.apply(x, q);
            applications++;
            double rr = blas.residual(b, q, r);
            boolean converged = rr <= target;
            if (converged || iterations >= maxIterations || pass > ConjugateGradient.MAX_RESTARTS
                    || !Double.isFinite(rr)) {
                return new SolverResult(iterations, Math.sqrt(rr / bb), converged, applications,
                        Math.max(0, pass - 1), tolerance);
            }
            m.applyDagger(r, s);
            applications++;
            double gamma = blas.norm2(s);
            blas.copy(s, p);
            while (iterations < maxIterations) {
                m.apply(p, q);
                applications++;
                iterations++;
                double qq = blas.norm2(q);
                if (!(qq > 0) || !Double.isFinite(qq) || !(gamma > 0)) {
                    throw new SolverException("CGNR: |M p|² = " + qq + ", |M† r|² = " + gamma + " at iteration "
                            + iterations + "; M is singular or produced non-finite values");
                }
                double rrNew = blas.updateSolutionAndResidual(gamma / qq, p, q, x, r);
                if (rrNew <= target) break;
                m.applyDagger(r, s);
                applications++;
                double gammaNew = blas.norm2(s);
                blas.xpay(s, gammaNew / gamma, p);
                gamma = gammaNew;
            }
        }
    }
}
