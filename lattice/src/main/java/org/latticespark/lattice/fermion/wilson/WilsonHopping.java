package org.latticespark.lattice.fermion.wilson;

import java.util.Arrays;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The Wilson hopping term
 * <pre>
 * (H ψ)(n) = Σ_μ [(1 − γ_μ) U_μ(n) ψ(n+μ̂) + (1 + γ_μ) U_μ(n−μ̂)† ψ(n−μ̂)],
 * </pre>
 * periodic in space and antiperiodic in time (a hop across the time boundary carries a factor −1), and its
 * adjoint H† = γ₅ H γ₅, which is the same sum with the projectors (1 ∓ γ_μ) exchanged. Fields are V·S·N·2
 * doubles: site, spin (S = 4 in d = 4, 2 in d = 2; basis {@link GammaBasis}), colour, (re, im).
 *
 * <p>Spin projection: (1 ∓ γ_μ) has rank S/2, so each hop projects ψ onto S/2 half-spinor colour vectors,
 * multiplies only those by the link and rebuilds the lower spin components from them. SU(3) has an unrolled
 * colour path; every other N (U(1), SU(2), SU(N)) a generic one. Sites run on {@link Parallelism}; every
 * output site is written by one thread with a fixed order of operations, so results are bit-identical for any
 * thread count. Nothing is allocated inside the site loop. The links are read from the gauge field's own
 * array at every application, so in-place updates of the field (molecular dynamics, copyFrom) are seen.
 *
 * <p>Flop count ({@link #flopsPerSite}): per hop and direction, projection (S/2)·N complex additions = S·N
 * flops, (S/2) matrix–vector products of 8N² − 2N flops (N² complex multiplications at 6 flops, N(N−1)
 * complex additions at 2), and accumulation of S·N complex numbers = 2·S·N flops, except into the first of the
 * 2d hops; multiplications by ±1, ±i are free. For SU(3) in d = 4 this is
 * 8·(12 + 2·66) + 7·24 = 1320, the standard Wilson Dslash count.
 */
public final class WilsonHopping {
    private final GaugeField gauge;
    private final double[] links;
    private final Lattice lattice;
    private final GammaBasis gammas;
    private final Parallelism par;
    private final int nd;
    private final int colours;
    private final int spins;
    private final int siteStride;
    private final int matrixSize;
    private final int spatialVolume;
    private final int timeExtent;
    private final int[] partner;
    private final double[] phaseRe;
    private final double[] phaseIm;

    public WilsonHopping(GaugeField gauge, Parallelism par) {
        this.gauge = gauge;
        this.links = gauge.links();
        this.lattice = gauge.lattice();
        this.nd = lattice.dimensions();
        this.gammas = GammaBasis.of(nd);
        this.par = par;
        this.colours = gauge.group().n();
        this.spins = gammas.spins();
        this.siteStride = 2 * spins * colours;
        this.matrixSize = gauge.group().matrixSize();
        this.spatialVolume = lattice.spatialVolume();
        this.timeExtent = lattice.timeExtent();
        int half = spins / 2;
        partner = new int[nd * half];
        phaseRe = new double[nd * half];
        phaseIm = new double[nd * half];
        for (int mu = 0; mu < nd; mu++) {
            for (int s = 0; s < half; s++) {
                partner[mu * half + s] = gammas.partner(mu, s);
                phaseRe[mu * half + s] = gammas.phaseRe(mu, s);
                phaseIm[mu * half + s] = gammas.phaseIm(mu, s);
            }
        }
    }

    /** Standard flop count of one application of H per output site (see the class comment). */
    public static long flopsPerSite(int dimensions, int colours) {
        if (dimensions != 2 && dimensions != 4) {
            throw new IllegalArgumentException("Wilson fermions need d = 2 or d = 4, got d = " + dimensions);
        }
        if (colours < 1) {
            throw new IllegalArgumentException("colours must be >= 1, got " + colours);
        }
        long s = dimensions == 4 ? 4 : 2;
        long n = colours;
        long hops = 2L * dimensions;
        return hops * (s * n + (s / 2) * (8 * n * n - 2 * n)) + (hops - 1) * 2 * s * n;
    }

    public GaugeField gauge() { return gauge; }

    public Lattice lattice() { return lattice; }

    public GammaBasis gammas() { return gammas; }

    public Parallelism parallelism() { return par; }

    public int colours() { return colours; }

    public int spins() { return spins; }

    /** Doubles per site, 2·S·N. */
    public int siteStride() { return siteStride; }

    /**
     * For every output position i, site = outSites[i]:
     * out[i] = (x == null ? 0 : x[i]) + c · (H y)(site), or H† when dagger. Input y holds the field of site m at
     * position inPos[m] (the identity for full fields, the even–odd index for half fields; inSites positions in
     * all), output and x at position i. out must alias neither y nor x (out is cleared before x is read).
     */
    void apply(double[] y, int inSites, int[] inPos, int[] outSites, double[] out, double[] x, double c,
            boolean dagger) {
        requireLength("input", y, (long) inSites * siteStride);
        requireLength("output", out, (long) outSites.length * siteStride);
        if (x != null) requireLength("x", x, (long) outSites.length * siteStride);
        if (y == out) {
            throw new IllegalArgumentException("input and output must be different arrays");
        }
        if (x == out) {
            throw new IllegalArgumentException("x and output must be different arrays");
        }
        double sigma = dagger ? -1 : 1;
        if (colours == 3) {
            par.forEach(outSites.length, i -> {
                site3(y, inPos, outSites[i], out, i * siteStride, sigma);
                finish(out, x, i * siteStride, c);
            });
        } else {
            par.forEach(outSites.length, i -> {
                siteGeneric(y, inPos, outSites[i], out, i * siteStride, sigma);
                finish(out, x, i * siteStride, c);
            });
        }
    }

    private void finish(double[] out, double[] x, int o, double c) {
        if (x == null) {
            for (int j = 0; j < siteStride; j++) out[o + j] = c * out[o + j];
        } else {
            for (int j = 0; j < siteStride; j++) out[o + j] = x[o + j] + c * out[o + j];
        }
    }

    private void requireLength(String what, double[] a, long need) {
        if (a == null || a.length != need) {
            throw new IllegalArgumentException(what + " field must have " + need + " doubles (S = " + spins
                    + " spins, N = " + colours + " colours), got " + (a == null ? "null" : a.length));
        }
    }

    private void siteGeneric(double[] y, int[] inPos, int site, double[] out, int o, double sigma) {
        Arrays.fill(out, o, o + siteStride, 0.0);
        int half = spins / 2;
        int t = site / spatialVolume;
        for (int mu = 0; mu < nd; mu++) {
            boolean time = mu == nd - 1;
            int fwd = lattice.up(site, mu);
            int bwd = lattice.down(site, mu);
            double fwdSign = time && t == timeExtent - 1 ? -1 : 1;
            double bwdSign = time && t == 0 ? -1 : 1;
            int uf = gauge.offset(site, mu);
            int ub = gauge.offset(bwd, mu);
            for (int k = 0; k < half; k++) {
                int pk = partner[mu * half + k];
                double cr = phaseRe[mu * half + k], ci = phaseIm[mu * half + k];
                hopGeneric(y, inPos[fwd] * siteStride, k, pk, -sigma, cr, ci, fwdSign, uf, false, out, o);
                hopGeneric(y, inPos[bwd] * siteStride, k, pk, sigma, cr, ci, bwdSign, ub, true, out, o);
            }
        }
    }

    /**
     * Adds (1 + τγ_μ) V ψ for the half-spinor pair (k, pk): h = ψ_k + τ c ψ_pk, w = sign · V h with V = U or U†,
     * out_k += w, out_pk += τ c̄ w. The projection is recomputed for each colour row, which keeps this
     * path free of scratch arrays.
     */
    private void hopGeneric(double[] y, int b, int k, int pk, double tau, double cr, double ci, double sign,
            int u, boolean adjoint, double[] out, int o) {
        int n = colours;
        double pr = tau * cr, pi = tau * ci;
        int bk = b + 2 * k * n, bp = b + 2 * pk * n;
        for (int i = 0; i < n; i++) {
            double wr = 0, wi = 0;
            for (int j = 0; j < n; j++) {
                double ar = y[bk + 2 * j], ai = y[bk + 2 * j + 1];
                double br = y[bp + 2 * j], bi = y[bp + 2 * j + 1];
                double hr = ar + pr * br - pi * bi;
                double hi = ai + pr * bi + pi * br;
                int m = adjoint ? u + 2 * (j * n + i) : u + 2 * (i * n + j);
                double ur = links[m], ui = adjoint ? -links[m + 1] : links[m + 1];
                wr += ur * hr - ui * hi;
                wi += ur * hi + ui * hr;
            }
            wr *= sign;
            wi *= sign;
            int ok = o + 2 * (k * n + i), op = o + 2 * (pk * n + i);
            out[ok] += wr;
            out[ok + 1] += wi;
            out[op] += pr * wr + pi * wi;
            out[op + 1] += pr * wi - pi * wr;
        }
    }

    private void site3(double[] y, int[] inPos, int site, double[] out, int o, double sigma) {
        Arrays.fill(out, o, o + siteStride, 0.0);
        int half = spins / 2;
        int t = site / spatialVolume;
        for (int mu = 0; mu < nd; mu++) {
            boolean time = mu == nd - 1;
            int fwd = lattice.up(site, mu);
            int bwd = lattice.down(site, mu);
            double fwdSign = time && t == timeExtent - 1 ? -1 : 1;
            double bwdSign = time && t == 0 ? -1 : 1;
            int uf = gauge.offset(site, mu);
            int ub = gauge.offset(bwd, mu);
            for (int k = 0; k < half; k++) {
                int pk = partner[mu * half + k];
                double cr = phaseRe[mu * half + k], ci = phaseIm[mu * half + k];
                hop3(y, inPos[fwd] * siteStride, k, pk, -sigma, cr, ci, fwdSign, uf, false, out, o);
                hop3(y, inPos[bwd] * siteStride, k, pk, sigma, cr, ci, bwdSign, ub, true, out, o);
            }
        }
    }

    /** {@link #hopGeneric} unrolled for N = 3: the half-spinor is projected once, into locals. */
    private void hop3(double[] y, int b, int k, int pk, double tau, double cr, double ci, double sign,
            int u, boolean adjoint, double[] out, int o) {
        double pr = tau * cr, pi = tau * ci;
        int bk = b + 6 * k, bp = b + 6 * pk;
        double h0r = sign * (y[bk] + pr * y[bp] - pi * y[bp + 1]);
        double h0i = sign * (y[bk + 1] + pr * y[bp + 1] + pi * y[bp]);
        double h1r = sign * (y[bk + 2] + pr * y[bp + 2] - pi * y[bp + 3]);
        double h1i = sign * (y[bk + 3] + pr * y[bp + 3] + pi * y[bp + 2]);
        double h2r = sign * (y[bk + 4] + pr * y[bp + 4] - pi * y[bp + 5]);
        double h2i = sign * (y[bk + 5] + pr * y[bp + 5] + pi * y[bp + 4]);
        double[] l = links;
        double w0r, w0i, w1r, w1i, w2r, w2i;
        if (!adjoint) {
            w0r = l[u] * h0r - l[u + 1] * h0i + l[u + 2] * h1r - l[u + 3] * h1i + l[u + 4] * h2r - l[u + 5] * h2i;
            w0i = l[u] * h0i + l[u + 1] * h0r + l[u + 2] * h1i + l[u + 3] * h1r + l[u + 4] * h2i + l[u + 5] * h2r;
            w1r = l[u + 6] * h0r - l[u + 7] * h0i + l[u + 8] * h1r - l[u + 9] * h1i + l[u + 10] * h2r - l[u + 11] * h2i;
            w1i = l[u + 6] * h0i + l[u + 7] * h0r + l[u + 8] * h1i + l[u + 9] * h1r + l[u + 10] * h2i + l[u + 11] * h2r;
            w2r = l[u + 12] * h0r - l[u + 13] * h0i + l[u + 14] * h1r - l[u + 15] * h1i + l[u + 16] * h2r
                    - l[u + 17] * h2i;
            w2i = l[u + 12] * h0i + l[u + 13] * h0r + l[u + 14] * h1i + l[u + 15] * h1r + l[u + 16] * h2i
                    + l[u + 17] * h2r;
        } else {
            w0r = l[u] * h0r + l[u + 1] * h0i + l[u + 6] * h1r + l[u + 7] * h1i + l[u + 12] * h2r + l[u + 13] * h2i;
            w0i = l[u] * h0i - l[u + 1] * h0r + l[u + 6] * h1i - l[u + 7] * h1r + l[u + 12] * h2i - l[u + 13] * h2r;
            w1r = l[u + 2] * h0r + l[u + 3] * h0i + l[u + 8] * h1r + l[u + 9] * h1i + l[u + 14] * h2r + l[u + 15] * h2i;
            w1i = l[u + 2] * h0i - l[u + 3] * h0r + l[u + 8] * h1i - l[u + 9] * h1r + l[u + 14] * h2i - l[u + 15] * h2r;
            w2r = l[u + 4] * h0r + l[u + 5] * h0i + l[u + 10] * h1r + l[u + 11] * h1i + l[u + 16] * h2r
                    + l[u + 17] * h2i;
            w2i = l[u + 4] * h0i - l[u + 5] * h0r + l[u + 10] * h1i - l[u + 11] * h1r + l[u + 16] * h2i
                    - l[u + 17] * h2r;
        }
        int ok = o + 6 * k, op = o + 6 * pk;
        out[ok] += w0r;
        out[ok + 1] += w0i;
        out[ok + 2] += w1r;
        out[ok + 3] += w1i;
        out[ok + 4] += w2r;
        out[ok + 5] += w2i;
        out[op] += pr * w0r + pi * w0i;
        out[op + 1] += pr * w0i - pi * w0r;
        out[op + 2] += pr * w1r + pi * w1i;
        out[op + 3] += pr * w1i - pi * w1r;
        out[op + 4] += pr * w2r + pi * w2i;
        out[op + 5] += pr * w2i - pi * w2r;
    }
}
