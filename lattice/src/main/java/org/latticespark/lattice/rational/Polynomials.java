package org.latticespark.lattice.rational;

import java.math.BigDecimal;
import java.math.MathContext;

/** Horner evaluation of polynomials given by coefficients c[0] + c[1] y + … (lowest order first). */
final class Polynomials {
    private Polynomials() {}

    static BigDecimal evaluate(BigDecimal[] c, BigDecimal y, MathContext mc) {
        BigDecimal s = c[c.length - 1];
        for (int j = c.length - 2; j >= 0; j--) s = s.multiply(y, mc).add(c[j], mc);
        return s;
    }

    static DoubleDouble evaluate(DoubleDouble[] c, DoubleDouble y) {
        DoubleDouble s = c[c.length - 1];
        for (int j = c.length - 2; j >= 0; j--) s = s.multiply(y).add(c[j]);
        return s;
    }

    static DoubleDouble[] toDoubleDouble(BigDecimal[] c) {
        DoubleDouble[] d = new DoubleDouble[c.length];
        for (int j = 0; j < c.length; j++) d[j] = DoubleDouble.of(c[j]);
        return d;
    }

    /** base^k for an integer k (negative allowed), rounded to mc. */
    static BigDecimal power(BigDecimal base, int k, MathContext mc) {
        BigDecimal r = base.pow(Math.abs(k), mc);
        return k < 0 ? BigDecimal.ONE.divide(r, mc) : r;
    }
}
