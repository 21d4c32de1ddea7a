package org.latticespark.generation.hmc.fermion;

import java.util.Arrays;
import org.latticespark.lattice.fermion.wilson.CloverTerm;
import org.latticespark.lattice.fermion.wilson.GammaBasis;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The link derivative of the clover-leaf field strength contracted with fixed colour matrices, in the gauge-force
 * convention: for U_μ(x) → exp(iω^a T^a) U_μ(x),
 * <pre>
 * out^a_μ(x) += c · ∂/∂ω^a K,     K = Re Σ_n Σ_{ρ&lt;σ} tr[C_ρσ(n) F̂_ρσ(n)],
 * </pre>
 * with F̂_ρσ = (Q_ρσ − Q_ρσ†)/8 the four-leaf clover of {@link CloverTerm}. C_ρσ(n) is any complex N×N matrix
 * (not necessarily Hermitian); only its anti-Hermitian part enters, K = Re Σ tr[D Q] with D = (C − C†)/8. Since
 * Q_σρ = Q_ρσ† and D† = −D, Re tr[D Q_ρσ] = −Re tr[D Q_σρ], so the plane (ρ, σ) enters the links of direction σ as
 * the plane (σ, ρ) with D → −D. U_μ(x) sits in the plaquettes P(x) and P(x−ν̂) of every plane μν, each read from its
 * four corners; collecting every term as Re tr[U_μ(x) Z] gives
 * <pre>
 * Z_μ(x) = Σ_{ν≠μ} ± { D(x) applied around the upper staple at its 4 corners + the same for the lower staple },
 * out^a_μ(x) += −c · Im tr(T^a U_μ(x) Z_μ(x)).
 * </pre>
 *
 * <p>Coefficient layout ({@link #coefficients()}): site-major (lexicographic), then plane p in the order
 * (0,1), (0,2), …, (0,d−1), (1,2), … (that of {@link CloverTerm}), then the N×N matrix row-major as (re, im).
 * Two builders fill it for the Wilson–clover HMC, with σ_ρσ = (i/2)[γ_ρ, γ_σ] in the chiral basis of
 * {@link GammaBasis} (block diagonal in chirality):
 * <ul>
 * <li>{@link #addOuterProducts}: C_ρσ(n) += z Θ_ρσ(n), Θ_ρσ(n)_{ba} = Σ_{s,t} R(n)_{t,b} σ_ρσ[s,t] L(n)*_{s,a},
 *     so that L(n)†(σ_ρσ ⊗ F)R(n) = tr_c[Θ_ρσ(n) F] for any colour matrix F;</li>
 * <li>{@link #addInverseTraces}: C_ρσ(n) += z Λ_ρσ(n) on the sites of one parity, Λ_ρσ(n)_{ab} =
 *     Σ_{s,t} (A⁻¹(n))_{(s,a),(t,b)} σ_ρσ[t,s], so that tr_{spin,colour}[A⁻¹(n)(σ_ρσ ⊗ F)] = tr_c[Λ_ρσ(n) F].</li>
 * </ul>
 * With A = 1 + i c_SW κ Σ σ ⊗ F̂: δ Re(L† A R) = δK for z = i c_SW κ in the first, δ ln|det A_pp| = δK for
 * z = i c_SW κ in the second.
 *
 * <p>Every loop runs over sites on {@link Parallelism}, each site writing only its own coefficients or its own d
 * links, so results do not depend on the thread count. Keeps the coefficient and work arrays: not for use from two
 * threads at once.
 */
public final class CloverForceKernel {
    private final Lattice lattice;
    private final GaugeGroup group;
    private final int n;
    private final int ms;
    private final int nd;
    private final int dim;
    private final int planes;
    private final int half;
    private final int stride;
    private final int[][] planeOf;
    /** σ_ρσ restricted to the chiral halves: [plane][χ][s][t] complex. */
    private final double[] sigma;
    private final double[] coefficients;
    private final double[] antiHermitian;
    private final ThreadLocal<double[]> work;

    public CloverForceKernel(Lattice lattice, GaugeGroup group) {
        if (lattice == null || group == null) throw new IllegalArgumentException("lattice and group must not be null");
        GammaBasis gammas = GammaBasis.of(lattice.dimensions());
        this.lattice = lattice;
        this.group = group;
        this.n = group.n();
        this.ms = group.matrixSize();
        this.nd = lattice.dimensions();
        this.dim = group.algebraDimension();
        this.planes = lattice.planes();
        this.half = gammas.spins() / 2;
        this.stride = 2 * gammas.spins() * n;
        this.planeOf = new int[nd][nd];
        int[] planeMu = new int[planes], planeNu = new int[planes];
        for (int mu = 0, p = 0; mu < nd; mu++) {
            for (int nu = mu + 1; nu < nd; nu++, p++) {
                planeOf[mu][nu] = p;
                planeOf[nu][mu] = p;
                planeMu[p] = mu;
                planeNu[p] = nu;
            }
        }
        this.sigma = chiralSigma(gammas, planeMu, planeNu);
        long doubles = (long) lattice.volume() * planes * ms;
        if (doubles > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the clover coefficients on " + lattice + " do not fit one array");
        }
        this.coefficients = new double[(int) doubles];
        this.antiHermitian = new double[(int) doubles];
        int scratch = 8 * ms + dim;
        this.work = ThreadLocal.withInitial(() -> new double[scratch]);
    }

    /** The coefficient matrices C (layout of the class comment): the live array, cleared by {@link #clear()}. */
    public double[] coefficients() { return coefficients; }

    /** Doubles in a full fermion field, V·2·S·N. */
    public int fullLength() { return lattice.volume() * stride; }

    /** Sets every C_ρσ(n) to zero. */
    public void clear() { Arrays.fill(coefficients, 0.0); }

    /** C_ρσ(n) += (zr + i zi) Θ_ρσ(n) on every site, for full fields l = L and r = R (class comment). */
    public void addOuterProducts(double[] l, double[] r, double zr, double zi, Parallelism par) {
        int need = fullLength();
        if (l == null || r == null || l.length != need || r.length != need) {
            throw new IllegalArgumentException("fields must have " + need + " doubles, got "
                    + (l == null ? "null" : l.length) + " and " + (r == null ? "null" : r.length));
        }
        par.forEach(lattice.volume(), site -> {
            int f = site * stride;
            for (int p = 0; p < planes; p++) {
                int c = (site * planes + p) * ms;
                for (int b = 0; b < n; b++) {
                    for (int a = 0; a < n; a++) {
                        double tr = 0, ti = 0;
                        for (int chi = 0; chi < 2; chi++) {
                            for (int s = 0; s < half; s++) {
                                int li = f + 2 * ((chi * half + s) * n + a);
                                double lr = l[li], lm = -l[li + 1];
                                for (int t = 0; t < half; t++) {
                                    int sg = 2 * (((p * 2 + chi) * half + s) * half + t);
                                    double sr = sigma[sg], si = sigma[sg + 1];
                                    if (sr == 0 && si == 0) continue;
                                    int ri = f + 2 * ((chi * half + t) * n + b);
                                    double xr = r[ri] * sr - r[ri + 1] * si, xi = r[ri] * si + r[ri + 1] * sr;
                                    tr += xr * lr - xi * lm;
                                    ti += xr * lm + xi * lr;
                                }
                            }
                        }
                        int e = c + 2 * (b * n + a);
                        coefficients[e] += zr * tr - zi * ti;
                        coefficients[e + 1] += zr * ti + zi * tr;
                    }
                }
            }
        });
    }

    /**
     * C_ρσ(n) += (zr + i zi) Λ_ρσ(n) on the sites of one parity, from the inverse blocks of {@code clover} (class
     * comment); the clover term must be up to date with its links.
     */
    public void addInverseTraces(CloverTerm clover, int parity, double zr, double zi, Parallelism par) {
        GaugeField u = clover.gauge();
        checkField(u);
        if (parity != 0 && parity != 1) {
            throw new IllegalArgumentException("parity must be 0 (even) or 1 (odd), got " + parity);
        }
        double[] inv = clover.inverseBlocks();
        int b = clover.blockSize();
        int[] sites = lattice.sitesOfParity(parity);
        par.forEach(sites.length, i -> {
            int site = sites[i];
            for (int p = 0; p < planes; p++) {
                int c = (site * planes + p) * ms;
                for (int a = 0; a < n; a++) {
                    for (int bb = 0; bb < n; bb++) {
                        double tr = 0, ti = 0;
                        for (int chi = 0; chi < 2; chi++) {
                            int m = 2 * (2 * site + chi) * b * b;
                            for (int s = 0; s < half; s++) {
                                for (int t = 0; t < half; t++) {
                                    int sg = 2 * (((p * 2 + chi) * half + t) * half + s);
                                    double sr = sigma[sg], si = sigma[sg + 1];
                                    if (sr == 0 && si == 0) continue;
                                    int e = m + 2 * ((s * n + a) * b + t * n + bb);
                                    tr += inv[e] * sr - inv[e + 1] * si;
                                    ti += inv[e] * si + inv[e + 1] * sr;
                                }
                            }
                        }
                        int e = c + 2 * (a * n + bb);
                        coefficients[e] += zr * tr - zi * ti;
                        coefficients[e + 1] += zr * ti + zi * tr;
                    }
                }
            }
        });
    }

    /** force[(site·d+μ)·dim + a] += c · ∂/∂ω^a Re Σ tr[C F̂] with C = {@link #coefficients()} (class comment). */
    public void addDerivative(GaugeField u, double c, double[] force, Parallelism par) {
        checkField(u);
        if (force == null || force.length != lattice.links() * dim) {
            throw new IllegalArgumentException("force array must have " + lattice.links() * dim + " doubles, got "
                    + (force == null ? "null" : force.length));
        }
        par.forEach(lattice.volume(), site -> {
            int base = site * planes * ms;
            for (int p = 0; p < planes; p++) {
                int o = base + p * ms;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        int ij = o + 2 * (i * n + j), ji = o + 2 * (j * n + i);
                        antiHermitian[ij] = 0.125 * (coefficients[ij] - coefficients[ji]);
                        antiHermitian[ij + 1] = 0.125 * (coefficients[ij + 1] + coefficients[ji + 1]);
                    }
                }
            }
        });
        double[] links = u.links();
        par.forEach(lattice.volume(), site -> site(site, u, links, c, force));
    }

    /**
     * Z_μ(x) for the d links of one site (scratch: Z, six temporaries, U·Z, then the algebra vector). Upper
     * staple a b c = U_ν(x+μ) U_μ(x+ν)† U_ν(x)†, D inserted at its corners x+μ, x+μ+ν, x+ν and after it at x:
     * abc D(x) + D(x+μ) abc + a (D(x+μ+ν) b + b D(x+ν)) c. Lower, with y = x−ν: G = e f g D(x+μ) + D(x) e f g
     * + e (D(y) f + f D(y+μ)) g, e = U_ν(y)†, f = U_μ(y), g = U_ν(y+μ), entering Z as G†.
     */
    private void site(int x, GaugeField u, double[] links, double c, double[] force) {
        double[] w = work.get();
        int z = 0, t1 = ms, t2 = 2 * ms, t3 = 3 * ms, t4 = 4 * ms, t5 = 5 * ms, g = 6 * ms, prod = 7 * ms;
        int alg = 8 * ms;
        double[] d = antiHermitian;
        for (int mu = 0; mu < nd; mu++) {
            Arrays.fill(w, z, z + ms, 0.0);
            int xpm = lattice.up(x, mu);
            for (int nu = 0; nu < nd; nu++) {
                if (nu == mu) continue;
                int p = planeOf[mu][nu];
                double sign = mu < nu ? 1 : -1;
                int xpn = lattice.up(x, nu), xpmpn = lattice.up(xpm, nu);
                int y = lattice.down(x, nu), ypm = lattice.up(y, mu);
                int dx = (x * planes + p) * ms, dxpm = (xpm * planes + p) * ms, dxpn = (xpn * planes + p) * ms;
                int dxpmpn = (xpmpn * planes + p) * ms, dy = (y * planes + p) * ms, dypm = (ypm * planes + p) * ms;
                int uNuXpm = u.offset(xpm, nu), uMuXpn = u.offset(xpn, mu), uNuX = u.offset(x, nu);
                int uNuY = u.offset(y, nu), uMuY = u.offset(y, mu), uNuYpm = u.offset(ypm, nu);
                // upper staple
                CMat.mulNA(n, links, uNuXpm, links, uMuXpn, w, t1);
                CMat.mulNA(n, w, t1, links, uNuX, w, t2);
                CMat.mul(n, w, t2, d, dx, w, t3);
                addScaled(w, t3, w, z, sign);
                CMat.mul(n, d, dxpm, w, t2, w, t3);
                addScaled(w, t3, w, z, sign);
                CMat.mulNA(n, d, dxpmpn, links, uMuXpn, w, t3);
                CMat.mulAN(n, links, uMuXpn, d, dxpn, w, t4);
                CMat.addTo(n, w, t4, w, t3);
                CMat.mul(n, links, uNuXpm, w, t3, w, t4);
                CMat.mulNA(n, w, t4, links, uNuX, w, t5);
                addScaled(w, t5, w, z, sign);
                // lower staple, G accumulated in g
                CMat.mul(n, links, uMuY, links, uNuYpm, w, t1);
                CMat.mulAN(n, links, uNuY, w, t1, w, t2);
                CMat.mul(n, w, t2, d, dxpm, w, g);
                CMat.mul(n, d, dx, w, t2, w, t3);
                CMat.addTo(n, w, t3, w, g);
                CMat.mul(n, d, dy, links, uMuY, w, t3);
                CMat.mul(n, links, uMuY, d, dypm, w, t4);
                CMat.addTo(n, w, t4, w, t3);
                CMat.mulAN(n, links, uNuY, w, t3, w, t4);
                CMat.mul(n, w, t4, links, uNuYpm, w, t5);
                CMat.addTo(n, w, t5, w, g);
                addDaggerScaled(w, g, w, z, sign);
            }
            CMat.mul(n, links, u.offset(x, mu), w, z, w, prod);
            group.imTraceGenerators(w, prod, -c, w, alg);
            int out = (x * nd + mu) * dim;
            for (int a = 0; a < dim; a++) force[out + a] += w[alg + a];
        }
    }

    /** c[co] += s · a[ao] (N×N). */
    private void addScaled(double[] a, int ao, double[] c, int co, double s) {
        for (int k = 0; k < ms; k++) c[co + k] += s * a[ao + k];
    }

    /** c[co] += s · a[ao]† (N×N). */
    private void addDaggerScaled(double[] a, int ao, double[] c, int co, double s) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int ij = co + 2 * (i * n + j), ji = ao + 2 * (j * n + i);
                c[ij] += s * a[ji];
                c[ij + 1] -= s * a[ji + 1];
            }
        }
    }

    private void checkField(GaugeField u) {
        if (u == null) throw new IllegalArgumentException("gauge field must not be null");
        if (!u.lattice().equals(lattice) || !u.group().equals(group)) {
            throw new IllegalArgumentException("gauge field is " + u.group() + " on " + u.lattice()
                    + ", the clover force kernel was made for " + group + " on " + lattice);
        }
    }

    /** σ_ρσ = (i/2)(γ_ργ_σ − γ_σγ_ρ) per plane, its two diagonal chiral blocks [plane][χ][s][t]. */
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
                    if ((s < h) != (t < h)) {
                        if (cr != 0 || ci != 0) throw new IllegalStateException("sigma_munu is not chirally block diagonal");
                        continue;
                    }
                    int at = 2 * ((((p * 2) + (s < h ? 0 : 1)) * h + s % h) * h + t % h);
                    out[at] = -0.5 * ci;
                    out[at + 1] = 0.5 * cr;
                }
            }
        }
        return out;
    }
}
