package org.latticespark.measurement.scalar;

import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * Observables of a real scalar field φ on a lattice (sites lexicographic, direction 0 fastest, time = direction d−1
 * the slowest index), pure functions summing in site order:
 * <ul>
 *   <li>magnetisation M = (1/V) Σ_x φ(x), its modulus |M| (the order parameter on a finite lattice, where ⟨M⟩ = 0);</li>
 *   <li>⟨φ²⟩ site average (1/V) Σ_x φ(x)²;</li>
 *   <li>the zero-momentum two-point function C(t) = (1/V) Σ_{t0} Φ(t0) Φ(t0 + t), Φ(t) = Σ_x⃗ φ(x⃗, t), for
 *       t = 0 … L_t − 1, periodic in time; full (not connected); Σ_t C(t) = V M²;</li>
 *   <li>the action density S/V of {@link Phi4Action}.</li>
 * </ul>
 */
public final class ScalarObservables {
    private ScalarObservables() {}

    public static double magnetization(Lattice lattice, double[] phi) {
        check(lattice, phi);
        double s = 0;
        for (double p : phi) s += p;
        return s / phi.length;
    }

    public static double absMagnetization(Lattice lattice, double[] phi) {
        return Math.abs(magnetization(lattice, phi));
    }

    public static double phiSquared(Lattice lattice, double[] phi) {
        check(lattice, phi);
        double s = 0;
        for (double p : phi) s += p * p;
        return s / phi.length;
    }

    /** Φ(t) = Σ_x⃗ φ(x⃗, t) for t = 0 … L_t − 1. */
    public static double[] sliceSums(Lattice lattice, double[] phi) {
        check(lattice, phi);
        int spatial = lattice.spatialVolume();
        double[] slices = new double[lattice.timeExtent()];
        for (int t = 0; t < slices.length; t++) {
            double s = 0;
            for (int i = t * spatial; i < (t + 1) * spatial; i++) s += phi[i];
            slices[t] = s;
        }
        return slices;
    }

    /** C(t) = (1/V) Σ_{t0} Φ(t0) Φ(t0 + t), t = 0 … L_t − 1. */
    public static double[] twoPoint(Lattice lattice, double[] phi) {
        double[] slices = sliceSums(lattice, phi);
        int lt = slices.length;
        double[] c = new double[lt];
        for (int t = 0; t < lt; t++) {
            double s = 0;
            for (int t0 = 0; t0 < lt; t0++) s += slices[t0] * slices[(t0 + t) % lt];
            c[t] = s / phi.length;
        }
        return c;
    }

    public static double actionDensity(Lattice lattice, double[] phi, Phi4Action action) {
        check(lattice, phi);
        return action.action(lattice, phi) / phi.length;
    }

    private static void check(Lattice lattice, double[] phi) {
        if (phi.length != lattice.volume()) {
            throw new IllegalArgumentException("scalar field has " + phi.length + " values, " + lattice + " has "
                    + lattice.volume() + " sites");
        }
    }
}
