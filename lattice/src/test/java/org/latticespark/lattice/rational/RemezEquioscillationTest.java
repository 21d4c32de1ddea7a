package org.latticespark.lattice.rational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Remez result is the minimax approximation: equioscillation, and no larger error anywhere in the range. */
class RemezEquioscillationTest {
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int[] power : new int[][] {{-1, 2}, {1, 4}}) {
            for (double[] range : new double[][] {{1e-3, 10}, {1e-4, 64}}) {
                for (int degree : new int[] {6, 12}) b.add(Arguments.of(power[0], power[1], range[0], range[1], degree));
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void denseGridMaximumIsTheLevelledError(int num, int den, double lambdaMin, double lambdaMax, int degree) {
        RationalApproximation r = Approximations.get(num, den, lambdaMin, lambdaMax, degree);
        double levelled = r.levelledError();
        assertTrue(r.maxRelativeError() <= 1.01 * levelled, r.maxRelativeError() + " vs levelled " + levelled);
        assertTrue(r.maxRelativeError() >= levelled * (1 - 1e-6), r.maxRelativeError() + " vs levelled " + levelled);
        // An independent grid, offset from the one inside RationalApproximation.
        int points = 30011;
        double max = 0;
        for (int i = 0; i < points; i++) {
            double x = lambdaMin * Math.pow(lambdaMax / lambdaMin, (i + 0.37) / points);
            max = Math.max(max, Math.abs(r.relativeError(x)));
        }
        assertTrue(max <= 1.01 * levelled, max + " vs levelled " + levelled);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void errorEquioscillatesAtTwoNPlusTwoPoints(int num, int den, double lambdaMin, double lambdaMax, int degree) {
        RationalApproximation r = Approximations.get(num, den, lambdaMin, lambdaMax, degree);
        double[] x = r.extrema();
        assertEquals(2 * degree + 2, x.length);
        assertEquals(lambdaMin, x[0], 1e-12 * lambdaMin);
        assertEquals(lambdaMax, x[x.length - 1], 1e-12 * lambdaMax);
        double levelled = r.levelledError();
        // Double-precision evaluation adds ~1e-15 absolute noise to e(x); the levelled errors here are >= 3e-9.
        double tolerance = 1e-6 * levelled + 1e-13;
        for (int i = 0; i < x.length; i++) {
            if (i > 0) assertTrue(x[i] > x[i - 1], "extrema ascending");
            double e = r.relativeError(x[i]);
            assertEquals(levelled, Math.abs(e), tolerance, "|e| at extremum " + i);
            if (i > 0) assertTrue(e * r.relativeError(x[i - 1]) < 0, "sign alternates at extremum " + i);
            // a local extremum: |e| does not grow a little to either side
            for (double step : new double[] {-1e-3, 1e-3}) {
                double xs = x[i] * (1 + step);
                if (xs > lambdaMin && xs < lambdaMax) {
                    assertTrue(Math.abs(r.relativeError(xs)) <= Math.abs(e) + tolerance, "extremum " + i);
                }
            }
        }
    }
}
