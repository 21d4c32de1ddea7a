package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormattingTest {
    @Test
    void errorHasTwoSignificantDigitsAndValueTheSameDecimals() {
        assertEquals("1.527 ± 0.081", ValueFormat.withError(1.52741, 0.0812));
        assertEquals("4.99 ± 0.61", ValueFormat.withError(4.9913, 0.6071));
        assertEquals("12.2 ± 3.0", ValueFormat.withError(12.2, 3.04));
        assertEquals("1.235e+05 ± 7.9e+02", ValueFormat.withError(123456, 789));
        assertEquals("0.5000", ValueFormat.withError(0.5, 0));
    }

    @Test
    void svgIdsAreRenumberedInOrderOfAppearance() {
        String svg = "<clipPath id=\"clip-77\"/><clipPath id=\"clip932\"/><g clip-path=\"url(#clip932)\"/>"
                + "<g clip-path=\"url(#clip-77)\"/>";
        assertEquals("<clipPath id=\"clip1\"/><clipPath id=\"clip2\"/><g clip-path=\"url(#clip2)\"/>"
                + "<g clip-path=\"url(#clip1)\"/>", SvgIds.renumber(svg));
    }

    @Test
    void errorBarsAreSegmentsBetweenNaNs() {
        double[][] s = ErrorBars.segments(new double[] {1, 2, 3}, new double[] {5, 6, 7},
                new double[] {4, Double.NaN, 7}, new double[] {6, 8, 7}, 0.1);
        double n = Double.NaN;
        // point 1: bar and two caps; point 2: no lower bar or cap; point 3: zero length, nothing
        assertEquals(java.util.Arrays.toString(new double[] {1, 1, n, 0.9, 1.1, n, 0.9, 1.1, n, 2, 2, n, 1.9, 2.1, n}),
                java.util.Arrays.toString(s[0]));
        assertEquals(java.util.Arrays.toString(new double[] {4, 6, n, 4, 4, n, 6, 6, n, 6, 8, n, 8, 8, n}),
                java.util.Arrays.toString(s[1]));
    }
}
