package org.latticespark.lattice.rational;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Result of the Remez exchange on the scaled problem: P(y)/Q(y) ≈ y^{p/q} on [ratio, 1] in relative error,
 * P = Σ numerator[j] y^j and monic Q = Σ denominator[j] y^j, both of degree n (coefficients lowest order
 * first). {@code extremaT} are the 2n+2 final alternation points in t = y^{1/q}, ascending.
 */
record MinimaxRational(
        int p, int q, double ratio, BigDecimal[] numerator, BigDecimal[] denominator,
        double levelledError, double[] extremaT, double extremaSpread, int iterations, MathContext mc) {

    int degree() {
        return denominator.length - 1;
    }

    /** The alternation points as s = 1 − ln t / ln t_min ∈ [0, 1] (a start for a higher degree). */
    double[] shape() {
        double uMin = StrictMath.log(extremaT[0]);
        double[] s = new double[extremaT.length];
        for (int i = 0; i < s.length; i++) s[i] = 1 - StrictMath.log(extremaT[i]) / uMin;
        s[0] = 0;
        s[s.length - 1] = 1;
        return s;
    }
}
