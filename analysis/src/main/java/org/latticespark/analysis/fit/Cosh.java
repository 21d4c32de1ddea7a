package org.latticespark.analysis.fit;

import java.util.List;

/**
 * The periodic correlator f(t) = A·(exp(−E·t) + exp(−E·(T − t))) = 2A·exp(−E·T/2)·cosh(E·(T/2 − t)) with the
 * time extent T fixed; parameters {A, E}. Initial guess as {@link Exponential}, with this shape.
 */
public final class Cosh implements FitModel {
    private static final List<String> NAMES = List.of("A", "E");

    private final double period;

    /** @param period the time extent T of the lattice, finite and &gt; 0 */
    public Cosh(double period) {
        if (!(period > 0) || Double.isInfinite(period)) {
            throw new IllegalArgumentException("period T must be finite and > 0, got " + period);
        }
        this.period = period;
    }

    public double period() {
        return period;
    }

    @Override
    public String name() {
        return "cosh A*(exp(-E*t)+exp(-E*(" + period + "-t)))";
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double value(double t, double[] p) {
        return p[0] * shape(p[1], t);
    }

    @Override
    public double[] gradient(double t, double[] p) {
        double forward = Math.exp(-p[1] * t);
        double backward = Math.exp(-p[1] * (period - t));
        return new double[] {forward + backward, -p[0] * (t * forward + (period - t) * backward)};
    }

    @Override
    public double[][] secondDerivatives(double t, double[] p) {
        double u = period - t;
        double forward = Math.exp(-p[1] * t);
        double backward = Math.exp(-p[1] * u);
        double mixed = -(t * forward + u * backward);
        return new double[][] {{0, mixed}, {mixed, p[0] * (t * t * forward + u * u * backward)}};
    }

    @Override
    public double[] initialGuess(double[] t, double[] y, double[] sigma) {
        return ExponentialProfile.best(t, y, sigma, this::shape);
    }

    private double shape(double energy, double t) {
        return Math.exp(-energy * t) + Math.exp(-energy * (period - t));
    }

    @Override
    public String toString() {
        return name();
    }
}
