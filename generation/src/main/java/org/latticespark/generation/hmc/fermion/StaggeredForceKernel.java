package org.latticespark.generation.hmc.fermion;

import org.latticespark.lattice.fermion.staggered.StaggeredPhases;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The link derivative of S = 2 Re X† D_eo(U) Y for fixed half-vectors X (even sites) and Y (odd sites), in the
 * gauge-force convention F^a_μ(s) = −∂S/∂ω^a for U_μ(s) → exp(iω^a T^a) U_μ(s):
 * F^a_μ(s) = c_μ(s) · Im tr(T^a U_μ(s) v(s+μ̂) w(s)†), where w is the field of the parity of s at s, v the field of
 * the other parity at s+μ̂, and c_μ(s) = ±η_μ(s)·(time-boundary sign), + for even s and − for odd s.
 * Every link has exactly one even end, so each appears once in D_eo; the −Y† dD_oe X half of the derivative is
 * the complex conjugate of X† dD_eo Y because D_oe = −D_eo† for every U.
 */
final class StaggeredForceKernel {
    private static final ThreadLocal<double[]> WORK = ThreadLocal.withInitial(() -> new double[2 * 64 + 16]);

    private final Lattice lattice;
    private final GaugeGroup group;
    private final int n;
    private final int nd;
    private final int dim;
    private final int[] position;
    private final double[] coef;

    StaggeredForceKernel(Lattice lattice, GaugeGroup group) {
        this.lattice = lattice;
        this.group = group;
        this.n = group.n();
        this.nd = lattice.dimensions();
        this.dim = group.algebraDimension();
        int volume = lattice.volume();
        position = new int[volume];
        for (int p = 0; p < 2; p++) {
            int[] sites = lattice.sitesOfParity(p);
            for (int i = 0; i < sites.length; i++) position[sites[i]] = i;
        }
        coef = new double[volume * nd];
        for (int s = 0; s < volume; s++) {
            double parity = lattice.parity(s) == 0 ? 1.0 : -1.0;
            for (int mu = 0; mu < nd; mu++) {
                coef[s * nd + mu] = parity * StaggeredPhases.eta(lattice, s, mu)
                        * StaggeredPhases.forwardBoundary(lattice, s, mu);
            }
        }
    }

    /** Writes F for every link into force[(site·d+μ)·dim + a]. */
    void force(GaugeField u, double[] even, double[] odd, double[] force, Parallelism par) {
        double[] links = u.links();
        if (n == 3) {
            par.forEach(lattice.volume(), s -> siteSU3(s, links, even, odd, force));
        } else {
            par.forEach(lattice.volume(), s -> siteGeneric(s, links, even, odd, force));
        }
    }

    private void siteSU3(int s, double[] u, double[] even, double[] odd, double[] force) {
        double[] m = WORK.get();
        boolean isEven = lattice.parity(s) == 0;
        double[] near = isEven ? even : odd;
        double[] far = isEven ? odd : even;
        int q = position[s] * 6;
        double w0r = near[q], w0i = near[q + 1], w1r = near[q + 2], w1i = near[q + 3], w2r = near[q + 4],
                w2i = near[q + 5];
        for (int mu = 0; mu < nd; mu++) {
            int l = (s * nd + mu) * 18;
            int p = position[lattice.up(s, mu)] * 6;
            double x0r = far[p], x0i = far[p + 1], x1r = far[p + 2], x1i = far[p + 3], x2r = far[p + 4], x2i = far[p + 5];
            double y0r = u[l] * x0r - u[l + 1] * x0i + u[l + 2] * x1r - u[l + 3] * x1i + u[l + 4] * x2r - u[l + 5] * x2i;
            double y0i = u[l] * x0i + u[l + 1] * x0r + u[l + 2] * x1i + u[l + 3] * x1r + u[l + 4] * x2i + u[l + 5] * x2r;
            double y1r = u[l + 6] * x0r - u[l + 7] * x0i + u[l + 8] * x1r - u[l + 9] * x1i + u[l + 10] * x2r - u[l + 11] * x2i;
            double y1i = u[l + 6] * x0i + u[l + 7] * x0r + u[l + 8] * x1i + u[l + 9] * x1r + u[l + 10] * x2i + u[l + 11] * x2r;
            double y2r = u[l + 12] * x0r - u[l + 13] * x0i + u[l + 14] * x1r - u[l + 15] * x1i + u[l + 16] * x2r - u[l + 17] * x2i;
            double y2i = u[l + 12] * x0i + u[l + 13] * x0r + u[l + 14] * x1i + u[l + 15] * x1r + u[l + 16] * x2i + u[l + 17] * x2r;
            // m_jk = y_j conj(w_k)
            m[0] = y0r * w0r + y0i * w0i;   m[1] = y0i * w0r - y0r * w0i;
            m[2] = y0r * w1r + y0i * w1i;   m[3] = y0i * w1r - y0r * w1i;
            m[4] = y0r * w2r + y0i * w2i;   m[5] = y0i * w2r - y0r * w2i;
            m[6] = y1r * w0r + y1i * w0i;   m[7] = y1i * w0r - y1r * w0i;
            m[8] = y1r * w1r + y1i * w1i;   m[9] = y1i * w1r - y1r * w1i;
            m[10] = y1r * w2r + y1i * w2i;  m[11] = y1i * w2r - y1r * w2i;
            m[12] = y2r * w0r + y2i * w0i;  m[13] = y2i * w0r - y2r * w0i;
            m[14] = y2r * w1r + y2i * w1i;  m[15] = y2i * w1r - y2r * w1i;
            m[16] = y2r * w2r + y2i * w2i;  m[17] = y2i * w2r - y2r * w2i;
            group.imTraceGenerators(m, 0, coef[s * nd + mu], force, (s * nd + mu) * dim);
        }
    }

    private void siteGeneric(int s, double[] u, double[] even, double[] odd, double[] force) {
        double[] m = WORK.get();
        int ms = 2 * n * n;
        boolean isEven = lattice.parity(s) == 0;
        double[] near = isEven ? even : odd;
        double[] far = isEven ? odd : even;
        int q = position[s] * 2 * n;
        for (int mu = 0; mu < nd; mu++) {
            int l = (s * nd + mu) * ms;
            int p = position[lattice.up(s, mu)] * 2 * n;
            for (int j = 0; j < n; j++) {
                double yr = 0, yi = 0;
                int row = l + 2 * j * n;
                for (int k = 0; k < n; k++) {
                    double ur = u[row + 2 * k], ui = u[row + 2 * k + 1];
                    double xr = far[p + 2 * k], xi = far[p + 2 * k + 1];
                    yr += ur * xr - ui * xi;
                    yi += ur * xi + ui * xr;
                }
                for (int k = 0; k < n; k++) {
                    double wr = near[q + 2 * k], wi = near[q + 2 * k + 1];
                    m[2 * (j * n + k)] = yr * wr + yi * wi;
                    m[2 * (j * n + k) + 1] = yi * wr - yr * wi;
                }
            }
            group.imTraceGenerators(m, 0, coef[s * nd + mu], force, (s * nd + mu) * dim);
        }
    }
}
