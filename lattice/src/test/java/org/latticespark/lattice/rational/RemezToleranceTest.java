package org.latticespark.lattice.rational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemezToleranceTest {
    @ParameterizedTest
    @CsvSource({"-1, 2, 1e-3, 10, 1e-6", "1, 4, 1e-4, 64, 1e-5", "-1, 4, 1e-4, 64, 0.05", "1, 2, 1e-3, 10, 0.5"})
    void forToleranceReturnsTheSmallestSufficientDegree(int num, int den, double lambdaMin, double lambdaMax, double tolerance) {
        RationalApproximation r = Remez.forTolerance(num, den, lambdaMin, lambdaMax, tolerance);
        assertTrue(r.maxRelativeError() <= tolerance, r.toString());
        if (r.degree() > 1) {
            RationalApproximation lower = Remez.approximate(num, den, lambdaMin, lambdaMax, r.degree() - 1);
            assertTrue(lower.maxRelativeError() > tolerance, "degree " + lower.degree() + " already suffices");
        }
        assertEquals(num, r.numerator());
        assertEquals(den, r.denominator());
        assertEquals(lambdaMin, r.lambdaMin());
        assertEquals(lambdaMax, r.lambdaMax());
    }
}
