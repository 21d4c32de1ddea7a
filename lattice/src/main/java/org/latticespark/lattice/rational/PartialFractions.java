package org.latticespark.lattice.rational;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * P(y)/Q(y) = α₀ + Σ_k α_k / (y + β_k) for monic Q of degree n with n distinct real negative roots −β_k.
 * The roots are bracketed by sign changes of Q(−s) on a log grid of s between Cauchy's bounds (double-double),
 * bisected, then polished by Newton steps in BigDecimal; α₀ = leading coefficient of P, α_k = P(−β_k) / Q'(−β_k).
 */
record PartialFractions(BigDecimal alpha0, BigDecimal[] alpha, BigDecimal[] beta) {
    private static final int GRID_PER_DECADE = 400;
    private static final int NEWTON_STEPS = 4;

    static PartialFractions of(BigDecimal[] numerator, BigDecimal[] monicDenominator, MathContext mc) {
        int n = monicDenominator.length - 1;
        BigDecimal[] g = new BigDecimal[n + 1];
        for (int j = 0; j <= n; j++) g[j] = (j % 2 == 0) ? monicDenominator[j] : monicDenominator[j].negate();
        BigDecimal[] beta = positiveRoots(g, mc);
        BigDecimal[] alpha = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            BigDecimal derivative = BigDecimal.ONE;
            for (int j = 0; j < n; j++) if (j != k) derivative = derivative.multiply(beta[j].subtract(beta[k], mc), mc);
            alpha[k] = Polynomials.evaluate(numerator, beta[k].negate(), mc).divide(derivative, mc);
        }
        return new PartialFractions(numerator[n], alpha, beta);
    }

    BigDecimal evaluate(BigDecimal y, MathContext mc) {
        BigDecimal s = alpha0;
        for (int k = 0; k < alpha.length; k++) s = s.add(alpha[k].divide(y.add(beta[k], mc), mc), mc);
        return s;
    }

    /** All roots of g, which must be n distinct positive reals (n = degree); ascending. */
    private static BigDecimal[] positiveRoots(BigDecimal[] g, MathContext mc) {
        int n = g.length - 1;
        if (g[0].signum() == 0) throw new IllegalStateException("denominator has a root at 0: a pole at x = 0");
        double maxLower = 0, maxUpper = 0;
        for (int j = 1; j <= n; j++) maxLower = Math.max(maxLower, g[j].abs().doubleValue());
        for (int j = 0; j < n; j++) maxUpper = Math.max(maxUpper, g[j].abs().doubleValue() / g[n].abs().doubleValue());
        double abs0 = g[0].abs().doubleValue();
        double sMin = 0.5 * abs0 / (abs0 + maxLower);
        double sMax = 2 * (1 + maxUpper);
        int points = (int) Math.ceil(GRID_PER_DECADE * StrictMath.log10(sMax / sMin)) + 2;
        double step = StrictMath.log(sMax / sMin) / (points - 1);
        DoubleDouble[] gd = Polynomials.toDoubleDouble(g);
        List<double[]> brackets = new ArrayList<>();
        double sPrev = sMin;
        double vPrev = Polynomials.evaluate(gd, DoubleDouble.of(sPrev)).hi();
        for (int i = 1; i < points; i++) {
            double s = sMin * StrictMath.exp(step * i);
            double v = Polynomials.evaluate(gd, DoubleDouble.of(s)).hi();
            if (Math.signum(v) != Math.signum(vPrev)) brackets.add(new double[] {sPrev, s});
            sPrev = s;
            vPrev = v;
        }
        if (brackets.size() != n) {
            throw new IllegalStateException("denominator has " + brackets.size() + " separable real negative roots,"
                    + " expected " + n + ": the approximation has no partial fractions with real positive shifts");
        }
        BigDecimal[] roots = new BigDecimal[n];
        for (int k = 0; k < n; k++) roots[k] = polish(g, gd, brackets.get(k)[0], brackets.get(k)[1], mc);
        return roots;
    }

    private static BigDecimal polish(BigDecimal[] g, DoubleDouble[] gd, double lo, double hi, MathContext mc) {
        double signLo = Math.signum(Polynomials.evaluate(gd, DoubleDouble.of(lo)).hi());
        double bracketLo = lo, bracketHi = hi;
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            double v = Polynomials.evaluate(gd, DoubleDouble.of(mid)).hi();
            if (v == 0) {
                lo = hi = mid;
                break;
            }
            if (Math.signum(v) == signLo) lo = mid;
            else hi = mid;
        }
        BigDecimal s = new BigDecimal(0.5 * (lo + hi));
        for (int step = 0; step < NEWTON_STEPS; step++) {
            BigDecimal value = g[g.length - 1], derivative = BigDecimal.ZERO;
            for (int j = g.length - 2; j >= 0; j--) {
                derivative = derivative.multiply(s, mc).add(value, mc);
                value = value.multiply(s, mc).add(g[j], mc);
            }
            if (value.signum() == 0) break;
            s = s.subtract(value.divide(derivative, mc), mc);
        }
        double check = s.doubleValue();
        if (!(check >= bracketLo && check <= bracketHi)) {
            throw new IllegalStateException("Newton polishing left the root bracket [" + bracketLo + ", " + bracketHi + "]");
        }
        return s;
    }
}
