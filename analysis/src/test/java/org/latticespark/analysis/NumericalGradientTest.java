package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumericalGradientTest {

    @Test
    void matchesAnalyticDerivatives() {
        double[] x = {0.7, -2.3, 1e-3};
        double[] g = NumericalGradient.of(v -> Math.exp(v[0]) * Math.sin(v[1]) + v[2] * v[2] * v[0], x);
        assertEquals(Math.exp(0.7) * Math.sin(-2.3) + 1e-6, g[0], 1e-11);
        assertEquals(Math.exp(0.7) * Math.cos(-2.3), g[1], 1e-11);
        // A small input inside a function of order 1: round-off ε|f|/h limits this one to ~1e-9 relative.
        assertEquals(2 * 1e-3 * 0.7, g[2], 1e-8 * g[2]);
    }

    @Test
    void effectiveCoshMassDerivative() {
        // m = acosh((c(t-1) + c(t+1)) / (2 c(t))): the usual derived quantity, steep near its branch point.
        double[] c = {0.5, 0.2, 0.09};
        double[] g = NumericalGradient.of(v -> acosh((v[0] + v[2]) / (2 * v[1])), c);
        double u = (c[0] + c[2]) / (2 * c[1]);
        double du = 1 / Math.sqrt(u * u - 1);
        assertEquals(du / (2 * c[1]), g[0], 1e-9 * Math.abs(g[0]));
        assertEquals(-du * (c[0] + c[2]) / (2 * c[1] * c[1]), g[1], 1e-9 * Math.abs(g[1]));
        assertEquals(du / (2 * c[1]), g[2], 1e-9 * Math.abs(g[2]));
    }

    @Test
    void shrinksTheStepWhereTheFunctionIsUndefinedNearby() {
        double x = 1e-4;
        double[] g = NumericalGradient.of(v -> Math.log(v[0]), new double[] {x});
        assertEquals(1 / x, g[0], 1e-9 / x);
    }

    private static double acosh(double u) {
        return Math.log(u + Math.sqrt(u * u - 1));
    }
}
