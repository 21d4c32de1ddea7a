package org.latticespark.lattice.rational;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RemezInputTest {
    private static void rejects(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void badRangeDegreeAndPowerAreRejectedByName() {
        rejects("lambdaMin", () -> Remez.approximate(-1, 2, 0, 1, 4));
        rejects("lambdaMin", () -> Remez.approximate(-1, 2, -1e-3, 1, 4));
        rejects("lambdaMin", () -> Remez.approximate(-1, 2, Double.NaN, 1, 4));
        rejects("lambdaMax", () -> Remez.approximate(-1, 2, 1, 1, 4));
        rejects("lambdaMax", () -> Remez.approximate(-1, 2, 1, 0.5, 4));
        rejects("lambdaMax", () -> Remez.approximate(-1, 2, 1, Double.POSITIVE_INFINITY, 4));
        rejects("lambdaMax", () -> Remez.approximate(-1, 2, 1, Double.NaN, 4));
        rejects("degree", () -> Remez.approximate(-1, 2, 1e-3, 1, 0));
        rejects("degree", () -> Remez.approximate(-1, 2, 1e-3, 1, Remez.MAX_DEGREE + 1));
        rejects("den", () -> Remez.approximate(1, 0, 1e-3, 1, 4));
        rejects("num", () -> Remez.approximate(0, 3, 1e-3, 1, 4));
        rejects("between -1 and 1", () -> Remez.approximate(-4, 2, 1e-3, 1, 4));
        rejects("between -1 and 1", () -> Remez.approximate(3, 2, 1e-3, 1, 4));
        rejects("between -1 and 1", () -> Remez.approximate(-2, 2, 1e-3, 1, 4));
        rejects("lambdaMax / lambdaMin", () -> Remez.approximate(-1, 2, 1e-10, 1e5, 4));
        rejects("den", () -> Remez.forTolerance(1, 0, 1e-3, 1, 1e-3));
        rejects("lambdaMin", () -> Remez.forTolerance(1, 2, 0, 1, 1e-3));
        rejects("relativeError", () -> Remez.forTolerance(1, 2, 1e-3, 1, 0));
        rejects("relativeError", () -> Remez.forTolerance(1, 2, 1e-3, 1, 1));
        rejects("relativeError", () -> Remez.forTolerance(1, 2, 1e-3, 1, Double.NaN));
    }

    @Test
    void powerIsReducedToLowestTermsWithPositiveDenominator() {
        RationalApproximation reference = Approximations.get(-1, 2, 1e-2, 4, 5);
        RationalApproximation scaled = Remez.approximate(2, -4, 1e-2, 4, 5);
        assertEquals(-1, scaled.numerator());
        assertEquals(2, scaled.denominator());
        assertArrayEquals(reference.betas(), scaled.betas());
        assertArrayEquals(reference.alphas(), scaled.alphas());
    }
}
