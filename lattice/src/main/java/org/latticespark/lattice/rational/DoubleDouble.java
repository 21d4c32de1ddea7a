package org.latticespark.lattice.rational;

import java.math.BigDecimal;

/**
 * Unevaluated sum hi + lo of two doubles (about 31 significant digits), enough to evaluate a Remez error
 * function far below double rounding while the exchange search stays cheap. Only what the search needs.
 */
record DoubleDouble(double hi, double lo) {
    static final DoubleDouble ONE = new DoubleDouble(1, 0);

    static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0);
    }

    static DoubleDouble of(BigDecimal x) {
        double hi = x.doubleValue();
        return new DoubleDouble(hi, x.subtract(new BigDecimal(hi)).doubleValue());
    }

    private static DoubleDouble quickTwoSum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    DoubleDouble add(DoubleDouble o) {
        double s = hi + o.hi;
        double v = s - hi;
        double e = (hi - (s - v)) + (o.hi - v);
        return quickTwoSum(s, e + lo + o.lo);
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble subtract(DoubleDouble o) {
        return add(o.negate());
    }

    DoubleDouble multiply(DoubleDouble o) {
        double p = hi * o.hi;
        double e = Math.fma(hi, o.hi, -p) + (hi * o.lo + lo * o.hi);
        return quickTwoSum(p, e);
    }

    DoubleDouble divide(DoubleDouble o) {
        double q1 = hi / o.hi;
        DoubleDouble r = subtract(o.multiply(of(q1)));
        double q2 = r.hi / o.hi;
        r = r.subtract(o.multiply(of(q2)));
        double q3 = r.hi / o.hi;
        return quickTwoSum(q1, q2).add(of(q3));
    }

    /** this^k for an integer k (negative allowed). */
    DoubleDouble pow(int k) {
        DoubleDouble r = ONE;
        for (int i = 0; i < Math.abs(k); i++) r = r.multiply(this);
        return k < 0 ? ONE.divide(r) : r;
    }

    double doubleValue() {
        return hi + lo;
    }
}
