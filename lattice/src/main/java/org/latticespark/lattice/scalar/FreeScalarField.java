package org.latticespark.lattice.scalar;

import org.latticespark.lattice.geometry.Lattice;

/**
 * Exact results of the free theory (λ = 0, m² &gt; 0) of {@link Phi4Action} on a periodic lattice.
 *
 * <p>S = φᵀKφ with K = −Δ + m², so φ is Gaussian with covariance (2K)⁻¹ and, from the momentum sum over
 * p_μ = 2π n_μ / L_μ,
 * <pre>
 * G(r) = ⟨φ(x + r) φ(x)⟩ = (1/V) Σ_p cos(p·r) / (2(p̂² + m²)),  p̂² = Σ_μ 4 sin²(p_μ/2).
 * </pre>
 * Derived: ⟨φ²⟩ = G(0); the zero-momentum two-point function in the time direction d−1,
 * C(t) = (1/V) Σ_{t0} Σ_{x⃗,y⃗} ⟨φ(x⃗,t0) φ(y⃗,t0+t)⟩ = Σ_{r⃗} G(r⃗, t); the susceptibility
 * χ = V⟨M²⟩ = Σ_r G(r) = 1/(2m²) (only p = 0 survives); and ⟨S⟩ = V/2 (equipartition: V Gaussian modes).
 * The propagator table costs V² cosines at construction: meant for small lattices and tests.
 */
public final class FreeScalarField {
    private final Lattice lattice;
    private final double mSquared;
    private final double[] propagator;

    public FreeScalarField(Lattice lattice, double mSquared) {
        if (lattice == null) throw new IllegalArgumentException("lattice must not be null");
        if (!(mSquared > 0) || Double.isInfinite(mSquared)) {
            throw new IllegalArgumentException("the free theory needs a finite m2 > 0, got " + mSquared);
        }
        this.lattice = lattice;
        this.mSquared = mSquared;
        this.propagator = momentumSum(lattice, mSquared);
    }

    public Lattice lattice() { return lattice; }

    public double mSquared() { return mSquared; }

    /** G(r) for the offset r whose lexicographic site index is {@code offsetSite} (r_μ taken mod L_μ). */
    public double propagator(int offsetSite) {
        if (offsetSite < 0 || offsetSite >= propagator.length) {
            throw new IllegalArgumentException("offset site " + offsetSite + " outside " + lattice);
        }
        return propagator[offsetSite];
    }

    /** G(r) for the offset with coordinates {@code offset} (any integers, taken mod L_μ). */
    public double propagator(int[] offset) {
        if (offset.length != lattice.dimensions()) {
            throw new IllegalArgumentException("offset has " + offset.length + " coordinates, " + lattice + " needs "
                    + lattice.dimensions());
        }
        return propagator[lattice.index(offset)];
    }

    /** ⟨φ(x)²⟩ = G(0). */
    public double phiSquared() { return propagator[0]; }

    /** ⟨C(t)⟩ for t = 0 … L_t − 1, C as defined above: Σ_{r⃗} G(r⃗, t). */
    public double[] twoPoint() {
        int spatial = lattice.spatialVolume();
        double[] c = new double[lattice.timeExtent()];
        for (int t = 0; t < c.length; t++) {
            double s = 0;
            for (int r = 0; r < spatial; r++) s += propagator[t * spatial + r];
            c[t] = s;
        }
        return c;
    }

    /** χ = V⟨M²⟩ with M = (1/V)Σφ: 1/(2m²). */
    public double susceptibility() { return 1 / (2 * mSquared); }

    /** ⟨S⟩/V = 1/2. */
    public double actionDensity() { return 0.5; }

    private static double[] momentumSum(Lattice lattice, double mSquared) {
        int nd = lattice.dimensions();
        int volume = lattice.volume();
        double[][] angle = new double[nd][];
        double[][] sinHalfSquared4 = new double[nd][];
        for (int mu = 0; mu < nd; mu++) {
            int l = lattice.extent(mu);
            angle[mu] = new double[l];
            sinHalfSquared4[mu] = new double[l];
            for (int n = 0; n < l; n++) {
                angle[mu][n] = 2 * Math.PI * n / l;
                double s = Math.sin(Math.PI * n / l);
                sinHalfSquared4[mu][n] = 4 * s * s;
            }
        }
        int[] p = new int[nd];
        int[] r = new int[nd];
        double[] weight = new double[volume];
        for (int k = 0; k < volume; k++) {
            lattice.coordinates(k, p);
            double pHat2 = 0;
            for (int mu = 0; mu < nd; mu++) pHat2 += sinHalfSquared4[mu][p[mu]];
            weight[k] = 1 / (2 * (pHat2 + mSquared) * volume);
        }
        double[] g = new double[volume];
        for (int site = 0; site < volume; site++) {
            lattice.coordinates(site, r);
            double s = 0;
            for (int k = 0; k < volume; k++) {
                lattice.coordinates(k, p);
                double phase = 0;
                for (int mu = 0; mu < nd; mu++) {
                    phase += angle[mu][(int) ((long) p[mu] * r[mu] % lattice.extent(mu))];
                }
                s += weight[k] * Math.cos(phase);
            }
            g[site] = s;
        }
        return g;
    }
}
