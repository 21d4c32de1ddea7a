package org.latticespark.spark.analyze.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The compact notation {@code value(error)} of lattice papers: {@code 0.59644(33)} means
 * 0.59644 ± 0.00033.
 *
 * <ul>
 *   <li>The error is rounded to two significant digits (half-even on its exact binary value), and the
 *       value to the same decimal place; an error that rounds up to three digits (9.96 → 10.0) is
 *       rounded again one place further left (10).</li>
 *   <li>When the error reaches into the integer digits of a value with decimals it is written with its
 *       decimal point: {@code 3.1(1.2)}. When the last kept digit is left of the decimal point the error is
 *       written in the value's units: {@code 12350(680)}.</li>
 *   <li>If the larger of |value| and error is below 10^-3 or at least 10^6, both are written with a
 *       common decimal exponent, that of the larger: {@code 1.2345(67)e-07}. Exponents have a sign and at
 *       least two digits.</li>
 *   <li>An error larger than |value| is fine: {@code 0.00(50)}. A value that rounds to zero has no
 *       minus sign.</li>
 *   <li>Error 0 (a constant series): the shortest decimal that reads back as the value, then
 *       {@code (0)}: {@code 0.25(0)}, {@code 1(0)}, {@code 1.5e-12(0)}.</li>
 *   <li>Error NaN or infinite: the value to 6 significant digits, then {@code (NaN)} or
 *       {@code (inf)}.</li>
 * </ul>
 */
public final class ValueError {
    /** Below 10^-3 or from 10^6 on, numbers get an exponent. */
    private static final int SMALLEST_PLAIN_EXPONENT = -3;
    private static final int LARGEST_PLAIN_EXPONENT = 5;
    private static final int DIGITS_WITHOUT_ERROR = 6;

    private ValueError() {}

    /**
     * @throws IllegalArgumentException if {@code value} is not finite or {@code error} is negative
     */
    public static String format(double value, double error) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("value must be finite, got " + value);
        if (error < 0) throw new IllegalArgumentException("error must be >= 0, got " + error);
        if (Double.isNaN(error)) return withoutError(value, "NaN");
        if (Double.isInfinite(error)) return withoutError(value, "inf");
        if (error == 0) return exact(value) + "(0)";

        BigDecimal v = new BigDecimal(value);
        BigDecimal e = new BigDecimal(error);
        int exponent = leadingExponent(v.abs().max(e));
        boolean scientific = exponent < SMALLEST_PLAIN_EXPONENT || exponent > LARGEST_PLAIN_EXPONENT;
        if (scientific) {
            v = v.movePointLeft(exponent);
            e = e.movePointLeft(exponent);
        }
        String text = plain(v, e);
        return scientific ? text + exponentSuffix(exponent) : text;
    }

    /** Both numbers already scaled; error > 0. */
    private static String plain(BigDecimal v, BigDecimal e) {
        int decimals = 1 - leadingExponent(e);
        BigInteger err = e.setScale(decimals, RoundingMode.HALF_EVEN).unscaledValue();
        if (err.compareTo(BigInteger.valueOf(100)) >= 0) {
            decimals--;
            err = e.setScale(decimals, RoundingMode.HALF_EVEN).unscaledValue();
        }
        BigInteger val = v.setScale(decimals, RoundingMode.HALF_EVEN).unscaledValue();
        String valueText = decimals > 0 ? withPoint(val, decimals) : val.multiply(BigInteger.TEN.pow(-decimals)).toString();
        String errorText;
        if (decimals <= 0) {
            errorText = err.multiply(BigInteger.TEN.pow(-decimals)).toString();
        } else if (err.compareTo(BigInteger.TEN.pow(decimals)) >= 0) {
            errorText = withPoint(err, decimals);
        } else {
            errorText = err.toString();
        }
        return valueText + "(" + errorText + ")";
    }

    /** {@code unscaled · 10^-decimals} with a decimal point; no "-0". */
    private static String withPoint(BigInteger unscaled, int decimals) {
        String s = new BigDecimal(unscaled, decimals).toPlainString();
        return unscaled.signum() == 0 ? s.replace("-", "") : s;
    }

    /** The power of ten of the leading digit: 3 for 1234.5, -4 for 0.00012; x must be > 0. */
    private static int leadingExponent(BigDecimal x) {
        return x.precision() - x.scale() - 1;
    }

    private static String exponentSuffix(int exponent) {
        String digits = Integer.toString(Math.abs(exponent));
        return "e" + (exponent < 0 ? "-" : "+") + (digits.length() < 2 ? "0" + digits : digits);
    }

    private static String exact(double value) {
        if (value == 0) return "0";
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = leadingExponent(shortest.abs());
        if (exponent < SMALLEST_PLAIN_EXPONENT || exponent > LARGEST_PLAIN_EXPONENT) {
            return shortest.movePointLeft(exponent).toPlainString() + exponentSuffix(exponent);
        }
        return shortest.toPlainString();
    }

    private static String withoutError(double value, String error) {
        if (value == 0) return "0(" + error + ")";
        BigDecimal v = new BigDecimal(value);
        int exponent = leadingExponent(v.abs());
        boolean scientific = exponent < SMALLEST_PLAIN_EXPONENT || exponent > LARGEST_PLAIN_EXPONENT;
        BigDecimal scaled = scientific ? v.movePointLeft(exponent) : v;
        int decimals = DIGITS_WITHOUT_ERROR - 1 - (scientific ? 0 : exponent);
        BigInteger digits = scaled.setScale(decimals, RoundingMode.HALF_EVEN).unscaledValue();
        String text = decimals > 0 ? withPoint(digits, decimals) : digits.multiply(BigInteger.TEN.pow(-decimals)).toString();
        return text + (scientific ? exponentSuffix(exponent) : "") + "(" + error + ")";
    }
}
