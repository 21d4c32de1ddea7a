package org.latticespark.generation.flow;

import java.io.Serializable;

/**
 * Adam (Kingma and Ba 2014) on a flat parameter array: with g the gradient at step t = 1, 2, …,
 * <pre>
 *   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²,
 *   θ ← θ − lr · m̂ / (√v̂ + ε),   m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ),
 * </pre>
 * defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. β₁ᵗ, β₂ᵗ are running products, so updates are exactly reproducible.
 */
public final class Adam implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private double beta1Power = 1;
    private double beta2Power = 1;
    private long steps;

    public Adam(int parameters) {
        this(parameters, 0.9, 0.999, 1e-8);
    }

    public Adam(int parameters, double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("adam: need 0 <= beta1, beta2 < 1 and epsilon > 0, got " + beta1 + ", "
                    + beta2 + ", " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[parameters];
        this.v = new double[parameters];
    }

    /** One step on {@code params} in place along the gradient {@code grad} with learning rate {@code lr}. */
    public void update(double[] params, double[] grad, double lr) {
        if (params.length != m.length || grad.length != m.length) {
            throw new IllegalArgumentException("adam: " + m.length + " parameters, got arrays of " + params.length
                    + " and " + grad.length);
        }
        steps++;
        beta1Power *= beta1;
        beta2Power *= beta2;
        double c1 = 1 / (1 - beta1Power);
        double c2 = 1 / (1 - beta2Power);
        for (int i = 0; i < params.length; i++) {
            double g = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            params[i] -= lr * (m[i] * c1) / (Math.sqrt(v[i] * c2) + epsilon);
        }
    }

    public long steps() { return steps; }
}
