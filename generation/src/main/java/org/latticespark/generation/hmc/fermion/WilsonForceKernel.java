package org.latticespark.generation.hmc.fermion;

import org.latticespark.lattice.fermion.wilson.GammaBasis;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The link derivative of the Wilson hopping term H ({@link org.latticespark.lattice.fermion.wilson.WilsonHopping})
 * contracted between two fixed full-lattice fields L and R, in the gauge-force convention: for
 * U_μ(n) → exp(iω^a T^a) U_μ(n),
 * <pre>
 * out^a_μ(n) = c · ∂/∂ω^a Re(L† H R) = −c · s_μ(n) · Im tr(T^a U_μ(n) M_μ(n)),
 * M_μ(n) = Σ_s [(1 − γ_μ) R(n+μ̂)]_s [(1 − γ_μ) L(n)]_s† + [(1 + γ_μ) L(n+μ̂)]_s [(1 + γ_μ) R(n)]_s†,
 * </pre>
 * where the sum runs over the S/2 independent half-spinor components s &lt; S/2 of each projection (the other half
 * is a phase times these, and the phases cancel in the outer product), [·]_s is a colour vector, and
 * s_μ(n) = −1 on the links that cross the time boundary (antiperiodic fermions), +1 otherwise. The first term comes
 * from the forward hop (1 − γ_μ) U_μ(n) R(n+μ̂) at n, the second from the backward hop (1 + γ_μ) U_μ(n)† R(n) at n+μ̂
 * (using Im tr(T X) = −Im tr(T X†) for Hermitian T).
 *
 * <p>Even–odd: H connects only opposite parities, so for even-site fields l, r and Ŝ = 1 − κ² H_eo H_oe
 * ∂ Re(l† Ŝ r) = −κ² ∂ Re(L† H R) with L = (l, (H†)_oe l), R = (r, H_oe r) ({@link #schurDerivative}). With a
 * clover term, Ŝ = A_ee − κ² H_eo A_oo⁻¹ H_oe, both odd halves get A_oo⁻¹ (A is Hermitian) and the clover-leaf
 * derivative is added; {@link #derivative} is reused as it is.
 *
 * <p>Threads over sites (each site writes its d links, nothing else), so the result does not depend on the thread
 * count; the per-thread scratch holds the projections and two colour matrices. Keeps full-field work arrays: not for
 * use from two threads at once.
 */
final class WilsonForceKernel {
    private final Lattice lattice;
    private final GaugeGroup group;
    private final int n;
    private final int nd;
    private final int dim;
    private final int half;
    private final int stride;
    private final int[] partner;
    private final double[] phaseRe;
    private final double[] phaseIm;
    private final double[] linkSign;
    private final ThreadLocal<double[]> work;
    private final double[] left;
    private final double[] right;
    private final double[] odd;

    WilsonForceKernel(Lattice lattice, GaugeGroup group) {
        this.lattice = lattice;
        this.group = group;
        this.n = group.n();
        this.nd = lattice.dimensions();
        this.dim = group.algebraDimension();
        GammaBasis gammas = GammaBasis.of(nd);
        this.half = gammas.spins() / 2;
        this.stride = 2 * gammas.spins() * n;
        partner = new int[nd * half];
        phaseRe = new double[nd * half];
        phaseIm = new double[nd * half];
        for (int mu = 0; mu < nd; mu++) {
            for (int k = 0; k < half; k++) {
                partner[mu * half + k] = gammas.partner(mu, k);
                phaseRe[mu * half + k] = gammas.phaseRe(mu, k);
                phaseIm[mu * half + k] = gammas.phaseIm(mu, k);
            }
        }
        int volume = lattice.volume();
        linkSign = new double[volume];
        int lastSlice = (lattice.timeExtent() - 1) * lattice.spatialVolume();
        for (int s = 0; s < volume; s++) linkSign[s] = s >= lastSlice ? -1 : 1;
        int scratch = 4 * half * 2 * n + 2 * 2 * n * n;
        this.work = ThreadLocal.withInitial(() -> new double[scratch]);
        this.left = new double[volume * stride];
        this.right = new double[volume * stride];
        this.odd = new double[volume / 2 * stride];
    }

    /** Doubles in a full field, V·2·S·N. */
    int fullLength() { return left.length; }

    /**
     * force = c · ∂/∂ω Re(L† H R) with L = (l, (H†)_oe l) and R = (r, H_oe r) built from the even-site fields l and
     * r with {@code eo}'s hopping; this is −(c/κ²) · ∂/∂ω Re(l† Ŝ r) at fixed l, r.
     */
    void schurDerivative(GaugeField u, WilsonEvenOdd eo, double[] l, double[] r, double c, double[] force,
            Parallelism par) {
        eo.insert(l, 0, left);
        eo.hoppingOddEven(l, odd, true);
        eo.insert(odd, 1, left);
        eo.insert(r, 0, right);
        eo.hoppingOddEven(r, odd, false);
        eo.insert(odd, 1, right);
        derivative(u, left, right, c, force, par);
    }

    /** Overwrites force[(site·d+μ)·dim + a] with c · ∂/∂ω^a Re(L† H R) for full fields L, R (class comment). */
    void derivative(GaugeField u, double[] l, double[] r, double c, double[] force, Parallelism par) {
        if (!u.lattice().equals(lattice) || !u.group().equals(group)) {
            throw new IllegalArgumentException("gauge field is " + u.group() + " on " + u.lattice()
                    + ", the force kernel was made for " + group + " on " + lattice);
        }
        if (l.length != left.length || r.length != left.length) {
            throw new IllegalArgumentException("fields must have " + left.length + " doubles, got " + l.length
                    + " and " + r.length);
        }
        if (force.length != lattice.links() * dim) {
            throw new IllegalArgumentException("force array must have " + lattice.links() * dim + " doubles, got "
                    + force.length);
        }
        double[] links = u.links();
        par.forEach(lattice.volume(), s -> site(s, links, l, r, c, force));
    }

    private void site(int s, double[] u, double[] l, double[] r, double c, double[] force) {
        double[] w = work.get();
        int hv = 2 * n;
        int hl = 0, hr = half * hv, gl = 2 * half * hv, gr = 3 * half * hv;
        int mat = 4 * half * hv, prod = mat + 2 * n * n;
        int here = s * stride;
        for (int mu = 0; mu < nd; mu++) {
            int there = lattice.up(s, mu) * stride;
            for (int k = 0; k < half; k++) {
                int pk = partner[mu * half + k];
                double cr = phaseRe[mu * half + k], ci = phaseIm[mu * half + k];
                project(l, here, k, pk, -cr, -ci, w, hl + k * hv);
                project(r, there, k, pk, -cr, -ci, w, hr + k * hv);
                project(l, there, k, pk, cr, ci, w, gl + k * hv);
                project(r, here, k, pk, cr, ci, w, gr + k * hv);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double mr = 0, mi = 0;
                    for (int k = 0; k < half; k++) {
                        int a = hr + k * hv + 2 * i, b = hl + k * hv + 2 * j;
                        mr += w[a] * w[b] + w[a + 1] * w[b + 1];
                        mi += w[a + 1] * w[b] - w[a] * w[b + 1];
                        a = gl + k * hv + 2 * i;
                        b = gr + k * hv + 2 * j;
                        mr += w[a] * w[b] + w[a + 1] * w[b + 1];
                        mi += w[a + 1] * w[b] - w[a] * w[b + 1];
                    }
                    w[mat + 2 * (i * n + j)] = mr;
                    w[mat + 2 * (i * n + j) + 1] = mi;
                }
            }
            int link = (s * nd + mu) * 2 * n * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double pr = 0, pi = 0;
                    for (int k = 0; k < n; k++) {
                        double ar = u[link + 2 * (i * n + k)], ai = u[link + 2 * (i * n + k) + 1];
                        double br = w[mat + 2 * (k * n + j)], bi = w[mat + 2 * (k * n + j) + 1];
                        pr += ar * br - ai * bi;
                        pi += ar * bi + ai * br;
                    }
                    w[prod + 2 * (i * n + j)] = pr;
                    w[prod + 2 * (i * n + j) + 1] = pi;
                }
            }
            double sign = mu == nd - 1 ? linkSign[s] : 1;
            group.imTraceGenerators(w, prod, -c * sign, force, (s * nd + mu) * dim);
        }
    }

    /** out = ψ_k + p ψ_pk, the colour vector of spin row k of (1 ± γ_μ)ψ for p = ±c (c = (γ_μ)_{k,pk}). */
    private void project(double[] f, int b, int k, int pk, double pr, double pi, double[] out, int o) {
        int bk = b + 2 * k * n, bp = b + 2 * pk * n;
        for (int j = 0; j < n; j++) {
            double xr = f[bp + 2 * j], xi = f[bp + 2 * j + 1];
            out[o + 2 * j] = f[bk + 2 * j] + pr * xr - pi * xi;
            out[o + 2 * j + 1] = f[bk + 2 * j + 1] + pr * xi + pi * xr;
        }
    }
}
