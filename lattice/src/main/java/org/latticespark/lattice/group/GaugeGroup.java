package org.latticespark.lattice.group;

import java.io.Serializable;
import org.latticespark.lattice.random.CounterRng;

/**
 * A compact gauge group acting on N×N complex matrices (N = 1 for U(1)). Algebra elements are
 * real coefficient vectors p^a of Hermitian generators with tr(T^a T^b) = δ^{ab}/2 (for U(1), T = 1).
 */
public abstract class GaugeGroup implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final int n;

    protected GaugeGroup(int n) {
        this.n = n;
    }

    /** Parses "U1", "U(1)", "SU2", "SU(3)", "SU4", … */
    public static GaugeGroup of(String name) {
        String s = name.trim().toUpperCase().replace("(", "").replace(")", "");
        if (s.equals("U1")) return new U1();
        if (s.startsWith("SU")) {
            int n;
            try {
                n = Integer.parseInt(s.substring(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown gauge group '" + name + "' (use U1, SU2, SU3 or SUN)");
            }
            if (n == 2) return new SU2();
            if (n == 3) return new SU3();
            if (n >= 4 && n <= 8) return new SUN(n);
            throw new IllegalArgumentException("SU(N) is supported for 2 <= N <= 8, got '" + name + "'");
        }
        throw new IllegalArgumentException("unknown gauge group '" + name + "' (use U1, SU2, SU3 or SUN)");
    }

    public abstract String name();

    public final int n() { return n; }

    /** Doubles per matrix, 2N². */
    public final int matrixSize() { return 2 * n * n; }

    public abstract int algebraDimension();

    /** H = scale · Σ_a p^a T^a (Hermitian). */
    public abstract void algebraToMatrix(double[] p, int po, double scale, double[] h, int ho);

    /** out[a] = scale · Im tr(T^a W), the derivative d/dω Re tr(exp(iωT^a) W) at ω = 0 up to sign. */
    public abstract void imTraceGenerators(double[] w, int wo, double scale, double[] out, int oo);

    /** out = exp(i · eps · Σ_a p^a T^a). */
    public abstract void expI(double[] p, int po, double eps, double[] out, int oo);

    /** Moves a nearly unitary matrix back onto the group, in place. */
    public abstract void project(double[] u, int uo);

    /** A Haar-distributed element. */
    public abstract void haar(CounterRng rng, double[] out, int oo);

    /** exp(i · width · Σ_a r^a T^a) with r^a standard normal: an element near the identity. */
    public void nearIdentity(CounterRng rng, double width, double[] out, int oo) {
        double[] p = new double[algebraDimension()];
        for (int a = 0; a < p.length; a++) p[a] = rng.gaussian();
        expI(p, 0, width, out, oo);
    }

    /** max |U U† − 1| and |det U − 1|, the distance from the group manifold. */
    public double groupDeviation(double[] u, int uo) {
        double dev = CMat.unitarityDeviation(n, u, uo);
        if (n > 1) {
            double[] d = CMat.det(n, u, uo);
            dev = Math.max(dev, Math.hypot(d[0] - 1, d[1]));
        }
        return dev;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaugeGroup g && g.name().equals(name());
    }

    @Override
    public int hashCode() { return name().hashCode(); }

    @Override
    public String toString() { return name(); }
}
