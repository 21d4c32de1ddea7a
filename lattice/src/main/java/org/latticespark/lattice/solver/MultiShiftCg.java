package org.latticespark.lattice.solver;

import java.util.Arrays;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * Multi-shift CG (Jegerlehner, hep-lat/9612014): solves (A + σ_k) x_k = b for all shifts σ_k ≥ 0 at the cost of
 * one CG on the smallest shift, A Hermitian positive definite. This is what RHMC needs for a rational function in
 * partial fractions.
 *
 * <p>Krylov spaces are shift invariant, so with zero initial guesses the shifted residuals are collinear with the
 * base residual, r_k = ζ_k r, with
 * <pre>
 * ζ_k(j+1) = ζ_k(j) ζ_k(j−1) α(j−1) / [α(j−1) ζ_k(j−1) (1 + δ_k α(j)) + α(j) β(j−1) (ζ_k(j−1) − ζ_k(j))],
 * α_k(j) = α(j) ζ_k(j+1)/ζ_k(j),   β_k(j) = β(j) (ζ_k(j+1)/ζ_k(j))²,
 * </pre>
 * δ_k = σ_k − σ_min, in the convention x += α p, r −= α A p, p = r + β p. A shift stops being updated once its
 * recursive residual |ζ_k|·|r| reaches tolerance·|b|; the loop ends when all have. At the end the true residual
 * |b − (A + σ_k) x_k| / |b| of every shift is computed from scratch; a shift whose recursion claimed convergence
 * but whose true residual misses the tolerance (round-off drift) is polished by plain {@link ConjugateGradient} on
 * A + σ_k from its x_k. Initial guesses are not used: every x_k is overwritten (the method needs x_k = 0 at the
 * start). Memory: 2 vectors per shift plus 3.
 */
public final class MultiShiftCg extends KrylovSolver {
    public MultiShiftCg(double tolerance, int maxIterations, Parallelism par) {
        super(tolerance, maxIterations, par);
    }

    /** Solves (A + shifts[k]) x[k] = b for every k; x[k] is output only. */
    public MultiShiftResult solve(LinearOperator hermitianPositive, double[] shifts, double[] b, double[][] x) {
        LinearOperator a = hermitianPositive;
        int n = Vectors.checkOperator(a);
        Vectors.requireFinite("right-hand side b", b, n);
        int m = checkShifts(shifts, b, x, n);
        Blas blas = new Blas(par, n);
        int[] iterations = new int[m];
        double[] residuals = new double[m];
        for (double[] xk : x) blas.zero(xk);
        double bb = blas.norm2(b);
        if (bb == 0) return new MultiShiftResult(iterations, residuals, true, 0, tolerance);
        double target = tolerance * tolerance * bb;

        double baseShift = shifts[0];
        for (double s : shifts) baseShift = Math.min(baseShift, s);
        double[] r = b.clone();
        double[] p = b.clone();
        double[] ap = new double[n];
        double[][] pk = new double[m][];
        for (int k = 0; k < m; k++) pk[k] = b.clone();
        double[] zeta = new double[m];
        double[] zetaPrev = new double[m];
        Arrays.fill(zeta, 1.0);
        Arrays.fill(zetaPrev, 1.0);
        boolean[] active = new boolean[m];
        boolean[] claimed = new boolean[m];
        Arrays.fill(active, true);
        int stillActive = m;
        double rr = bb, alphaPrev = 1, betaPrev = 0;
        long applications = 0;
        for (int it = 0; it < maxIterations && stillActive > 0; it++) {
            a.apply(p, ap);
            applications++;
            blas.axpy(baseShift, p, ap);
            double pap = blas.reDot(p, ap);
            if (!(pap > 0) || !Double.isFinite(pap)) {
                throw new SolverException("multi-shift CG: <p, (A + sigma_min) p> = " + pap + " at iteration "
                        + (it + 1) + "; the operator is not Hermitian positive definite or produced non-finite values");
            }
            double alpha = rr / pap;
            double rrNew = blas.axpyNorm2(-alpha, ap, r);
            double beta = rrNew / rr;
            for (int k = 0; k < m; k++) {
                if (!active[k]) continue;
                double delta = shifts[k] - baseShift;
                double z = zeta[k], zp = zetaPrev[k];
                double zNew = z * zp * alphaPrev
                        / (alphaPrev * zp * (1 + delta * alpha) + alpha * betaPrev * (zp - z));
                blas.axpy(alpha * zNew / z, pk[k], x[k]);
                iterations[k]++;
                if (zNew * zNew * rrNew <= target) {
                    active[k] = false;
                    claimed[k] = true;
                    stillActive--;
                } else {
                    double ratio = zNew / z;
                    blas.axpby(zNew, r, beta * ratio * ratio, pk[k]);
                }
                zetaPrev[k] = z;
                zeta[k] = zNew;
            }
            blas.xpay(r, beta, p);
            alphaPrev = alpha;
            betaPrev = beta;
            rr = rrNew;
        }

        boolean converged = true;
        for (int k = 0; k < m; k++) {
            a.apply(x[k], ap);
            applications++;
            blas.axpy(shifts[k], x[k], ap);
            double res = blas.residual(b, ap, r);
            residuals[k] = Math.sqrt(res / bb);
            if (claimed[k] && !(res <= target)) {
                SolverResult polish = new ConjugateGradient(tolerance, maxIterations, par)
                        .solve(new ShiftedOperator(a, shifts[k], blas), b, x[k]);
                iterations[k] += polish.iterations();
                applications += polish.applications();
                residuals[k] = polish.residual();
            }
            converged &= residuals[k] <= tolerance;
        }
        return new MultiShiftResult(iterations, residuals, converged, applications, tolerance);
    }

    private static int checkShifts(double[] shifts, double[] b, double[][] x, int n) {
        if (shifts == null || shifts.length == 0) throw new IllegalArgumentException("need at least one shift");
        for (int k = 0; k < shifts.length; k++) {
            if (!(shifts[k] >= 0) || !Double.isFinite(shifts[k])) {
                throw new IllegalArgumentException("shift " + k + " must be finite and >= 0, got " + shifts[k]);
            }
        }
        if (x == null || x.length != shifts.length) {
            throw new IllegalArgumentException("need one solution vector per shift: " + shifts.length + " shifts, "
                    + (x == null ? "null" : x.length + " vectors"));
        }
        for (int k = 0; k < x.length; k++) {
            if (x[k] == null || x[k].length != n) {
                throw new IllegalArgumentException("solution vector " + k + " must have " + n + " doubles, got "
                        + (x[k] == null ? "null" : x[k].length));
            }
            if (x[k] == b) throw new IllegalArgumentException("solution vector " + k + " is the array b");
            for (int j = 0; j < k; j++) {
                if (x[j] == x[k]) throw new IllegalArgumentException("solution vectors " + j + " and " + k + " are the same array");
            }
        }
        return shifts.length;
    }
}
