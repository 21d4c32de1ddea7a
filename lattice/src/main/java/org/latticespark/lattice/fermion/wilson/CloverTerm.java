package org.latticespark.lattice.fermion.wilson;

import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The site-diagonal part A of the Wilson–clover (Sheikholeslami–Wohlert) operator M = A − κ H, in openQCD's
 * convention (Lüscher, "Implementation of the lattice Dirac operator", openQCD doc/dirac.pdf). In lattice units
 * <pre>
 * D = (m₀ + d) − ½ H + c_SW (i/4) Σ_{μ,ν} σ_μν F̂_μν,          σ_μν = (i/2) [γ_μ, γ_ν],
 * F̂_μν(n) = (1/8) (Q_μν(n) − Q_νμ(n)),
 * Q_μν(n) = U_μ(n) U_ν(n+μ̂) U_μ(n+ν̂)† U_ν(n)†  +  U_ν(n) U_μ(n+ν̂−μ̂)† U_ν(n−μ̂)† U_μ(n−μ̂)
 *         + U_μ(n−μ̂)† U_ν(n−μ̂−ν̂)† U_μ(n−μ̂−ν̂) U_ν(n−ν̂)  +  U_ν(n−ν̂)† U_μ(n−ν̂) U_ν(n−ν̂+μ̂) U_μ(n)†,
 * </pre>
 * the four plaquette leaves in the μν plane that start and end at n, all with the orientation of U_μν(n); since
 * Q_νμ = Q_μν†, F̂_μν is anti-Hermitian (for smooth fields F̂_μν → a² F_μν with anti-Hermitian F). Multiplying
 * D by 2κ = 1/(m₀ + d) gives this project's normalisation (H as in {@link WilsonHopping}):
 * <pre>
 * M = 2κ D = A − κ H,     A = 1 + i c_SW κ Σ_{μ&lt;ν} σ_μν F̂_μν.
 * </pre>
 * σ_μν is Hermitian and F̂_μν anti-Hermitian, so A is Hermitian on every site; σ_μν commutes with γ₅, so in the
 * chiral basis ({@link GammaBasis}) A splits per site into two Hermitian blocks B₊ (upper S/2 spin components,
 * γ₅ = +1) and B₋ (lower, γ₅ = −1) of size b = (S/2)·N: 2N×2N in d = 4, N×N in d = 2 (where σ₀₁ = −γ₅). A = 1 on
 * the unit configuration; under a gauge transformation A(n) → G(n) A(n) G(n)†. For a U(1) field with constant
 * plaquette angle θ_μν, F̂_μν = i sin θ_μν and A = 1 − c_SW κ Σ_{μ&lt;ν} sin θ_μν σ_μν.
 *
 * <p>Storage ({@link #blocks()}, {@link #inverseBlocks()}): one flat array, site-major (lexicographic), then
 * chirality χ = 0 (B₊), 1 (B₋), then the b×b complex matrix row-major as (re, im); rows and columns are indexed
 * (s, a) → s·N + a with s the spin within the chiral half and a the colour, which is the order of the field
 * components, so block χ of a site acts on the contiguous doubles [2χb, 2(χ+1)b) of the site's 2·S·N. Element
 * (site, χ, r, c) is at 2·((2·site + χ)·b² + r·b + c).
 *
 * <p>The blocks are computed once, from the links at construction; after the links change (molecular
 * dynamics, copyFrom) call {@link #update()}. Inverses by Gauss–Jordan elimination with partial pivoting; the
 * same elimination gives ln|det B| per block, summed per parity by {@link #logDet}. For HMC with even–odd
 * preconditioning, det M = det A_oo · det Ŝ with Ŝ = A_ee − κ² H_eo A_oo⁻¹ H_oe, and the Nf = 2 weight needs
 * (det A_oo)² = exp(2 {@link #logDet}(1)) whatever the signs of the block determinants. The blocks are positive
 * definite (all determinants > 0) at least while (d(d−1)/2)·|c_SW κ| &lt; 1, i.e. 6|c_SW κ| &lt; 1 in d = 4
 * (‖σ_μν‖ = 1, ‖F̂_μν‖ ≤ 1);
 * {@link #negativeDeterminants} counts the exceptions. A singular block throws.
 *
 * <p>Sites run on {@link Parallelism}; each site is computed by one thread in a fixed order, so results are
 * bit-identical for any thread count. Per-thread scratch, no allocation in the site loops.
 */
public final class CloverTerm {
    private final GaugeField gauge;
    private final double[] links;
    private final Lattice lattice;
    private final Parallelism par;
    private final double kappa;
    private final double cSw;
    private final int nd;
    private final int colours;
    private final int matrixSize;
    private final int half;
    private final int block;
    private final int blockDoubles;
    private final int siteStride;
    private final int[] planeMu;
    private final int[] planeNu;
    /** σ_μν restricted to the chiral halves: [plane][χ][s][t] complex, (re, im). */
    private final double[] sigma;
    private final double[] blocks;
    private final double[] inverses;
    private final double[] logDets;
    private final int[] negatives;
    private final int[] allSites;
    private final int[][] paritySites;
    private final ThreadLocal<double[]> scratch;

    public CloverTerm(GaugeField gauge, double kappa, double cSw, Parallelism par) {
        if (!Double.isFinite(kappa) || !Double.isFinite(cSw)) {
            throw new IllegalArgumentException("kappa and c_SW must be finite, got kappa = " + kappa + ", c_SW = " + cSw);
        }
        this.gauge = gauge;
        this.links = gauge.links();
        this.lattice = gauge.lattice();
        this.nd = lattice.dimensions();
        GammaBasis gammas = GammaBasis.of(nd);
        this.par = par;
        this.kappa = kappa;
        this.cSw = cSw;
        this.colours = gauge.group().n();
        this.matrixSize = gauge.group().matrixSize();
        int spins = gammas.spins();
        this.half = spins / 2;
        this.block = half * colours;
        this.blockDoubles = 2 * block * block;
        this.siteStride = 2 * spins * colours;
        int planes = lattice.planes();
        this.planeMu = new int[planes];
        this.planeNu = new int[planes];
        for (int mu = 0, p = 0; mu < nd; mu++) {
            for (int nu = mu + 1; nu < nd; nu++, p++) {
                planeMu[p] = mu;
                planeNu[p] = nu;
            }
        }
        this.sigma = chiralSigma(gammas, planeMu, planeNu);
        int v = lattice.volume();
        long doubles = (long) v * 2 * blockDoubles;
        if (doubles > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the clover blocks on " + lattice + " do not fit one array");
        }
        this.blocks = new double[(int) doubles];
        this.inverses = new double[(int) doubles];
        this.logDets = new double[v];
        this.negatives = new int[v];
        this.allSites = new int[v];
        for (int i = 0; i < v; i++) allSites[i] = i;
        this.paritySites = new int[][] {lattice.sitesOfParity(0), lattice.sitesOfParity(1)};
        int scratchSize = (planes + 4) * matrixSize + 2 * block * 2 * block;
        this.scratch = ThreadLocal.withInitial(() -> new double[scratchSize]);
        update();
    }

    /** Recomputes the blocks, inverses and determinants from the current links of the gauge field. */
    public void update() {
        par.forEach(lattice.volume(), site -> computeSite(site, scratch.get()));
    }

    public GaugeField gauge() { return gauge; }

    public double kappa() { return kappa; }

    public double cSw() { return cSw; }

    public Parallelism parallelism() { return par; }

    /** Rows of one chiral block, b = (S/2)·N. */
    public int blockSize() { return block; }

    /** The blocks of A in the layout of the class comment (the live array: read only). */
    public double[] blocks() { return blocks; }

    /** Their inverses, same layout (the live array: read only). */
    public double[] inverseBlocks() { return inverses; }

    /** out = A in on full fields (V·S·N·2 doubles); out must not be in. */
    public void apply(double[] in, double[] out) {
        multiply(blocks, allSites, in, out, 0.0, false);
    }

    /** out = A⁻¹ in on full fields. */
    public void applyInverse(double[] in, double[] out) {
        multiply(inverses, allSites, in, out, 0.0, false);
    }

    /** out = A_pp in on half fields of parity p (order of {@link Lattice#sitesOfParity}). */
    public void apply(int parity, double[] in, double[] out) {
        multiply(blocks, sitesOf(parity), in, out, 0.0, false);
    }

    /** out = A_pp⁻¹ in on half fields of parity p. */
    public void applyInverse(int parity, double[] in, double[] out) {
        multiply(inverses, sitesOf(parity), in, out, 0.0, false);
    }

    /** ln |det A_pp| = Σ_{n of parity p} (ln|det B₊(n)| + ln|det B₋(n)|), summed in a fixed order. */
    public double logDet(int parity) {
        int[] list = sitesOf(parity);
        return par.sum(list.length, i -> logDets[list[i]]);
    }

    /** Number of blocks on parity p with a negative determinant (0 when A_pp is positive definite). */
    public int negativeDeterminants(int parity) {
        int count = 0;
        for (int site : sitesOf(parity)) count += negatives[site];
        return count;
    }

    /**
     * For every position i (site = sites[i]): out[i] = A(site) in[i] + c · out[i] (the old out), i.e. the site
     * blocks applied and added to c times what out held. Used to fuse M = A − κ H after out = H in.
     */
    void applyPlus(int[] sites, double[] in, double[] out, double c) {
        multiply(blocks, sites, in, out, c, true);
    }

    int[] sitesOf(int parity) {
        if (parity != 0 && parity != 1) {
            throw new IllegalArgumentException("parity must be 0 (even) or 1 (odd), got " + parity);
        }
        return paritySites[parity];
    }

    private void multiply(double[] mats, int[] sites, double[] in, double[] out, double c, boolean accumulate) {
        long need = (long) sites.length * siteStride;
        requireLength("input", in, need);
        requireLength("output", out, need);
        if (in == out) {
            throw new IllegalArgumentException("input and output must be different arrays");
        }
        par.forEach(sites.length, i -> {
            int site = sites[i];
            for (int chi = 0; chi < 2; chi++) {
                int m = (2 * site + chi) * blockDoubles;
                int o = i * siteStride + 2 * chi * block;
                for (int r = 0; r < block; r++) {
                    double re = 0, im = 0;
                    int row = m + 2 * r * block;
                    for (int t = 0; t < block; t++) {
                        double ar = mats[row + 2 * t], ai = mats[row + 2 * t + 1];
                        double xr = in[o + 2 * t], xi = in[o + 2 * t + 1];
                        re += ar * xr - ai * xi;
                        im += ar * xi + ai * xr;
                    }
                    if (accumulate) {
                        out[o + 2 * r] = re + c * out[o + 2 * r];
                        out[o + 2 * r + 1] = im + c * out[o + 2 * r + 1];
                    } else {
                        out[o + 2 * r] = re;
                        out[o + 2 * r + 1] = im;
                    }
                }
            }
        });
    }

    private void requireLength(String what, double[] a, long need) {
        if (a == null || a.length != need) {
            throw new IllegalArgumentException(what + " field must have " + need + " doubles (S = " + 2 * half
                    + " spins, N = " + colours + " colours), got " + (a == null ? "null" : a.length));
        }
    }

    /** Scratch layout: F̂ of every plane, then four N×N temporaries, then the b×2b augmented matrix. */
    private void computeSite(int site, double[] w) {
        int planes = planeMu.length;
        int tmp = planes * matrixSize;
        for (int p = 0; p < planes; p++) fieldStrength(site, planeMu[p], planeNu[p], w, p * matrixSize, w, tmp);
        int aug = (planes + 4) * matrixSize;
        int n = colours;
        double ck = cSw * kappa;
        double logDet = 0;
        int negative = 0;
        for (int chi = 0; chi < 2; chi++) {
            int m = (2 * site + chi) * blockDoubles;
            for (int s = 0; s < half; s++) {
                for (int a = 0; a < n; a++) {
                    int r = s * n + a;
                    for (int t = 0; t < half; t++) {
                        for (int b = 0; b < n; b++) {
                            double zr = 0, zi = 0;
                            for (int p = 0; p < planes; p++) {
                                int sg = 2 * (((p * 2 + chi) * half + s) * half + t);
                                int f = p * matrixSize + 2 * (a * n + b);
                                zr += sigma[sg] * w[f] - sigma[sg + 1] * w[f + 1];
                                zi += sigma[sg] * w[f + 1] + sigma[sg + 1] * w[f];
                            }
                            int e = m + 2 * (r * block + t * n + b);
                            // i·cκ·z
                            blocks[e] = (r == t * n + b ? 1.0 : 0.0) - ck * zi;
                            blocks[e + 1] = ck * zr;
                        }
                    }
                }
            }
            double sign = invert(blocks, m, inverses, m, w, aug, site);
            logDet += w[aug];
            if (sign < 0) negative++;
        }
        logDets[site] = logDet;
        negatives[site] = negative;
    }

    /**
     * F̂_μν(n) = (Q − Q†)/8 into f[fo]; t holds four N×N temporaries at to. Each leaf is built left to right from
     * the links of the class comment.
     */
    private void fieldStrength(int n0, int mu, int nu, double[] f, int fo, double[] t, int to) {
        int n = colours;
        int a = to, b = to + matrixSize, q = to + 2 * matrixSize, leaf = to + 3 * matrixSize;
        int xpm = lattice.up(n0, mu), xpn = lattice.up(n0, nu);
        int xmm = lattice.down(n0, mu), xmn = lattice.down(n0, nu);
        int xmmpn = lattice.up(xmm, nu), xmmmn = lattice.down(xmm, nu), xmnpm = lattice.up(xmn, mu);
        double[] u = links;
        // U_μ(n) U_ν(n+μ) U_μ(n+ν)† U_ν(n)†
        CMat.mul(n, u, gauge.offset(n0, mu), u, gauge.offset(xpm, nu), t, a);
        CMat.mulNA(n, t, a, u, gauge.offset(xpn, mu), t, b);
        CMat.mulNA(n, t, b, u, gauge.offset(n0, nu), t, q);
        // U_ν(n) U_μ(n+ν−μ)† U_ν(n−μ)† U_μ(n−μ)
        CMat.mulNA(n, u, gauge.offset(n0, nu), u, gauge.offset(xmmpn, mu), t, a);
        CMat.mulNA(n, t, a, u, gauge.offset(xmm, nu), t, b);
        CMat.mul(n, t, b, u, gauge.offset(xmm, mu), t, leaf);
        CMat.addTo(n, t, leaf, t, q);
        // U_μ(n−μ)† U_ν(n−μ−ν)† U_μ(n−μ−ν) U_ν(n−ν)
        CMat.mulAA(n, u, gauge.offset(xmm, mu), u, gauge.offset(xmmmn, nu), t, a);
        CMat.mul(n, t, a, u, gauge.offset(xmmmn, mu), t, b);
        CMat.mul(n, t, b, u, gauge.offset(xmn, nu), t, leaf);
        CMat.addTo(n, t, leaf, t, q);
        // U_ν(n−ν)† U_μ(n−ν) U_ν(n−ν+μ) U_μ(n)†
        CMat.mulAN(n, u, gauge.offset(xmn, nu), u, gauge.offset(xmn, mu), t, a);
        CMat.mul(n, t, a, u, gauge.offset(xmnpm, nu), t, b);
        CMat.mulNA(n, t, b, u, gauge.offset(n0, mu), t, leaf);
        CMat.addTo(n, t, leaf, t, q);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int ij = 2 * (i * n + j), ji = 2 * (j * n + i);
                f[fo + ij] = 0.125 * (t[q + ij] - t[q + ji]);
                f[fo + ij + 1] = 0.125 * (t[q + ij + 1] + t[q + ji + 1]);
            }
        }
    }

    /**
     * Gauss–Jordan inversion of the b×b block at src[so] into dst[do] using the b×2b augmented matrix at w[wo].
     * Leaves ln|det| in w[wo] and returns the sign of the (real) determinant.
     */
    private double invert(double[] src, int so, double[] dst, int dOff, double[] w, int wo, int site) {
        int b = block, width = 2 * b;
        for (int r = 0; r < b; r++) {
            for (int c = 0; c < b; c++) {
                int e = wo + 2 * (r * width + c);
                w[e] = src[so + 2 * (r * b + c)];
                w[e + 1] = src[so + 2 * (r * b + c) + 1];
                w[e + 2 * b] = r == c ? 1.0 : 0.0;
                w[e + 2 * b + 1] = 0.0;
            }
        }
        double logAbs = 0, phr = 1, phi = 0;
        for (int col = 0; col < b; col++) {
            int piv = col;
            double best = -1;
            for (int r = col; r < b; r++) {
                int e = wo + 2 * (r * width + col);
                double mag = Math.hypot(w[e], w[e + 1]);
                if (mag > best) {
                    best = mag;
                    piv = r;
                }
            }
            if (!(best > 0) || !Double.isFinite(best)) {
                throw new IllegalStateException("clover block at site " + site + " is singular (c_SW = " + cSw
                        + ", kappa = " + kappa + ")");
            }
            if (piv != col) {
                for (int k = 0; k < 2 * width; k++) {
                    int x = wo + 2 * col * width + k, y = wo + 2 * piv * width + k;
                    double tmp = w[x];
                    w[x] = w[y];
                    w[y] = tmp;
                }
                phr = -phr;
                phi = -phi;
            }
            int pe = wo + 2 * (col * width + col);
            double pr = w[pe], pi = w[pe + 1];
            logAbs += Math.log(best);
            double ur = pr / best, ui = pi / best;
            double nr = phr * ur - phi * ui;
            phi = phr * ui + phi * ur;
            phr = nr;
            double den = pr * pr + pi * pi;
            double ir = pr / den, ii = -pi / den;
            for (int k = 0; k < width; k++) {
                int e = wo + 2 * (col * width + k);
                double xr = w[e], xi = w[e + 1];
                w[e] = xr * ir - xi * ii;
                w[e + 1] = xr * ii + xi * ir;
            }
            for (int r = 0; r < b; r++) {
                if (r == col) continue;
                int fe = wo + 2 * (r * width + col);
                double fr = w[fe], fi = w[fe + 1];
                if (fr == 0 && fi == 0) continue;
                for (int k = 0; k < width; k++) {
                    int e = wo + 2 * (r * width + k), s = wo + 2 * (col * width + k);
                    w[e] -= fr * w[s] - fi * w[s + 1];
                    w[e + 1] -= fr * w[s + 1] + fi * w[s];
                }
            }
        }
        for (int r = 0; r < b; r++) {
            System.arraycopy(w, wo + 2 * (r * width + b), dst, dOff + 2 * r * b, 2 * b);
        }
        w[wo] = logAbs;
        return phr;
    }

    /**
     * σ_μν = (i/2)(γ_μγ_ν − γ_νγ_μ) for every plane, restricted to its two diagonal chiral blocks; refuses a basis in
     * which σ_μν mixes chiralities (it cannot in a chiral basis).
     */
    private static double[] chiralSigma(GammaBasis gammas, int[] planeMu, int[] planeNu) {
        int spins = gammas.spins(), h = spins / 2;
        double[] out = new double[planeMu.length * 2 * h * h * 2];
        for (int p = 0; p < planeMu.length; p++) {
            double[] gm = gammas.gamma(planeMu[p]), gn = gammas.gamma(planeNu[p]);
            for (int s = 0; s < spins; s++) {
                for (int t = 0; t < spins; t++) {
                    double cr = 0, ci = 0;
                    for (int k = 0; k < spins; k++) {
                        int sk = 2 * (s * spins + k), kt = 2 * (k * spins + t);
                        cr += gm[sk] * gn[kt] - gm[sk + 1] * gn[kt + 1] - (gn[sk] * gm[kt] - gn[sk + 1] * gm[kt + 1]);
                        ci += gm[sk] * gn[kt + 1] + gm[sk + 1] * gn[kt] - (gn[sk] * gm[kt + 1] + gn[sk + 1] * gm[kt]);
                    }
                    // (i/2)(cr + i ci)
                    double sr = -0.5 * ci, si = 0.5 * cr;
                    boolean sameHalf = (s < h) == (t < h);
                    if (!sameHalf) {
                        if (sr != 0 || si != 0) throw new IllegalStateException("sigma_munu is not chirally block diagonal");
                        continue;
                    }
                    int chi = s < h ? 0 : 1;
                    int at = 2 * (((p * 2 + chi) * h + s % h) * h + t % h);
                    out[at] = sr;
                    out[at + 1] = si;
                }
            }
        }
        return out;
    }
}
