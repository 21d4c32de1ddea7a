package org.latticespark.analysis.fit;

/**
 * Initial guesses for A·s_E(t) models (s = exp(-E t) or its periodic cosh form) by variable projection: for
 * fixed E the best amplitude is linear, A(E) = Σ w y s / Σ w s² with w = 1/σ², so χ²(E) = Σ w y² − (Σ w y s)² / Σ w s²
 * is scanned on a logarithmic grid of E and refined by golden-section search. Unlike an effective mass from
 * two points this uses all data with their weights and does not need positive y.
 */
final class ExponentialProfile {
    @FunctionalInterface
    interface Shape {
        double at(double energy, double t);
    }

    private static final int GRID = 400;
    private static final int REFINEMENTS = 60;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private ExponentialProfile() {
    }

    /** {A, E} with E in (0.01/span, 20/spacing): span = max t − min t, spacing the smallest gap of distinct t. */
    static double[] best(double[] t, double[] y, double[] sigma, Shape shape) {
        double[] range = energyRange(t);
        double logLow = Math.log(range[0]);
        double step = (Math.log(range[1]) - logLow) / (GRID - 1);
        int bestIndex = -1;
        double bestChi = Double.POSITIVE_INFINITY;
        for (int g = 0; g < GRID; g++) {
            double chi = profile(t, y, sigma, shape, Math.exp(logLow + g * step));
            if (chi < bestChi) {
                bestChi = chi;
                bestIndex = g;
            }
        }
        if (bestIndex < 0) {
            throw new IllegalArgumentException("no initial guess: the model is not finite for any energy in ["
                    + range[0] + ", " + range[1] + "]; pass an initial guess");
        }
        double a = logLow + Math.max(bestIndex - 1, 0) * step;
        double b = logLow + Math.min(bestIndex + 1, GRID - 1) * step;
        for (int r = 0; r < REFINEMENTS; r++) {
            double c = b - GOLDEN * (b - a);
            double d = a + GOLDEN * (b - a);
            if (profile(t, y, sigma, shape, Math.exp(c)) < profile(t, y, sigma, shape, Math.exp(d))) {
                b = d;
            } else {
                a = c;
            }
        }
        double energy = Math.exp(0.5 * (a + b));
        return new double[] {amplitude(t, y, sigma, shape, energy), energy};
    }

    static double amplitude(double[] t, double[] y, double[] sigma, Shape shape, double energy) {
        double ys = 0;
        double ss = 0;
        for (int i = 0; i < t.length; i++) {
            double s = shape.at(energy, t[i]);
            double w = 1 / (sigma[i] * sigma[i]);
            ys += w * y[i] * s;
            ss += w * s * s;
        }
        return ys / ss;
    }

    private static double profile(double[] t, double[] y, double[] sigma, Shape shape, double energy) {
        double yy = 0;
        double ys = 0;
        double ss = 0;
        for (int i = 0; i < t.length; i++) {
            double s = shape.at(energy, t[i]);
            double w = 1 / (sigma[i] * sigma[i]);
            yy += w * y[i] * y[i];
            ys += w * y[i] * s;
            ss += w * s * s;
        }
        double chi = yy - ys * ys / ss;
        return Double.isFinite(chi) ? chi : Double.POSITIVE_INFINITY;
    }

    private static double[] energyRange(double[] t) {
        double[] sorted = java.util.Arrays.stream(t).distinct().sorted().toArray();
        if (sorted.length < 2) {
            throw new IllegalArgumentException("no initial guess for an exponential: need at least 2 distinct t, got "
                    + sorted.length);
        }
        double spacing = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            spacing = Math.min(spacing, sorted[i] - sorted[i - 1]);
        }
        double span = sorted[sorted.length - 1] - sorted[0];
        return new double[] {0.01 / span, 20 / spacing};
    }
}
