package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** z-scores over independent seeds: mean 0 and mean square 1, each within 4 of its standard errors. */
final class ZScores {
    private static final double SIGMAS = 4;

    private final double[] z;

    ZScores(double[] z) {
        this.z = z.clone();
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    static double standardError(double[] v) {
        double m = mean(v);
        double sum = 0;
        for (double x : v) {
            sum += (x - m) * (x - m);
        }
        return Math.sqrt(sum / (v.length - 1) / v.length);
    }

    double meanSquare() {
        return mean(squares());
    }

    double meanZ() {
        return mean(z);
    }

    void assertStandardNormal(String what) {
        double m = mean(z);
        double se = standardError(z);
        assertTrue(Math.abs(m) < SIGMAS * se, what + ": mean z " + m + " +- " + se + ", expected 0");
        double[] squares = squares();
        double ms = mean(squares);
        double seSquares = standardError(squares);
        assertTrue(Math.abs(ms - 1) < SIGMAS * seSquares, what + ": mean z^2 " + ms + " +- " + seSquares
                + ", expected 1");
    }

    private double[] squares() {
        double[] s = new double[z.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = z[i] * z[i];
        }
        return s;
    }
}
