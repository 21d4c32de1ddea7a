package org.latticespark.analysis;

import java.util.function.ToDoubleFunction;

/** A function of several observables' values that also knows its exact gradient, used by {@link Obs#derive}. */
public interface DifferentiableFunction extends ToDoubleFunction<double[]> {
    /** ∂f/∂x_i at x. */
    double[] gradient(double[] x);
}
