package org.latticespark.measurement.fermion;

/**
 * Closed forms of free-field traces, by plane waves e^{ip·n} with p_μ = 2πk/L_μ in space and
 * p_{d−1} = π(2k + 1)/L_t in time (antiperiodic), k = 0 … L_μ − 1: V momenta in all.
 */
final class FreeField {
    private FreeField() {}

    /**
     * (1/V) Re tr (D + m)⁻¹ of the free staggered operator on N colours. The phases make the hopping terms of
     * different directions anticommute, so D² = ¼ Σ_μ (T_μ − T_μ⁻¹)², which is −Σ_μ sin² p_μ on a plane wave;
     * with Re tr (D + m)⁻¹ = tr m (m² − D²)⁻¹ (D anti-Hermitian) this is (N/V) Σ_p m / (m² + Σ_μ sin² p_μ).
     */
    static double staggered(int[] extents, double m, int colours) {
        double[] sum = {0};
        forEachMomentum(extents, p -> {
            double s2 = 0;
            for (double pm : p) s2 += Math.sin(pm) * Math.sin(pm);
            sum[0] += m / (m * m + s2);
        });
        return colours * sum[0] / volume(extents);
    }

    /**
     * (1/V) Re tr M⁻¹ of free Wilson M = 1 − κH. On a plane wave M/(2κ) = a(p) + i Σ_μ γ_μ sin p_μ with
     * a(p) = m₀ + Σ_μ (1 − cos p_μ), whose inverse has spin trace S a / (a² + Σ sin² p); so the result is
     * (N S / (2κ V)) Σ_p a / (a² + Σ_μ sin² p_μ), 1/(2κ) = m₀ + d.
     */
    static double wilson(int[] extents, double kappa, int spins, int colours) {
        double m0 = 1 / (2 * kappa) - extents.length;
        double[] sum = {0};
        forEachMomentum(extents, p -> {
            double a = m0;
            double s2 = 0;
            for (double pm : p) {
                a += 1 - Math.cos(pm);
                s2 += Math.sin(pm) * Math.sin(pm);
            }
            sum[0] += a / (a * a + s2);
        });
        return colours * spins * sum[0] / (2 * kappa * volume(extents));
    }

    private static int volume(int[] extents) {
        int v = 1;
        for (int l : extents) v *= l;
        return v;
    }

    private static void forEachMomentum(int[] extents, java.util.function.Consumer<double[]> body) {
        int d = extents.length;
        int[] k = new int[d];
        double[] p = new double[d];
        for (int n = 0; n < volume(extents); n++) {
            int rest = n;
            for (int mu = 0; mu < d; mu++) {
                k[mu] = rest % extents[mu];
                rest /= extents[mu];
                double shift = mu == d - 1 ? 0.5 : 0.0;
                p[mu] = 2 * Math.PI * (k[mu] + shift) / extents[mu];
            }
            body.accept(p);
        }
    }
}
