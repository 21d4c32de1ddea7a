package org.latticespark.lattice.fermion.wilson;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The Wilson–clover Dirac operator M = A − κ H on full fields (V·S·N·2 doubles: site, spin, colour, re/im), with
 * H the hopping term of {@link WilsonHopping} (projectors 1 ∓ γ_μ, fermions antiperiodic in time) and
 * A = 1 + i c_SW κ Σ_{μ&lt;ν} σ_μν F̂_μν the clover term of {@link CloverTerm} (openQCD's convention multiplied by
 * 2κ = 1/(m₀ + d)). A is Hermitian and commutes with γ₅, so M stays γ₅-Hermitian: M† = γ₅ M γ₅ = A − κ H†.
 * With c_SW = 0 this is {@link WilsonOperator}, bit for bit.
 *
 * <p>The hopping term reads the links at every application, the clover blocks are cached: after the links
 * change call {@code clover().update()}.
 */
public final class WilsonCloverOperator implements LinearOperator {
    private final CloverTerm clover;
    private final WilsonHopping hopping;
    private final double kappa;
    private final int[] allSites;
    private final int length;

    public WilsonCloverOperator(GaugeField gauge, double kappa, double cSw, Parallelism par) {
        this(new CloverTerm(gauge, kappa, cSw, par));
    }

    /** M = A − κ H with κ, the gauge field and the threads of the given clover term. */
    public WilsonCloverOperator(CloverTerm clover) {
        this.clover = clover;
        this.hopping = new WilsonHopping(clover.gauge(), clover.parallelism());
        this.kappa = clover.kappa();
        int v = clover.gauge().lattice().volume();
        this.allSites = new int[v];
        for (int i = 0; i < v; i++) allSites[i] = i;
        long n = (long) v * hopping.siteStride();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a Wilson field on " + clover.gauge().lattice() + " does not fit one array");
        }
        this.length = (int) n;
    }

    public double kappa() { return kappa; }

    public double cSw() { return clover.cSw(); }

    public CloverTerm clover() { return clover; }

    public WilsonHopping hopping() { return hopping; }

    @Override
    public int length() { return length; }

    @Override
    public void apply(double[] in, double[] out) {
        applyWith(in, out, false);
    }

    @Override
    public void applyDagger(double[] in, double[] out) {
        applyWith(in, out, true);
    }

    /** out = H in (dagger: H† in), the bare hopping term. */
    public void applyHopping(double[] in, double[] out, boolean dagger) {
        hopping.apply(in, allSites.length, allSites, allSites, out, null, 1.0, dagger);
    }

    private void applyWith(double[] in, double[] out, boolean dagger) {
        hopping.apply(in, allSites.length, allSites, allSites, out, null, 1.0, dagger);
        clover.applyPlus(allSites, in, out, -kappa);
    }
}
