package org.latticespark.analysis.resample;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** Evaluates a caller's function of the means and insists on a finite result. */
final class FunctionOfMeans {
    private FunctionOfMeans() {
    }

    static double apply(ToDoubleFunction<double[]> f, double[] means, String where) {
        String arguments = Arrays.toString(means);
        double value = f.applyAsDouble(means);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("f returned " + value + " on " + where + " (means " + arguments + ")");
        }
        return value;
    }
}
