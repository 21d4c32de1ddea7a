package org.latticespark.spark.analyze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ValueErrorTest {
    @Test
    void twoSignificantDigitsOfTheError() {
        assertEquals("0.59644(33)", ValueError.format(0.596443, 0.000327));
        assertEquals("-0.59644(33)", ValueError.format(-0.596443, 0.00033));
        assertEquals("2.35(41)", ValueError.format(2.3456, 0.41));
        assertEquals("12345(67)", ValueError.format(12345.0, 67.0));
        assertEquals("1.000(10)", ValueError.format(1.0, 0.01));
    }

    @Test
    void errorRoundingUpToThreeDigitsLosesOneDecimal() {
        assertEquals("1.235(10)", ValueError.format(1.23456, 0.00996));
        assertEquals("100(10)", ValueError.format(99.7, 9.96));
    }

    @Test
    void errorsThatReachTheIntegerDigits() {
        assertEquals("3.1(1.2)", ValueError.format(3.14159, 1.23));
        assertEquals("12350(680)", ValueError.format(12346.0, 678.0));
        // an exact tie goes to the even digit, as printf and Python do
        assertEquals("12340(680)", ValueError.format(12345.0, 678.0));
        assertEquals("0(12000)", ValueError.format(3.0, 12345.0));
    }

    @Test
    void errorsLargerThanTheValue() {
        assertEquals("0.00(50)", ValueError.format(0.001, 0.5));
        assertEquals("0.00(50)", ValueError.format(-0.001, 0.5), "no minus sign on a zero");
        assertEquals("-0.02(50)", ValueError.format(-0.02, 0.5));
        assertEquals("0.0012(15)", ValueError.format(0.0012, 0.0015));
    }

    @Test
    void veryLargeAndVerySmallMagnitudesGetAnExponent() {
        assertEquals("1.23450(67)e-07", ValueError.format(1.2345e-7, 6.7e-11));
        assertEquals("6.022140760(12)e+23", ValueError.format(6.02214076e23, 1.2e15));
        assertEquals("0.0(1.2)e+07", ValueError.format(5.0, 1.2e7));
        assertEquals("1.2(1.5)e-04", ValueError.format(1.2e-4, 1.5e-4));
        assertEquals("123456(12)", ValueError.format(123456.0, 12.0));
        assertEquals("1.2345670(12)e+06", ValueError.format(1234567.0, 1.2));
        assertEquals("-4.20(13)e-300", ValueError.format(-4.2e-300, 1.3e-301));
    }

    @Test
    void zeroErrorShowsTheExactValue() {
        assertEquals("0.25(0)", ValueError.format(0.25, 0));
        assertEquals("1(0)", ValueError.format(1.0, 0));
        assertEquals("100(0)", ValueError.format(100.0, 0));
        assertEquals("-0.1(0)", ValueError.format(-0.1, 0));
        assertEquals("1.5e-12(0)", ValueError.format(1.5e-12, 0));
        assertEquals("2.5e+07(0)", ValueError.format(2.5e7, 0));
        assertEquals("0(0)", ValueError.format(0.0, 0));
    }

    @Test
    void unknownErrorShowsSixSignificantDigits() {
        assertEquals("0.596440(NaN)", ValueError.format(0.596440123, Double.NaN));
        assertEquals("1.50000(inf)", ValueError.format(1.5, Double.POSITIVE_INFINITY));
        assertEquals("12345.7(NaN)", ValueError.format(12345.678, Double.NaN));
        assertEquals("3.14159e-09(NaN)", ValueError.format(3.14159265e-9, Double.NaN));
        assertEquals("0(NaN)", ValueError.format(0.0, Double.NaN));
    }

    @Test
    void badInputIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueError.format(Double.NaN, 0.1));
        assertTrue(e.getMessage().contains("value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueError.format(Double.POSITIVE_INFINITY, 0.1));
        e = assertThrows(IllegalArgumentException.class, () -> ValueError.format(1.0, -0.1));
        assertTrue(e.getMessage().contains("error"), e.getMessage());
    }

    private static final Pattern COMPACT = Pattern.compile("(-?\\d+(?:\\.(\\d+))?)\\((\\d+(?:\\.\\d+)?)\\)(?:e([+-]\\d{2,3}))?");

    /**
     * Reading the text back as a reader would gives the value to half a unit of its last digit and the
     * error with exactly two significant digits, whatever the magnitudes.
     */
    @Test
    void readsBackWithinRoundingOverManyMagnitudes() {
        Random rnd = new Random(20240612);
        for (int i = 0; i < 20000; i++) {
            double error = Math.pow(10, -12 + 24 * rnd.nextDouble());
            double value = (rnd.nextBoolean() ? -1 : 1) * error * Math.pow(10, -3 + 12 * rnd.nextDouble());
            String text = ValueError.format(value, error);
            Matcher m = COMPACT.matcher(text);
            assertTrue(m.matches(), text);
            int decimals = m.group(2) == null ? 0 : m.group(2).length();
            BigDecimal scale = m.group(4) == null ? BigDecimal.ONE : BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(m.group(4)));
            boolean errorInValueUnits = m.group(3).contains(".") || decimals == 0;
            BigDecimal shownError = errorInValueUnits ? new BigDecimal(m.group(3))
                    : new BigDecimal(m.group(3)).scaleByPowerOfTen(-decimals);
            // the last kept digit is the error's second significant one
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(shownError.precision() - shownError.scale() - 2);
            if (decimals > 0) assertEquals(BigDecimal.ONE.scaleByPowerOfTen(-decimals), unit, text);
            BigDecimal digits = shownError.divide(unit);
            assertTrue(digits.compareTo(BigDecimal.TEN) >= 0 && digits.compareTo(new BigDecimal(100)) < 0,
                    text + ": not two significant digits");
            double u = unit.multiply(scale).doubleValue();
            double shownValue = new BigDecimal(m.group(1)).multiply(scale).doubleValue();
            assertTrue(Math.abs(shownValue - value) <= 0.5 * u * (1 + 1e-9), text + " for " + value);
            double e = shownError.multiply(scale).doubleValue();
            assertTrue(Math.abs(e - error) <= 0.05 * error * (1 + 1e-9), text + " for error " + error);
        }
    }
}
