package org.latticespark.generation.flow;

import java.util.Locale;

/**
 * The nonlinearity between the convolutions of a coupling network, with its derivative taken at the
 * pre-activation value. Every transcendental function is {@link StrictMath}, so that a proposal is the same bit for
 * bit on any JVM, interpreted or compiled.
 */
public enum Activation {
    /** tanh(x); Kaiming gain 5/3. */
    TANH("tanh", 5.0 / 3.0) {
        @Override public double value(double x) { return StrictMath.tanh(x); }

        @Override public double derivative(double x) {
            double t = StrictMath.tanh(x);
            return 1 - t * t;
        }
    },
    /** x for x > 0, 0.01 x otherwise; Kaiming gain √(2/(1 + 0.01²)). */
    LEAKY_RELU("leaky_relu", Math.sqrt(2 / (1 + LeakySlope.SLOPE * LeakySlope.SLOPE))) {
        @Override public double value(double x) { return x > 0 ? x : LeakySlope.SLOPE * x; }

        @Override public double derivative(double x) { return x > 0 ? 1 : LeakySlope.SLOPE; }
    },
    /** max(x, 0); Kaiming gain √2. */
    RELU("relu", Math.sqrt(2)) {
        @Override public double value(double x) { return x > 0 ? x : 0; }

        @Override public double derivative(double x) { return x > 0 ? 1 : 0; }
    },
    /** SiLU (swish) x σ(x), σ(x) = 1/(1 + e^{−x}); Kaiming gain √2 (approximately). */
    SILU("silu", Math.sqrt(2)) {
        @Override public double value(double x) { return x * sigmoid(x); }

        @Override public double derivative(double x) {
            double s = sigmoid(x);
            return s * (1 + x * (1 - s));
        }
    };

    private static final class LeakySlope {
        static final double SLOPE = 0.01;
    }

    private final String key;
    private final double gain;

    Activation(String key, double gain) {
        this.key = key;
        this.gain = gain;
    }

    public abstract double value(double x);

    /** d value / dx at the pre-activation x. */
    public abstract double derivative(double x);

    /** The configuration spelling: tanh, leaky_relu, relu, silu. */
    public String key() { return key; }

    /** Kaiming gain: weights of a layer with fan-in n are drawn with standard deviation gain/√n. */
    public double gain() { return gain; }

    /** The activation named by its configuration spelling (case-insensitive; '-' accepted for '_'). */
    public static Activation parse(String name) {
        String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Activation a : values()) {
            if (a.key.equals(k)) return a;
        }
        throw new IllegalArgumentException("flow.activation: must be one of tanh, leaky_relu, relu, silu, got " + name);
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x));
    }
}
