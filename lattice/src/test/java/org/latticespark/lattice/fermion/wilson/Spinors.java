package org.latticespark.lattice.fermion.wilson;

import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** Test helpers for flat complex fields. */
final class Spinors {
    private Spinors() {}

    /** Standard Gaussian complex numbers, seeded. */
    static double[] gaussian(int length, long seed, int which) {
        double[] v = new double[length];
        CounterRng rng = new RandomStream(seed, 0).at(which, 0, Purpose.of(Purpose.TEST, 7));
        for (int i = 0; i < length; i++) v[i] = rng.gaussian();
        return v;
    }

    /** ⟨a, b⟩ = Σ conj(a_i) b_i as {re, im}. */
    static double[] dot(double[] a, double[] b) {
        double re = 0, im = 0;
        for (int i = 0; i < a.length; i += 2) {
            re += a[i] * b[i] + a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] - a[i + 1] * b[i];
        }
        return new double[] {re, im};
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a)[0]);
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        return worst;
    }

    static double maxAbs(double[] a) {
        double worst = 0;
        for (double x : a) worst = Math.max(worst, Math.abs(x));
        return worst;
    }

    /** |a − b| for two complex numbers {re, im}. */
    static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
