package org.latticespark.lattice.fermion.staggered;

import java.util.Arrays;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The hopping kernel out(i) = sign · Σ_μ [f_μ(i) U_μ(n) in(n+μ̂) + b_μ(i) U_μ(n−μ̂)† in(n−μ̂)] + mass · in(i)
 * for a list of output sites n = outSites[i], with f = ½ η_μ(n) (boundary sign) and b = −½ η_μ(n) (boundary
 * sign) precomputed. Input vectors are indexed through a site → position map, so the same kernel serves the
 * full lattice and the even–odd halves. The links are read from the field's backing array at every call.
 */
final class StaggeredHopping {
    private final double[] links;
    private final int n;
    private final int nd;
    private final int outCount;
    private final int inCount;
    private final int[] fwdIn;
    private final int[] bwdIn;
    private final int[] fwdLink;
    private final int[] bwdLink;
    private final double[] fwdCoef;
    private final double[] bwdCoef;

    /**
     * @param outSites      lattice site of each output position
     * @param inPosition    position in the input vector of every lattice site (only neighbours are used)
     * @param inCount       number of sites in an input vector
     */
    StaggeredHopping(GaugeField u, int[] outSites, int[] inPosition, int inCount) {
        Lattice lat = u.lattice();
        this.links = u.links();
        this.n = u.group().n();
        this.nd = lat.dimensions();
        this.outCount = outSites.length;
        this.inCount = inCount;
        int m = outCount * nd;
        fwdIn = new int[m];
        bwdIn = new int[m];
        fwdLink = new int[m];
        bwdLink = new int[m];
        fwdCoef = new double[m];
        bwdCoef = new double[m];
        for (int i = 0; i < outCount; i++) {
            int site = outSites[i];
            for (int mu = 0; mu < nd; mu++) {
                int k = i * nd + mu;
                int up = lat.up(site, mu), down = lat.down(site, mu);
                int eta = StaggeredPhases.eta(lat, site, mu);
                fwdIn[k] = inPosition[up];
                bwdIn[k] = inPosition[down];
                fwdLink[k] = u.offset(site, mu);
                bwdLink[k] = u.offset(down, mu);
                fwdCoef[k] = 0.5 * eta * StaggeredPhases.forwardBoundary(lat, site, mu);
                bwdCoef[k] = -0.5 * eta * StaggeredPhases.backwardBoundary(lat, site, mu);
            }
        }
    }

    int inLength() { return inCount * 2 * n; }

    int outLength() { return outCount * 2 * n; }

    /**
     * out = sign · H in + mass · in; the mass term needs input and output indexed alike (the full lattice)
     * and is skipped when mass is 0.
     */
    void apply(double[] in, double[] out, double sign, double mass, Parallelism par) {
        if (n == 3) {
            par.forEach(outCount, i -> siteSU3(i, in, out, sign, mass));
        } else {
            par.forEach(outCount, i -> siteGeneric(i, in, out, sign, mass));
        }
    }

