package org.latticespark.analysis;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Gradient by central differences with Ridders' Richardson extrapolation (C. J. F. Ridders, Adv. Eng. Software
 * 4 (1982) 75): the step shrinks by 1.4 per level and the tableau extrapolates to zero step; the estimate with
 * the smallest internal error is kept, and the extrapolation stops once round-off makes it worse. The first
 * step is 5 % of |x_i|, so for smooth functions the derivative is good to about 1e-9 relative or better (round-off
 * ε·|f|/h dominates when f is large compared with x_i ∂f/∂x_i), far below any statistical error it multiplies.
 */
public final class NumericalGradient {
    private static final double SHRINK = 1.4;
    private static final double SHRINK2 = SHRINK * SHRINK;
    private static final int LEVELS = 12;
    /** Extrapolation stops when higher orders are this much worse than the best error so far. */
    private static final double SAFE = 2.0;
    private static final double RELATIVE_STEP = 0.05;
    private static final double STEP_AT_ZERO = 1e-3;

    private NumericalGradient() {
    }

    /** ∂f/∂x_i at x for every i. */
    public static double[] of(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = derivative(f, x, i);
        }
        return g;
    }

    /** One partial derivative; the first step is halved until f is finite on both sides (e.g. log near 0). */
    static double derivative(ToDoubleFunction<double[]> f, double[] x, int i) {
        double h = x[i] == 0 ? STEP_AT_ZERO : RELATIVE_STEP * Math.abs(x[i]);
        for (int attempt = 0; attempt < 60; attempt++, h /= 2) {
            double d = ridders(f, x, i, h);
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("cannot differentiate the function with respect to input " + i
                + " at " + Arrays.toString(x) + ": it is not finite at any nearby point");
    }

    private static double ridders(ToDoubleFunction<double[]> f, double[] x, int i, double h0) {
        double[][] table = new double[LEVELS][LEVELS];
        double h = h0;
        table[0][0] = central(f, x, i, h);
        if (!Double.isFinite(table[0][0])) {
            return Double.NaN;
        }
        double best = table[0][0];
        double bestError = Double.MAX_VALUE;
        for (int k = 1; k < LEVELS; k++) {
            h /= SHRINK;
            table[0][k] = central(f, x, i, h);
            if (!Double.isFinite(table[0][k])) {
                return Double.NaN;
            }
            double factor = SHRINK2;
            for (int j = 1; j <= k; j++) {
                table[j][k] = (table[j - 1][k] * factor - table[j - 1][k - 1]) / (factor - 1);
                factor *= SHRINK2;
                double error = Math.max(Math.abs(table[j][k] - table[j - 1][k]),
                        Math.abs(table[j][k] - table[j - 1][k - 1]));
                if (error <= bestError) {
                    bestError = error;
                    best = table[j][k];
                }
            }
            if (Math.abs(table[k][k] - table[k - 1][k - 1]) >= SAFE * bestError) {
                break;
            }
        }
        return best;
    }

    private static double central(ToDoubleFunction<double[]> f, double[] x, int i, double h) {
        double up = x[i] + h;
        double down = x[i] - h;
        double[] p = x.clone();
        p[i] = up;
        double[] q = x.clone();
        q[i] = down;
        // Dividing by the difference of the rounded arguments, not by 2h, removes the step's own rounding error.
        return (f.applyAsDouble(p) - f.applyAsDouble(q)) / (up - down);
    }
}
