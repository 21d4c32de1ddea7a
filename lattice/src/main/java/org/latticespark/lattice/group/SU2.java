package org.latticespark.lattice.group;

import org.latticespark.lattice.random.CounterRng;

/**
 * SU(2) with closed forms. An element is a unit quaternion (a0, a1, a2, a3) ↔
 * [[a0 + i a3, a2 + i a1], [−a2 + i a1, a0 − i a3]] = a0 + i a·σ.
 */
public final class SU2 extends SUN {
    private static final long serialVersionUID = 1L;

    public SU2() {
        super(2);
    }

    public static void fromQuaternion(double a0, double a1, double a2, double a3, double[] out, int oo) {
        out[oo] = a0;
        out[oo + 1] = a3;
        out[oo + 2] = a2;
        out[oo + 3] = a1;
        out[oo + 4] = -a2;
        out[oo + 5] = a1;
        out[oo + 6] = a0;
        out[oo + 7] = -a3;
    }

    /** exp(i eps p·σ/2) = cos θ + i sin θ p̂·σ with θ = eps|p|/2. */
    @Override
    public void expI(double[] p, int po, double eps, double[] out, int oo) {
        double x = p[po], y = p[po + 1], z = p[po + 2];
        double norm = Math.sqrt(x * x + y * y + z * z);
        double theta = 0.5 * eps * norm;
        double c = StrictMath.cos(theta);
        double sOverNorm = norm == 0 ? 0.5 * eps : StrictMath.sin(theta) / norm;
        fromQuaternion(c, sOverNorm * x, sOverNorm * y, sOverNorm * z, out, oo);
    }

    @Override
    public void project(double[] u, int uo) {
        double a0 = 0.5 * (u[uo] + u[uo + 6]);
        double a3 = 0.5 * (u[uo + 1] - u[uo + 7]);
        double a1 = 0.5 * (u[uo + 3] + u[uo + 5]);
        double a2 = 0.5 * (u[uo + 2] - u[uo + 4]);
        double inv = 1.0 / Math.sqrt(a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3);
        fromQuaternion(a0 * inv, a1 * inv, a2 * inv, a3 * inv, u, uo);
    }

    @Override
    public void haar(CounterRng rng, double[] out, int oo) {
        double a0 = rng.gaussian(), a1 = rng.gaussian(), a2 = rng.gaussian(), a3 = rng.gaussian();
        double inv = 1.0 / Math.sqrt(a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3);
        fromQuaternion(a0 * inv, a1 * inv, a2 * inv, a3 * inv, out, oo);
    }
}
