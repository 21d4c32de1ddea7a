package org.latticespark.lattice.fermion;

import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** Test helpers for flat complex vectors (re, im pairs): seeded Gaussian fields, inner products, norms. */
public final class ComplexFields {
    private ComplexFields() {}

    /** Independent standard Gaussian components, a different vector for every (seed, which). */
    public static double[] gaussian(int length, long seed, int which) {
        CounterRng rng = new RandomStream(seed, 0).at(which, 0, Purpose.of(Purpose.TEST, 0));
        double[] v = new double[length];
        for (int i = 0; i < length; i++) v[i] = rng.gaussian();
        return v;
    }

    /** ⟨x, y⟩ = Σ conj(x_i) y_i as {re, im}. */
    public static double[] dot(double[] x, double[] y) {
        double re = 0, im = 0;
        for (int i = 0; i < x.length; i += 2) {
            re += x[i] * y[i] + x[i + 1] * y[i + 1];
            im += x[i] * y[i + 1] - x[i + 1] * y[i];
        }
        return new double[] {re, im};
    }

    public static double norm(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s);
    }

    /** |x − y| (for {re, im} pairs: the distance of two complex numbers). */
    public static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - y[i]) * (x[i] - y[i]);
        return Math.sqrt(s);
    }

    public static double maxAbsDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        return worst;
    }

    public static double maxAbs(double[] a) {
        double worst = 0;
        for (double x : a) worst = Math.max(worst, Math.abs(x));
        return worst;
    }
}
