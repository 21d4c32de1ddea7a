package org.latticespark.lattice.solver;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * BiCGStab (van der Vorst) for M x = b with a general non-singular M (Wilson, its even–odd Schur complement),
 * complex coefficients throughout, two applications of M per iteration, shadow residual r̂ = r at (re)start.
 *
 * <p>Stopping: when the recursive residual (|s| after the half step or |r| after the full step) reaches
 * tolerance·|b|, the true residual b − M x is computed from scratch; if it misses, the recursion restarts from the
 * current x with a fresh shadow residual r̂ = b − M x.
 *
 * <p>Breakdown: ρ = ⟨r̂, r⟩, ⟨r̂, v⟩ or ω = ⟨t, s⟩/|t|² vanishing up to {@link #BREAKDOWN} times the product of
 * the norms involved ends the recursion; it restarts from the current x like a round-off restart. Restarts of
 * either kind are limited to {@link ConjugateGradient#MAX_RESTARTS}; a breakdown with no restart left throws a
 * {@link SolverException} naming the quantity, the iteration and the residual reached (for example when the
 * field of values of M contains 0, so that ⟨r, M r⟩ = 0 can happen for every r). Running out of iterations
 * returns converged = false. b = 0 gives x = 0.
 */
public final class BiCgStab extends KrylovSolver {
    /** Relative size (a cosine) below which an inner product counts as a breakdown. */
    public static final double BREAKDOWN = 1e-12;

    public BiCgStab(double tolerance, int maxIterations, Parallelism par) {
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
        double[] shadow = new double[n];
        double[] p = new double[n];
        double[] v = new double[n];
        double[] s = new double[n];
        double[] t = new double[n];
        double[] c = new double[3];
        int iterations = 0;
        long applications = 0;
        String breakdown = null;
        for (int pass = 0; ; pass++) {
            m.apply(x, t);
            applications++;
            double rr = blas.residual(b, t, r);
            boolean converged = rr <= target;
            if (!converged && breakdown != null && pass > ConjugateGradient.MAX_RESTARTS) {
                throw new SolverException("BiCGStab broke down (" + breakdown + ") with no restart left, after "
                        + iterations + " iterations at relative residual " + Math.sqrt(rr / bb) + ", tolerance "
                        + tolerance);
            }
            if (converged || iterations >= maxIterations || pass > ConjugateGradient.MAX_RESTARTS
                    || !Double.isFinite(rr)) {
                return new SolverResult(iterations, Math.sqrt(rr / bb), converged, applications,
                        Math.max(0, pass - 1), tolerance);
            }
            breakdown = null;
            blas.copy(r, shadow);
            double shadowNorm = Math.sqrt(rr);
            blas.zero(p);
            blas.zero(v);
            double rhoRe = 1, rhoIm = 0, alphaRe = 1, alphaIm = 0, omegaRe = 1, omegaIm = 0;
            while (iterations < maxIterations) {
                blas.dot(shadow, r, c);
                double rhoNewRe = c[0], rhoNewIm = c[1];
                if (Math.hypot(rhoNewRe, rhoNewIm) <= BREAKDOWN * shadowNorm * Math.sqrt(rr)) {
                    breakdown = "rho = <r^, r> = 0 at iteration " + iterations;
                    break;
                }
                // β = (ρ_new / ρ) (α / ω)
                double q1Re = divRe(rhoNewRe, rhoNewIm, rhoRe, rhoIm), q1Im = divIm(rhoNewRe, rhoNewIm, rhoRe, rhoIm);
                double q2Re = divRe(alphaRe, alphaIm, omegaRe, omegaIm), q2Im = divIm(alphaRe, alphaIm, omegaRe, omegaIm);
                double betaRe = q1Re * q2Re - q1Im * q2Im;
                double betaIm = q1Re * q2Im + q1Im * q2Re;
                blas.bicgDirection(r, betaRe, betaIm, omegaRe, omegaIm, v, p);
                m.apply(p, v);
                applications++;
                iterations++;
                blas.dotAndNorm2(v, shadow, c);
                // c = {Re <v, r^>, Im <v, r^>, |v|²}; <r^, v> is its conjugate
                double rvRe = c[0], rvIm = -c[1];
                if (Math.hypot(rvRe, rvIm) <= BREAKDOWN * shadowNorm * Math.sqrt(c[2])) {
                    breakdown = "<r^, M p> = 0 at iteration " + iterations;
                    break;
                }
                alphaRe = divRe(rhoNewRe, rhoNewIm, rvRe, rvIm);
                alphaIm = divIm(rhoNewRe, rhoNewIm, rvRe, rvIm);
                double ss = blas.combine(r, -alphaRe, -alphaIm, v, s);
                if (ss <= target) {
                    blas.axpbyInto(alphaRe, alphaIm, p, 0, 0, s, x);
                    break;
                }
                m.apply(s, t);
                applications++;
                blas.dotAndNorm2(t, s, c);
                double tt = c[2];
                if (!(tt > 0) || Math.hypot(c[0], c[1]) <= BREAKDOWN * Math.sqrt(tt * ss)) {
                    blas.axpbyInto(alphaRe, alphaIm, p, 0, 0, s, x);
                    breakdown = "omega = <M s, s> / |M s|^2 = 0 at iteration " + iterations;
                    break;
                }
                omegaRe = c[0] / tt;
                omegaIm = c[1] / tt;
                blas.axpbyInto(alphaRe, alphaIm, p, omegaRe, omegaIm, s, x);
                rr = blas.combine(s, -omegaRe, -omegaIm, t, r);
                rhoRe = rhoNewRe;
                rhoIm = rhoNewIm;
                if (rr <= target || !Double.isFinite(rr)) break;
            }
        }
    }

    /** Re (a / b) for complex a = aRe + i aIm, b = bRe + i bIm. */
    private static double divRe(double aRe, double aIm, double bRe, double bIm) {
        return (aRe * bRe + aIm * bIm) / (bRe * bRe + bIm * bIm);
    }

    /** Im (a / b). */
    private static double divIm(double aRe, double aIm, double bRe, double bIm) {
        return (aIm * bRe - aRe * bIm) / (bRe * bRe + bIm * bIm);
    }
}
