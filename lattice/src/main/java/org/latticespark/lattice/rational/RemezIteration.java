package org.latticespark.lattice.rational;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Remez exchange for the minimax relative approximation of y^{p/q} on [ratio, 1] by P(y)/Q(y) of degree (n, n).
 * The search runs in t = y^{1/q}, where y^{p/q} = t^p is rational, so the error
 * e(t) = P(t^q) / (t^p Q(t^q)) − 1 is evaluated in double-double without fractional powers; the reference
 * systems are solved in BigDecimal. Stopping criterion: the 2n+2 local extrema of e alternate in sign and
 * (max|e| − min|e|) / max|e| &lt; {@link #SPREAD_TOLERANCE}; by de la Vallée Poussin the minimax error then lies
 * between min|e| and max|e|. The reference system is bilinear in (Q, E); it is solved by a few linearised passes
 * (Q in the E-term from the previous pass) and then Newton's method. Its accuracy only affects the speed of
 * convergence: the result is certified by the equioscillation of the error evaluated from the final P and Q.
 * Working precision: 32 + n (1 + log10(1/ratio)) / 3 decimal digits, as the monomial systems lose about that
 * much (the caller retries with more if Newton fails).
 */
final class RemezIteration {
    static final double SPREAD_TOLERANCE = 1e-7;
    private static final int MAX_ITERATIONS = 200;
    private static final int MAX_NEWTON_STEPS = 60;
    private static final int MAX_FIXED_POINT_PASSES = 100;
    private static final double FIXED_POINT_TOLERANCE = 1e-2;
    private static final BigDecimal LEVEL_TOLERANCE = new BigDecimal("1e-12");
    private static final double SEARCH_WIDTH = 1e-10;
    private static final double RESOLUTION = 1e-26;

    private final int p;
    private final int q;
    private final int n;
    private final double ratio;
    private final double uMin;
    private final MathContext mc;

    static int defaultDigits(double ratio, int n) {
        return 32 + (int) Math.ceil(n * (1 + StrictMath.log10(1 / ratio)) / 3);
    }

    RemezIteration(int p, int q, double ratio, int n, int digits) {
        this.p = p;
        this.q = q;
        this.n = n;
        this.ratio = ratio;
        this.uMin = StrictMath.log(ratio) / q;
        this.mc = new MathContext(digits, RoundingMode.HALF_EVEN);
    }

    /** Starts from Chebyshev points in ln t. */
    MinimaxRational run() {
        int m = 2 * n + 2;
        double[] shape = new double[m];
        for (int i = 0; i < m; i++) shape[i] = 0.5 * (1 - StrictMath.cos(Math.PI * i / (m - 1)));
        return run(shape);
    }

    /**
     * Starts from a reference shaped like {@code shape}: ascending values s_0 = 0 … s_last = 1 placed at
     * ln t = ln t_min (1 − s), interpolated linearly onto the 2n+2 points. The extrema of a lower-degree
     * solution ({@link MinimaxRational#shape()}) are a much better start than Chebyshev points at high degree.
     */
    MinimaxRational run(double[] shape) {
        int m = 2 * n + 2;
        double[] reference = new double[m];
        for (int i = 0; i < m; i++) {
            double x = (double) i * (shape.length - 1) / (m - 1);
            int k = Math.min((int) x, shape.length - 2);
            double s = shape[k] + (x - k) * (shape[k + 1] - shape[k]);
            reference[i] = StrictMath.exp(uMin * (1 - s));
        }
        reference[0] = StrictMath.exp(uMin);
        reference[m - 1] = 1;
        Level level = initialLevel();
        double lastSpread = Double.NaN;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            level = level(reference, level);
            if (level.error.abs().doubleValue() < RESOLUTION) {
                throw new IllegalArgumentException("degree " + n + " is too high for this range: the levelled error "
                        + level.error.abs().doubleValue() + " is below what the double-double error search resolves");
            }
            DoubleDouble[] num = Polynomials.toDoubleDouble(level.numerator);
            DoubleDouble[] den = Polynomials.toDoubleDouble(level.denominator);
            double[] next = exchange(reference, num, den);
            double max = 0, min = Double.POSITIVE_INFINITY;
            boolean alternating = true;
            double previous = 0;
            for (double t : next) {
                double e = error(num, den, t);
                if (previous != 0 && Math.signum(e) == Math.signum(previous)) alternating = false;
                previous = e;
                max = Math.max(max, Math.abs(e));
                min = Math.min(min, Math.abs(e));
            }
            lastSpread = (max - min) / max;
            if (alternating && lastSpread < SPREAD_TOLERANCE) {
                return new MinimaxRational(p, q, ratio, level.numerator, level.denominator,
                        level.error.abs().doubleValue(), next, lastSpread, iteration, mc);
            }
            reference = next;
        }
        throw new ArithmeticException("Remez exchange for x^(" + p + "/" + q + ") of degree " + n
                + " did not equioscillate after " + MAX_ITERATIONS + " iterations (spread " + lastSpread + ")");
    }

    private Level initialLevel() {
        BigDecimal[] numerator = new BigDecimal[n + 1];
        BigDecimal[] denominator = new BigDecimal[n + 1];
        java.util.Arrays.fill(numerator, BigDecimal.ZERO);
        java.util.Arrays.fill(denominator, BigDecimal.ZERO);
        denominator[n] = BigDecimal.ONE;
        return new Level(numerator, denominator, BigDecimal.ZERO);
    }

    private record Level(BigDecimal[] numerator, BigDecimal[] denominator, BigDecimal error) {}

    /**
     * Solves F_i = P(y_i) − f_i (1 + (−1)^i E) Q(y_i) = 0 on the reference points for P, monic Q and E by
     * Newton's method (F is bilinear in (Q, E)), starting from the previous level (or Q = 1, E = 0).
     */
    private Level level(double[] reference, Level start) {
        int m = reference.length;
        BigDecimal[][] powers = new BigDecimal[m][n + 1];
        BigDecimal[] f = new BigDecimal[m];
        for (int i = 0; i < m; i++) {
            BigDecimal t = new BigDecimal(reference[i]);
            BigDecimal y = t.pow(q, mc);
            powers[i][0] = BigDecimal.ONE;
            for (int j = 1; j <= n; j++) powers[i][j] = powers[i][j - 1].multiply(y, mc);
            f[i] = Polynomials.power(t, p, mc);
        }
        Level level = start;
        double previousError = Double.NaN;
        for (int pass = 0; pass < MAX_FIXED_POINT_PASSES; pass++) {
            level = fixedPointPass(powers, f, level.denominator);
            double error = level.error.doubleValue();
            if (Math.abs(error - previousError) <= FIXED_POINT_TOLERANCE * Math.abs(error)) break;
            previousError = error;
        }
        BigDecimal[] numerator = level.numerator.clone();
        BigDecimal[] denominator = level.denominator.clone();
        BigDecimal error = level.error;
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            BigDecimal[][] jacobian = new BigDecimal[m][m];
            BigDecimal[] minusF = new BigDecimal[m];
            for (int i = 0; i < m; i++) {
                BigDecimal sign = (i % 2 == 0) ? BigDecimal.ONE : BigDecimal.ONE.negate();
                BigDecimal weight = f[i].multiply(BigDecimal.ONE.add(sign.multiply(error), mc), mc);
                BigDecimal pv = BigDecimal.ZERO, qv = BigDecimal.ZERO;
                for (int j = 0; j <= n; j++) {
                    pv = pv.add(numerator[j].multiply(powers[i][j], mc), mc);
                    qv = qv.add(denominator[j].multiply(powers[i][j], mc), mc);
                    jacobian[i][j] = powers[i][j];
                    if (j < n) jacobian[i][n + 1 + j] = weight.multiply(powers[i][j], mc).negate();
                }
                jacobian[i][m - 1] = sign.multiply(f[i], mc).multiply(qv, mc).negate();
                minusF[i] = weight.multiply(qv, mc).subtract(pv, mc);
            }
            BigDecimal[] delta = BigLinearSolver.solve(jacobian, minusF, mc);
            for (int j = 0; j <= n; j++) numerator[j] = numerator[j].add(delta[j], mc);
            for (int j = 0; j < n; j++) denominator[j] = denominator[j].add(delta[n + 1 + j], mc);
            error = error.add(delta[m - 1], mc);
            if (delta[m - 1].abs().compareTo(error.abs().multiply(LEVEL_TOLERANCE, mc)) <= 0 && step > 0) {
                return new Level(numerator, denominator, error);
            }
        }
        throw new ArithmeticException("Newton iteration for the levelled error of x^(" + p + "/" + q + "), degree " + n
                + ", did not converge in " + MAX_NEWTON_STEPS + " steps");
    }

    /** One solve of P(y_i) − f_i Q(y_i) − (−1)^i E f_i Q_old(y_i) = 0, linear in (P, Q, E). */
    private Level fixedPointPass(BigDecimal[][] powers, BigDecimal[] f, BigDecimal[] oldDenominator) {
        int m = f.length;
        BigDecimal[][] a = new BigDecimal[m][m];
        BigDecimal[] b = new BigDecimal[m];
        for (int i = 0; i < m; i++) {
            BigDecimal old = BigDecimal.ZERO;
            for (int j = 0; j <= n; j++) {
                a[i][j] = powers[i][j];
                if (j < n) a[i][n + 1 + j] = f[i].multiply(powers[i][j], mc).negate();
                old = old.add(oldDenominator[j].multiply(powers[i][j], mc), mc);
            }
            BigDecimal fq = f[i].multiply(old, mc);
            a[i][m - 1] = (i % 2 == 0) ? fq.negate() : fq;
            b[i] = f[i].multiply(powers[i][n], mc);
        }
        BigDecimal[] x = BigLinearSolver.solve(a, b, mc);
        BigDecimal[] numerator = new BigDecimal[n + 1];
        BigDecimal[] denominator = new BigDecimal[n + 1];
        System.arraycopy(x, 0, numerator, 0, n + 1);
        System.arraycopy(x, n + 1, denominator, 0, n);
        denominator[n] = BigDecimal.ONE;
        return new Level(numerator, denominator, x[m - 1]);
    }

    /** e(t) = P(t^q) / (t^p Q(t^q)) − 1, or ±∞ where Q(t^q) ≤ 0 (a pole inside the range). */
    double error(DoubleDouble[] num, DoubleDouble[] den, double t) {
        DoubleDouble tt = DoubleDouble.of(t);
        DoubleDouble y = tt.pow(q);
        DoubleDouble qv = Polynomials.evaluate(den, y);
        if (qv.hi() <= 0) return Double.POSITIVE_INFINITY;
        return Polynomials.evaluate(num, y).divide(tt.pow(p).multiply(qv)).subtract(DoubleDouble.ONE).doubleValue();
    }

    /** New reference: the extremum of |e| between consecutive zeros of e (and the range ends). */
    private double[] exchange(double[] reference, DoubleDouble[] num, DoubleDouble[] den) {
        int m = reference.length;
        double[] zeros = new double[m + 1];
        zeros[0] = uMin;
        zeros[m] = 0;
        for (int i = 0; i + 1 < m; i++) {
            zeros[i + 1] = zero(num, den, StrictMath.log(reference[i]), StrictMath.log(reference[i + 1]));
        }
        double[] next = new double[m];
        for (int i = 0; i < m; i++) {
            double u = maximum(num, den, zeros[i], zeros[i + 1]);
            if (i == 0 && absError(num, den, uMin) >= absError(num, den, u)) u = uMin;
            if (i == m - 1 && absError(num, den, 0) >= absError(num, den, u)) u = 0;
            next[i] = StrictMath.exp(u);
        }
        return next;
    }

    private double absError(DoubleDouble[] num, DoubleDouble[] den, double u) {
        return Math.abs(error(num, den, StrictMath.exp(u)));
    }

    /** Bisection for a sign change of e in u = ln t; the midpoint if the ends do not differ in sign. */
    private double zero(DoubleDouble[] num, DoubleDouble[] den, double lo, double hi) {
        double eLo = error(num, den, StrictMath.exp(lo));
        double eHi = error(num, den, StrictMath.exp(hi));
        if (Math.signum(eLo) == Math.signum(eHi)) return 0.5 * (lo + hi);
        while (hi - lo > SEARCH_WIDTH * Math.max(1, Math.abs(uMin))) {
            double mid = 0.5 * (lo + hi);
            double e = error(num, den, StrictMath.exp(mid));
            if (Math.signum(e) == Math.signum(eLo)) {
                lo = mid;
                eLo = e;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Golden-section search for the maximum of |e| on [lo, hi] in u = ln t. */
    private double maximum(DoubleDouble[] num, DoubleDouble[] den, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        double fa = absError(num, den, a), fb = absError(num, den, b);
        while (hi - lo > SEARCH_WIDTH * Math.max(1, Math.abs(uMin))) {
            if (fa >= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = absError(num, den, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = absError(num, den, b);
            }
        }
        return fa >= fb ? a : b;
    }
}
