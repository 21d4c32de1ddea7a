package org.latticespark.measurement.fermion;

import java.util.Arrays;

/**
 * Closed forms of the free-field point-source pion correlators C(t) = N Σ_x⃗ ‖S(x⃗, t; 0)‖² (Frobenius norm over
 * spins), built from plane waves with p_μ = 2πk/L_μ in space and p_t = π(2k + 1)/L_t in time (antiperiodic).
 */
final class FreePion {
    private FreePion() {}

    /**
     * Wilson, M = 1 − κH: on a plane wave M̃(p) = a + i Σ_μ b_μ γ_μ with a = 1 − 2κ Σ_μ cos p_μ, b_μ = 2κ sin p_μ,
     * so M̃⁻¹ = A + Σ_μ B_μ γ_μ with A = a/(a² + b²), B_μ = −i b_μ/(a² + b²). With F(p⃗, t) = (1/L_t) Σ_{p_t}
     * e^{i p_t t} M̃⁻¹(p⃗, p_t), S(x⃗, t) = (1/V_s) Σ_p⃗ e^{i p⃗·x⃗} F(p⃗, t), and by Parseval and
     * tr γ_μγ_ν = S δ_μν, tr γ_μ = 0: C(t) = (N S / V_s) Σ_p⃗ [|F_A|² + Σ_μ |F_μ|²].
     */
    static double[] wilson(int[] extents, double kappa, int spins, int colours) {
        int d = extents.length, lt = extents[d - 1];
        int spatial = volume(extents) / lt;
        double[] c = new double[lt];
        double[] p = new double[d];
        double[] re = new double[(d + 1) * lt];
        double[] im = new double[(d + 1) * lt];
        for (int k = 0; k < spatial; k++) {
            int rest = k;
            for (int mu = 0; mu < d - 1; mu++) {
                p[mu] = 2 * Math.PI * (rest % extents[mu]) / extents[mu];
                rest /= extents[mu];
            }
            Arrays.fill(re, 0);
            Arrays.fill(im, 0);
            for (int kt = 0; kt < lt; kt++) {
                p[d - 1] = Math.PI * (2 * kt + 1) / lt;
                double a = 1, b2 = 0;
                for (int mu = 0; mu < d; mu++) {
                    a -= 2 * kappa * Math.cos(p[mu]);
                    b2 += 4 * kappa * kappa * Math.sin(p[mu]) * Math.sin(p[mu]);
                }
                double den = a * a + b2;
                for (int t = 0; t < lt; t++) {
                    double cr = Math.cos(p[d - 1] * t) / lt, ci = Math.sin(p[d - 1] * t) / lt;
                    re[t] += cr * a / den;
                    im[t] += ci * a / den;
                    for (int mu = 0; mu < d; mu++) {
                        double b = -2 * kappa * Math.sin(p[mu]) / den; // B_μ = i·b
                        re[(mu + 1) * lt + t] += -ci * b;
                        im[(mu + 1) * lt + t] += cr * b;
                    }
                }
            }
            for (int t = 0; t < lt; t++) {
                for (int j = 0; j <= d; j++) c[t] += re[j * lt + t] * re[j * lt + t] + im[j * lt + t] * im[j * lt + t];
            }
        }
        for (int t = 0; t < lt; t++) c[t] *= (double) colours * spins / spatial;
        return c;
    }

    /**
     * Staggered, M = D + m: the phases make D² = ¼ Σ_μ (T_μ − T_μ⁻¹)² diagonal on plane waves (eigenvalue
     * −Σ_μ sin² p_μ), so G = (D + m)⁻¹ δ_0 = (m − D) K with K(x) = (1/V) Σ_p cos(p·x) / (m² + Σ_μ sin² p_μ),
     * (DK)(n) = ½ Σ_μ η_μ(n) [K(n + μ̂) − K(n − μ̂)]. K is evaluated at unwrapped coordinates, where the plane waves
     * carry the antiperiodic sign themselves. C(t) = N Σ_x⃗ G(x⃗, t)² (G is real and colour-diagonal).
     */
    static double[] staggered(int[] extents, double m, int colours) {
        int d = extents.length, lt = extents[d - 1];
        int v = volume(extents);
        double[][] momenta = new double[v][d];
        double[] weight = new double[v];
        for (int k = 0; k < v; k++) {
            int rest = k;
            double s2 = 0;
            for (int mu = 0; mu < d; mu++) {
                double shift = mu == d - 1 ? 0.5 : 0.0;
                momenta[k][mu] = 2 * Math.PI * (rest % extents[mu] + shift) / extents[mu];
                rest /= extents[mu];
                s2 += Math.sin(momenta[k][mu]) * Math.sin(momenta[k][mu]);
            }
            weight[k] = 1 / ((m * m + s2) * v);
        }
        double[] c = new double[lt];
        int[] n = new int[d];
        for (int site = 0; site < v; site++) {
            int rest = site;
            for (int mu = 0; mu < d; mu++) {
                n[mu] = rest % extents[mu];
                rest /= extents[mu];
            }
            double g = m * k(momenta, weight, n);
            int eta = 1;
            for (int mu = 0; mu < d; mu++) {
                n[mu]++;
                double up = k(momenta, weight, n);
                n[mu] -= 2;
                double down = k(momenta, weight, n);
                n[mu]++;
                g -= 0.5 * eta * (up - down);
                if ((n[mu] & 1) == 1) eta = -eta;
            }
            c[n[d - 1]] += colours * g * g;
        }
        return c;
    }

    private static double k(double[][] momenta, double[] weight, int[] x) {
        double s = 0;
        for (int j = 0; j < momenta.length; j++) {
            double phase = 0;
            for (int mu = 0; mu < x.length; mu++) phase += momenta[j][mu] * x[mu];
            s += weight[j] * Math.cos(phase);
        }
        return s;
    }

    private static int volume(int[] extents) {
        int v = 1;
        for (int l : extents) v *= l;
        return v;
    }
}
