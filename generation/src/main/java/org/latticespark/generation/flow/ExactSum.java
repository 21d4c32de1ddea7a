package org.latticespark.generation.flow;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Sums of doubles that are exactly associative: each addend is rounded (towards zero) to a multiple of 2⁻⁸⁰ and
 * accumulated as a 128-bit two's-complement integer (hi, lo), so the total does not depend on the order or grouping
 * of the additions — sums over any split of a batch, over any number of threads, agree bit for bit. Addends must
 * satisfy |x| < 2⁴⁶ and totals |Σ| < 2⁴⁶; anything else (or a NaN/infinite addend) makes the sum invalid and
 * {@link #value} then returns NaN. The rounding is below 10⁻²⁴ absolute, far under a gradient's round-off.
 */
final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int FRACTION_BITS = 80;
    private static final long HI_LIMIT = 1L << 62;

    private final long[] hi;
    private final long[] lo;
    private boolean invalid;

    ExactSum(int length) {
        hi = new long[length];
        lo = new long[length];
    }

    int length() { return hi.length; }

    void clear() {
        Arrays.fill(hi, 0);
        Arrays.fill(lo, 0);
        invalid = false;
    }

    void add(int i, double x) {
        if (x == 0) return;
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7FF);
        if (biased == 0x7FF) {
            invalid = true;
            return;
        }
        long mantissa = bits & ((1L << 52) - 1);
        if (biased != 0) mantissa |= 1L << 52;
        else biased = 1;
        int shift = biased - 1075 + FRACTION_BITS;
        long h;
        long l;
        if (shift <= -53) {
            return;
        } else if (shift < 0) {
            h = 0;
            l = mantissa >>> -shift;
        } else if (shift == 0) {
            h = 0;
            l = mantissa;
        } else if (shift < 64) {
            h = mantissa >>> (64 - shift);
            l = mantissa << shift;
        } else if (shift <= 73) {
            h = mantissa << (shift - 64);
            l = 0;
        } else {
            invalid = true;
            return;
        }
        if (bits < 0) {
            l = ~l + 1;
            h = ~h + (l == 0 ? 1 : 0);
        }
        addBits(i, h, l);
    }

    void add(double[] values) {
        for (int i = 0; i < values.length; i++) add(i, values[i]);
    }

    /** this += other, exactly. */
    void add(ExactSum other) {
        if (other.length() != length()) {
            throw new IllegalArgumentException("length " + other.length() + " != " + length());
        }
        invalid |= other.invalid;
        for (int i = 0; i < hi.length; i++) addBits(i, other.hi[i], other.lo[i]);
    }

    private void addBits(int i, long h, long l) {
        long sumLo = lo[i] + l;
        long carry = Long.compareUnsigned(sumLo, lo[i]) < 0 ? 1 : 0;
        long sumHi = hi[i] + h + carry;
        lo[i] = sumLo;
        hi[i] = sumHi;
        if (sumHi >= HI_LIMIT || sumHi < -HI_LIMIT) invalid = true;
    }

    /** The total of entry i, rounded to double (deterministically); NaN if invalid. */
    double value(int i) {
        if (invalid) return Double.NaN;
        long h = hi[i];
        long l = lo[i];
        boolean negative = h < 0;
        if (negative) {
            l = ~l + 1;
            h = ~h + (l == 0 ? 1 : 0);
        }
        double magnitude = h * 0x1p-16 + (l >>> 11) * 0x1p-69;
        return negative ? -magnitude : magnitude;
    }

    void values(double[] out) {
        for (int i = 0; i < hi.length; i++) out[i] = value(i);
    }

    ExactSum copy() {
        ExactSum c = new ExactSum(length());
        c.add(this);
        return c;
    }
}