    private void siteSU3(int i, double[] in, double[] out, double sign, double mass) {
        final double[] u = links;
        double a0r = 0, a0i = 0, a1r = 0, a1i = 0, a2r = 0, a2i = 0;
        for (int mu = 0; mu < nd; mu++) {
            int k = i * nd + mu;
            int l = fwdLink[k];
            int p = fwdIn[k] * 6;
            double c = fwdCoef[k];
            double x0r = in[p], x0i = in[p + 1], x1r = in[p + 2], x1i = in[p + 3], x2r = in[p + 4], x2i = in[p + 5];
            double y0r = u[l] * x0r - u[l + 1] * x0i + u[l + 2] * x1r - u[l + 3] * x1i + u[l + 4] * x2r - u[l + 5] * x2i;
            double y0i = u[l] * x0i + u[l + 1] * x0r + u[l + 2] * x1i + u[l + 3] * x1r + u[l + 4] * x2i + u[l + 5] * x2r;
            double y1r = u[l + 6] * x0r - u[l + 7] * x0i + u[l + 8] * x1r - u[l + 9] * x1i + u[l + 10] * x2r - u[l + 11] * x2i;
            double y1i = u[l + 6] * x0i + u[l + 7] * x0r + u[l + 8] * x1i + u[l + 9] * x1r + u[l + 10] * x2i + u[l + 11] * x2r;
            double y2r = u[l + 12] * x0r - u[l + 13] * x0i + u[l + 14] * x1r - u[l + 15] * x1i + u[l + 16] * x2r - u[l + 17] * x2i;
            double y2i = u[l + 12] * x0i + u[l + 13] * x0r + u[l + 14] * x1i + u[l + 15] * x1r + u[l + 16] * x2i + u[l + 17] * x2r;
            a0r += c * y0r;
            a0i += c * y0i;
            a1r += c * y1r;
            a1i += c * y1i;
            a2r += c * y2r;
            a2i += c * y2i;

            l = bwdLink[k];
            p = bwdIn[k] * 6;
            c = bwdCoef[k];
            x0r = in[p]; x0i = in[p + 1]; x1r = in[p + 2]; x1i = in[p + 3]; x2r = in[p + 4]; x2i = in[p + 5];
            // (U† x)_a = Σ_b conj(U_ba) x_b
            y0r = u[l] * x0r + u[l + 1] * x0i + u[l + 6] * x1r + u[l + 7] * x1i + u[l + 12] * x2r + u[l + 13] * x2i;
            y0i = u[l] * x0i - u[l + 1] * x0r + u[l + 6] * x1i - u[l + 7] * x1r + u[l + 12] * x2i - u[l + 13] * x2r;
            y1r = u[l + 2] * x0r + u[l + 3] * x0i + u[l + 8] * x1r + u[l + 9] * x1i + u[l + 14] * x2r + u[l + 15] * x2i;
            y1i = u[l + 2] * x0i - u[l + 3] * x0r + u[l + 8] * x1i - u[l + 9] * x1r + u[l + 14] * x2i - u[l + 15] * x2r;
            y2r = u[l + 4] * x0r + u[l + 5] * x0i + u[l + 10] * x1r + u[l + 11] * x1i + u[l + 16] * x2r + u[l + 17] * x2i;
            y2i = u[l + 4] * x0i - u[l + 5] * x0r + u[l + 10] * x1i - u[l + 11] * x1r + u[l + 16] * x2i - u[l + 17] * x2r;
            a0r += c * y0r;
            a0i += c * y0i;
            a1r += c * y1r;
            a1i += c * y1i;
            a2r += c * y2r;
            a2i += c * y2i;
        }
        int o = i * 6;
        if (mass == 0.0) {
            out[o] = sign * a0r;
            out[o + 1] = sign * a0i;
            out[o + 2] = sign * a1r;
            out[o + 3] = sign * a1i;
            out[o + 4] = sign * a2r;
            out[o + 5] = sign * a2i;
        } else {
            out[o] = sign * a0r + mass * in[o];
            out[o + 1] = sign * a0i + mass * in[o + 1];
            out[o + 2] = sign * a1r + mass * in[o + 2];
            out[o + 3] = sign * a1i + mass * in[o + 3];
            out[o + 4] = sign * a2r + mass * in[o + 4];
            out[o + 5] = sign * a2i + mass * in[o + 5];
        }
    }

    /** Any N: accumulates in the output site itself, so it needs no scratch. */
    private void siteGeneric(int i, double[] in, double[] out, double sign, double mass) {
        final double[] u = links;
        int len = 2 * n;
        int o = i * len;
        Arrays.fill(out, o, o + len, 0.0);
        for (int mu = 0; mu < nd; mu++) {
            int k = i * nd + mu;
            int l = fwdLink[k];
            int p = fwdIn[k] * len;
            double c = fwdCoef[k];
            for (int a = 0; a < n; a++) {
                double re = 0, im = 0;
                int row = l + 2 * a * n;
                for (int b = 0; b < n; b++) {
                    double ur = u[row + 2 * b], ui = u[row + 2 * b + 1];
                    double xr = in[p + 2 * b], xi = in[p + 2 * b + 1];
                    re += ur * xr - ui * xi;
                    im += ur * xi + ui * xr;
                }
                out[o + 2 * a] += c * re;
                out[o + 2 * a + 1] += c * im;
            }
            l = bwdLink[k];
            p = bwdIn[k] * len;
            c = bwdCoef[k];
            for (int a = 0; a < n; a++) {
                double re = 0, im = 0;
                for (int b = 0; b < n; b++) {
                    int e = l + 2 * (b * n + a);
                    double ur = u[e], ui = u[e + 1];
                    double xr = in[p + 2 * b], xi = in[p + 2 * b + 1];
                    re += ur * xr + ui * xi;
                    im += ur * xi - ui * xr;
                }
                out[o + 2 * a] += c * re;
                out[o + 2 * a + 1] += c * im;
            }
        }
        if (mass == 0.0) {
            for (int j = o; j < o + len; j++) out[j] = sign * out[j];
        } else {
            for (int j = o; j < o + len; j++) out[j] = sign * out[j] + mass * in[j];
        }
    }
}
