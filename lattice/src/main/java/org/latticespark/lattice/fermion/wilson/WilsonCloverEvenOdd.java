package org.latticespark.lattice.fermion.wilson;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * Even–odd preconditioning of the Wilson–clover operator M = A − κ H ({@link WilsonCloverOperator}). A is
 * site-diagonal and H connects only opposite parities, so in (even, odd) blocks
 * <pre>
 * M = [[A_ee, −κ H_eo], [−κ H_oe, A_oo]],   Ŝ = A_ee − κ² H_eo A_oo⁻¹ H_oe   (on even sites),
 * det M = det A_oo · det Ŝ.
 * </pre>
 * To solve M ψ = η: solve Ŝ ψ_e = η̂_e with η̂_e = η_e + κ H_eo A_oo⁻¹ η_o ({@link #prepareSource}), then
 * ψ_o = A_oo⁻¹ (η_o + κ H_oe ψ_e) ({@link #reconstruct}). With dagger = true the same helpers solve M† ψ = η,
 * using H† (A is Hermitian) and Ŝ† = γ₅ Ŝ γ₅ = A_ee − κ² H†_eo A_oo⁻¹ H†_oe. ln det A_oo, needed by HMC, is
 * {@code clover().logDet(1)}.
 *
 * <p>Half fields hold the V/2 sites of one parity in the order of {@link Lattice#sitesOfParity}, each site
 * 2·S·N doubles as in full fields. Every extent must be even. The clover blocks are cached: after the links
 * change call {@code clover().update()}.
 */
public final class WilsonCloverEvenOdd {
    private final CloverTerm clover;
    private final WilsonHopping hopping;
    private final double kappa;
    private final int[][] sites;
    private final int[] halfPos;
    private final int stride;
    private final int halfLength;

    public WilsonCloverEvenOdd(GaugeField gauge, double kappa, double cSw, Parallelism par) {
        this(new CloverTerm(gauge, kappa, cSw, par));
    }

    /** The even–odd form with κ, the gauge field and the threads of the given clover term. */
    public WilsonCloverEvenOdd(CloverTerm clover) {
        Lattice lattice = clover.gauge().lattice();
        for (int mu = 0; mu < lattice.dimensions(); mu++) {
            if (lattice.extent(mu) % 2 != 0) {
                throw new IllegalArgumentException("even-odd preconditioning needs even extents, L_" + mu + " = "
                        + lattice.extent(mu) + " on " + lattice);
            }
        }
        this.clover = clover;
        this.hopping = new WilsonHopping(clover.gauge(), clover.parallelism());
        this.kappa = clover.kappa();
        this.sites = new int[][] {lattice.sitesOfParity(0), lattice.sitesOfParity(1)};
        this.halfPos = new int[lattice.volume()];
        for (int[] list : sites) {
            for (int i = 0; i < list.length; i++) halfPos[list[i]] = i;
        }
        this.stride = hopping.siteStride();
        this.halfLength = sites[0].length * stride;
    }

    public double kappa() { return kappa; }

    public CloverTerm clover() { return clover; }

    /** Doubles in a half field, (V/2)·2·S·N. */
    public int halfLength() { return halfLength; }

    /** Doubles in a full field. */
    public int fullLength() { return 2 * halfLength; }

    /** even = H_eo odd (dagger: the even–odd block of H†). */
    public void hoppingEvenOdd(double[] odd, double[] even, boolean dagger) {
        hopping.apply(odd, sites[1].length, halfPos, sites[0], even, null, 1.0, dagger);
    }

    /** odd = H_oe even (dagger: the odd–even block of H†). */
    public void hoppingOddEven(double[] even, double[] odd, boolean dagger) {
        hopping.apply(even, sites[0].length, halfPos, sites[1], odd, null, 1.0, dagger);
    }

    /** The sites of one parity (0 even, 1 odd) of a full field, copied into a half field. */
    public void extract(double[] full, int parity, double[] half) {
        int[] list = clover.sitesOf(parity);
        requireLength("full", full, fullLength());
        requireLength("half", half, halfLength);
        for (int i = 0; i < list.length; i++) System.arraycopy(full, list[i] * stride, half, i * stride, stride);
    }

    /** A half field written into the sites of one parity of a full field; the other sites are untouched. */
    public void insert(double[] half, int parity, double[] full) {
        int[] list = clover.sitesOf(parity);
        requireLength("full", full, fullLength());
        requireLength("half", half, halfLength);
        for (int i = 0; i < list.length; i++) System.arraycopy(half, i * stride, full, list[i] * stride, stride);
    }

    /** sourceEven = η_e + κ H_eo A_oo⁻¹ η_o, the right-hand side of Ŝ ψ_e (dagger: of Ŝ† ψ_e, with H†). */
    public void prepareSource(double[] eta, double[] sourceEven, boolean dagger) {
        double[] etaEven = new double[halfLength];
        double[] etaOdd = new double[halfLength];
        double[] t = new double[halfLength];
        extract(eta, 0, etaEven);
        extract(eta, 1, etaOdd);
        clover.applyInverse(1, etaOdd, t);
        hopping.apply(t, sites[1].length, halfPos, sites[0], sourceEven, etaEven, kappa, dagger);
    }

    /** psi = (ψ_e, ψ_o) with ψ_o = A_oo⁻¹ (η_o + κ H_oe ψ_e): the solution of M ψ = η (dagger: M† ψ = η). */
    public void reconstruct(double[] eta, double[] psiEven, double[] psi, boolean dagger) {
        double[] etaOdd = new double[halfLength];
        double[] t = new double[halfLength];
        double[] psiOdd = new double[halfLength];
        extract(eta, 1, etaOdd);
        hopping.apply(psiEven, sites[0].length, halfPos, sites[1], t, etaOdd, kappa, dagger);
        clover.applyInverse(1, t, psiOdd);
        insert(psiEven, 0, psi);
        insert(psiOdd, 1, psi);
    }

    /**
     * Ŝ = A_ee − κ² H_eo A_oo⁻¹ H_oe on even half fields, with Ŝ† = γ₅ Ŝ γ₅. The returned operator keeps two odd
     * scratch fields: do not call it from several threads at once (it threads internally).
     */
    public LinearOperator schur() {
        double[] odd = new double[halfLength];
        double[] oddInv = new double[halfLength];
        double k2 = kappa * kappa;
        int[] even = sites[0];
        return new LinearOperator() {
            @Override
            public int length() { return halfLength; }

            @Override
            public void apply(double[] in, double[] out) { applySchur(in, out, false); }

            @Override
            public void applyDagger(double[] in, double[] out) { applySchur(in, out, true); }

            private void applySchur(double[] in, double[] out, boolean dagger) {
                hopping.apply(in, sites[0].length, halfPos, sites[1], odd, null, 1.0, dagger);
                clover.applyInverse(1, odd, oddInv);
                hopping.apply(oddInv, sites[1].length, halfPos, even, out, null, 1.0, dagger);
                clover.applyPlus(even, in, out, -k2);
            }
        };
    }

    private static void requireLength(String what, double[] a, int need) {
        if (a == null || a.length != need) {
            throw new IllegalArgumentException(what + " field must have " + need + " doubles, got "
                    + (a == null ? "null" : a.length));
        }
    }
}
