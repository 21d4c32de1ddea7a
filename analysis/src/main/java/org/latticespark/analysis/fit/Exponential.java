package org.latticespark.analysis.fit;

import java.util.List;

/**
 * f(t) = A·exp(−E·t), parameters {A, E}. Initial guess: A and E minimising χ² along E (see
 * {@link ExponentialProfile}), searched for E &gt; 0.
 */
public final class Exponential implements FitModel {
    private static final List<String> NAMES = List.of("A", "E");

    @Override
    public String name() {
        return "exponential A*exp(-E*t)";
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double value(double t, double[] p) {
        return p[0] * Math.exp(-p[1] * t);
    }

    @Override
    public double[] gradient(double t, double[] p) {
        double e = Math.exp(-p[1] * t);
        return new double[] {e, -p[0] * t * e};
    }

    @Override
    public double[][] secondDerivatives(double t, double[] p) {
        double e = Math.exp(-p[1] * t);
        return new double[][] {{0, -t * e}, {-t * e, p[0] * t * t * e}};
    }

    @Override
    public double[] initialGuess(double[] t, double[] y, double[] sigma) {
        double first = java.util.Arrays.stream(t).min().orElse(0);
        double[] shifted = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            shifted[i] = t[i] - first;
        }
        double[] guess = ExponentialProfile.best(shifted, y, sigma, (energy, s) -> Math.exp(-energy * s));
        guess[0] *= Math.exp(guess[1] * first);
        return guess;
    }

    @Override
    public String toString() {
        return name();
    }
}
