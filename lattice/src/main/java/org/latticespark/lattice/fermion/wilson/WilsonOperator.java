package org.latticespark.lattice.fermion.wilson;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The Wilson Dirac operator M = 1 − κ H on full fields (V·S·N·2 doubles: site, spin, colour, re/im), with H the
 * hopping term of {@link WilsonHopping} (projectors 1 ∓ γ_μ, fermions antiperiodic in time) and
 * κ = 1/(2m₀ + 2d). M is γ₅-Hermitian, M† = γ₅ M γ₅ = 1 − κ H†; {@link #applyDagger} applies it by exchanging
 * the projectors, which equals γ₅ M γ₅ without the two γ₅ passes. With a clover term: {@link WilsonCloverOperator}.
 *
 * <p>One application of M costs {@link WilsonHopping#flopsPerSite} + 4·S·N flops per site (out = in − κ Hin:
 * one multiplication and one addition per real number), 1320 + 48 = 1368 for SU(3) in d = 4.
 */
public final class WilsonOperator implements LinearOperator {
    private final WilsonHopping hopping;
    private final double kappa;
    private final int[] allSites;
    private final int length;

    public WilsonOperator(GaugeField gauge, double kappa, Parallelism par) {
        if (!Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be finite, got " + kappa);
        }
        this.hopping = new WilsonHopping(gauge, par);
        this.kappa = kappa;
        int v = gauge.lattice().volume();
        this.allSites = new int[v];
        for (int i = 0; i < v; i++) allSites[i] = i;
        long n = (long) v * hopping.siteStride();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a Wilson field on " + gauge.lattice() + " does not fit one array");
        }
        this.length = (int) n;
    }

    /** κ = 1/(2m₀ + 2d) for bare mass m₀; refuses m₀ ≤ −d, where κ would be infinite or negative. */
    public static double kappa(double bareMass, int dimensions) {
        if (!(bareMass > -dimensions)) {
            throw new IllegalArgumentException("bare mass m0 must be > -d = " + (-dimensions) + ", got " + bareMass);
        }
        return 1.0 / (2 * bareMass + 2 * dimensions);
    }

    public double kappa() { return kappa; }

    public WilsonHopping hopping() { return hopping; }

    @Override
    public int length() { return length; }

    @Override
    public void apply(double[] in, double[] out) {
        hopping.apply(in, allSites.length, allSites, allSites, out, in, -kappa, false);
    }

    @Override
    public void applyDagger(double[] in, double[] out) {
        hopping.apply(in, allSites.length, allSites, allSites, out, in, -kappa, true);
    }

    /** out = H in (dagger: H† in), the bare hopping term. */
    public void applyHopping(double[] in, double[] out, boolean dagger) {
        hopping.apply(in, allSites.length, allSites, allSites, out, null, 1.0, dagger);
    }
}
