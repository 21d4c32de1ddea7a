package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AxisRangeTest {
    @Test
    void linearRangesArePadded() {
        AxisRange r = AxisRange.linear(0, 10);
        assertEquals(-0.4, r.low(), 1e-15);
        assertEquals(10.4, r.high(), 1e-15);
    }

    @Test
    void singleValuesGetAVisibleInterval() {
        assertEquals(new AxisRange(4.5, 5.5, false), AxisRange.linear(5, 5));
        assertEquals(new AxisRange(-1, 1, false), AxisRange.linear(0, 0));
        AxisRange noise = AxisRange.linear(0.5, 0.5 + 0x1p-52);
        assertEquals(0.45, noise.low(), 1e-15);
        assertEquals(0.55, noise.high(), 1e-15);
    }

    @Test
    void logarithmicRangesArePaddedByAFactor() {
        AxisRange r = AxisRange.logarithmic(1e-3, 1e2);
        assertEquals(Math.pow(10, -3.2), r.low(), 1e-18);
        assertEquals(Math.pow(10, 2.2), r.high(), 1e-12);
        assertEquals(new AxisRange(0.5, 2, true), AxisRange.logarithmic(1, 1));
    }

    @Test
    void decimalsFollowTheLikelyTickStep() {
        // span / 7 = 0.0086 -> step 0.01
        assertEquals("0.00", AxisRange.exact(0, 0.06).decimalPattern());
        // 1.15 / 7 = 0.16 -> 0.2
        assertEquals("0.0", AxisRange.exact(-0.1, 1.05).decimalPattern());
        // 6.4 / 7 = 0.91 -> 1
        assertEquals("0", AxisRange.exact(-3.7, 2.7).decimalPattern());
        // 0.35 / 7 = 0.05 -> 0.05
        assertEquals("0.00", AxisRange.exact(0, 0.35).decimalPattern());
        assertEquals("0", AxisRange.exact(0, 4000).decimalPattern());
        assertNull(AxisRange.exact(0, 1e-9).decimalPattern());
        assertNull(AxisRange.exact(0, 1e8).decimalPattern());
        assertNull(AxisRange.logarithmic(0.01, 100).decimalPattern());
        assertEquals("0E0", AxisRange.logarithmic(1e-6, 1).decimalPattern());
    }
}
