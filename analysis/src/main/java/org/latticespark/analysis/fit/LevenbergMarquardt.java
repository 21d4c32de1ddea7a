package org.latticespark.analysis.fit;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Levenberg–Marquardt minimisation of χ²(p) = |r(p)|², r the whitened residuals, with Marquardt's diagonal
 * scaling: each step solves min |r − A δ|² + λ Σ_a D_a δ_a², A = ∂g/∂p the whitened model Jacobian and
 * D_a = the largest |A_a|² seen so far (Moré 1978), as the least-squares problem [A; √λ D^½] δ ≈ [r; 0] by
 * Householder QR (no normal equations, so the condition of A is not squared).
 *
 * <p>The first step is a plain Gauss–Newton step (λ = 0), so a model linear in its parameters reaches the
 * exact linear least-squares solution in one step; λ is switched on only when a step fails to lower χ², and is
 * then updated by Nielsen's gain-ratio rule. Convergence, whichever comes first:
 * <ul>
 *   <li>gradient: every |cos| of the angle between r and a column of A is at most {@value #GTOL} (MINPACK's
 *       gtol test: the residuals are orthogonal to the model's tangent space);</li>
 *   <li>parameters: the scaled step |D^½ δ| is at most {@value #XTOL} · |D^½ p|;</li>
 *   <li>χ²: a step fails to lower χ² while the actual and the predicted relative decrease of χ² are both at
 *       most {@value #FTOL} (MINPACK's ftol test);</li>
 *   <li>χ² = 0 exactly.</li>
 * </ul>
 *
 * <p>Then Newton steps with the full Hessian of χ² (the model's second derivatives included) polish the
 * minimum, each kept only if it halves the gradient test's cosine, until that is below {@value #POLISHED}.
 * Near the minimum χ² changes only quadratically, so χ² comparisons locate it to about sqrt(ε · χ²) standard
 * errors, and Gauss–Newton converges only linearly when the residuals are large; the Newton steps converge
 * quadratically to the zero of the gradient, which rounding allows to locate far better. This matters where
 * fits are compared with each other, e.g. dp/dy checked by re-fitting perturbed data.
 */
final class LevenbergMarquardt {
    static final double GTOL = 1e-10;
    static final double FTOL = 1e-14;
    static final double XTOL = 1e-12;
    static final double POLISHED = 1e-14;
    private static final double FIRST_DAMPING = 1e-3;
    /** With the damping doubling its growth on each rejection, 64 rejections mean λ beyond any scale. */
    private static final int MAX_REJECTIONS = 64;
    private static final int MAX_NEWTON_STEPS = 10;
    /**
     * A Newton step may raise χ² by this much, relatively: χ² of precise data (|y/σ| up to ~1e5) carries
     * rounding errors of about this size, which a step at the minimum cannot beat.
     */
    private static final double CHI2_ROUNDING = 1e-9;

    record Minimum(double[] parameters, double chiSquare, int iterations) {
    }

    private LevenbergMarquardt() {
    }

    /**
     * @param maxIterations the most accepted Levenberg–Marquardt steps (Newton polishing steps not counted
     *                      against it, but included in {@link Minimum#iterations()})
     * @throws IllegalArgumentException if the model is not finite at the initial guess
     * @throws FitException             if it does not converge within maxIterations steps
     */
    static Minimum minimize(WeightedModel problem, double[] guess, int maxIterations) {
        double[] r = problem.residuals(guess);
        if (r == null) {
            throw new IllegalArgumentException("model '" + problem.model().name()
                    + "' is not finite at some x for the initial guess " + Arrays.toString(guess));
        }
        Minimum coarse = levenbergMarquardt(problem, guess.clone(), r, maxIterations);
        return polish(problem, coarse);
    }

    private static Minimum levenbergMarquardt(WeightedModel problem, double[] p, double[] r, int maxIterations) {
        double chi2 = dot(r, r);
        double[] scale = new double[p.length];
        double damping = 0;
        double growth = 2;
        int steps = 0;
        while (chi2 > 0) {
            DMatrixRMaj a = problem.whitenedJacobian(p);
            if (a == null) {
                throw new FitException("model '" + problem.model().name() + "': gradient not finite at p = "
                        + Arrays.toString(p) + " after " + steps + " iterations (chi2 = " + chi2 + ")");
            }
            updateScale(a, scale);
            if (largestCosine(a, r, chi2) <= GTOL) {
                break;
            }
            if (steps >= maxIterations) {
                throw new FitException("Levenberg-Marquardt did not converge in " + maxIterations
                        + " iterations: last chi2 = " + chi2 + " at p = " + Arrays.toString(p)
                        + "; try a better initial guess or more iterations");
            }
            int rejections = 0;
            while (true) {
                double[] step = solveStep(a, r, damping, scale);
                double[] trial = add(p, step);
                double[] trialResiduals = isFinite(trial) ? problem.residuals(trial) : null;
                double actual = trialResiduals == null ? Double.NaN : chi2 - dot(trialResiduals, trialResiduals);
                double predicted = chi2 - dot(minus(r, times(a, step)), minus(r, times(a, step)));
                boolean smallStep = scaledNorm(step, scale) <= XTOL * scaledNorm(p, scale);
                if (actual > 0) {
                    p = trial;
                    r = trialResiduals;
                    chi2 = dot(r, r);
                    steps++;
                    if (damping > 0) {
                        double gain = predicted > 0 ? actual / predicted : 1;
                        damping *= Math.max(1.0 / 3, 1 - Math.pow(2 * gain - 1, 3));
                    }
                    growth = 2;
                    if (smallStep) {
                        return new Minimum(p, chi2, steps);
                    }
                    break;
                }
                boolean smallChange = Math.abs(actual) <= FTOL * chi2 && predicted <= FTOL * chi2;
                if (smallStep || smallChange) {
                    return new Minimum(p, chi2, steps);
                }
                damping = damping == 0 ? FIRST_DAMPING : damping * growth;
                growth *= 2;
                if (++rejections > MAX_REJECTIONS) {
                    throw new FitException("Levenberg-Marquardt: no step lowers chi2 = " + chi2 + " at p = "
                            + Arrays.toString(p) + " after " + steps + " iterations");
                }
            }
        }
        return new Minimum(p, chi2, steps);
    }

    /**
     * Newton steps δ = (H/2)⁻¹ Aᵀ r while each halves the largest cosine and raises χ² at most by rounding;
     * where H/2 cannot be factorised (not positive definite, degenerate) the minimum is left as it is and
     * {@link ParameterErrors} reports why.
     */
    private static Minimum polish(WeightedModel problem, Minimum start) {
        double[] p = start.parameters();
        double[] r = problem.residuals(p);
        double chi2 = start.chiSquare();
        int steps = start.iterations();
        DMatrixRMaj a = problem.whitenedJacobian(p);
        double cosine = a == null ? 0 : largestCosine(a, r, chi2);
        for (int n = 0; n < MAX_NEWTON_STEPS && cosine > POLISHED; n++) {
            double[] step;
            try {
                step = HalfHessian.at(problem, p, r, a).newtonStep(r);
            } catch (FitException e) {
                break;
            }
            double[] trial = add(p, step);
            double[] trialResiduals = isFinite(trial) ? problem.residuals(trial) : null;
            DMatrixRMaj trialJacobian = trialResiduals == null ? null : problem.whitenedJacobian(trial);
            if (trialJacobian == null) {
                break;
            }
            double trialChi2 = dot(trialResiduals, trialResiduals);
            double trialCosine = largestCosine(trialJacobian, trialResiduals, trialChi2);
            if (trialChi2 > chi2 * (1 + CHI2_ROUNDING) || trialCosine > 0.5 * cosine) {
                break;
            }
            p = trial;
            r = trialResiduals;
            chi2 = trialChi2;
            a = trialJacobian;
            cosine = trialCosine;
            steps++;
        }
        return new Minimum(p, chi2, steps);
    }

    private static void updateScale(DMatrixRMaj a, double[] scale) {
        for (int c = 0; c < scale.length; c++) {
            double s = 0;
            for (int i = 0; i < a.numRows; i++) {
                s += a.get(i, c) * a.get(i, c);
            }
            scale[c] = Math.max(scale[c], s);
            if (scale[c] == 0) {
                scale[c] = 1;
            }
        }
    }

    /** max over columns of |cos| of the angle between r and A_c: 0 exactly at a minimum (or for r = 0). */
    private static double largestCosine(DMatrixRMaj a, double[] r, double chi2) {
        if (chi2 == 0) {
            return 0;
        }
        double norm = Math.sqrt(chi2);
        double largest = 0;
        for (int c = 0; c < a.numCols; c++) {
            double g = 0;
            double column = 0;
            for (int i = 0; i < a.numRows; i++) {
                g += a.get(i, c) * r[i];
                column += a.get(i, c) * a.get(i, c);
            }
            if (column > 0) {
                largest = Math.max(largest, Math.abs(g) / (Math.sqrt(column) * norm));
            }
        }
        return largest;
    }

    /** δ minimising |r − A δ|² + λ Σ D_a δ_a², solved in the scaled variables u = D^½ δ. */
    private static double[] solveStep(DMatrixRMaj a, double[] r, double damping, double[] scale) {
        int n = a.numRows;
        int k = a.numCols;
        int rows = damping > 0 ? n + k : n;
        DMatrixRMaj m = new DMatrixRMaj(rows, k);
        DMatrixRMaj rhs = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                m.set(i, c, a.get(i, c) / Math.sqrt(scale[c]));
            }
            rhs.set(i, 0, r[i]);
        }
        if (damping > 0) {
            for (int c = 0; c < k; c++) {
                m.set(n + c, c, Math.sqrt(damping));
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(rows, k);
        DMatrixRMaj u = new DMatrixRMaj(k, 1);
        if (!solver.setA(m)) {
            // Only without damping, for a singular A (e.g. a parameter the model ignores); the NaN step is rejected
            // like any failed step, which switches the damping on.
            double[] none = new double[k];
            Arrays.fill(none, Double.NaN);
            return none;
        }
        solver.solve(rhs, u);
        double[] step = new double[k];
        for (int c = 0; c < k; c++) {
            step[c] = u.get(c, 0) / Math.sqrt(scale[c]);
        }
        return step;
    }

    private static double[] times(DMatrixRMaj a, double[] v) {
        double[] out = new double[a.numRows];
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            for (int c = 0; c < a.numCols; c++) {
                s += a.get(i, c) * v[c];
            }
            out[i] = s;
        }
        return out;
    }

    private static double scaledNorm(double[] v, double[] scale) {
        double s = 0;
        for (int c = 0; c < v.length; c++) {
            s += scale[c] * v[c] * v[c];
        }
        return Math.sqrt(s);
    }

    private static double[] add(double[] u, double[] v) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = u[i] + v[i];
        }
        return out;
    }

    private static double[] minus(double[] u, double[] v) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = u[i] - v[i];
        }
        return out;
    }

    private static boolean isFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
