package org.latticespark.analysis.fit;

/** A formula f(x, p) for {@link FitModel#of}. */
@FunctionalInterface
public interface ModelFunction {
    double value(double x, double[] p);
}
