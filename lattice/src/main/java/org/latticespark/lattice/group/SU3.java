package org.latticespark.lattice.group;

/** SU(3) with the Cayley–Hamilton exponential (Morningstar and Peardon, hep-lat/0311018). */
public final class SU3 extends SUN {
    private static final long serialVersionUID = 1L;
    /** Below tr(Q²)/2 = c1 the closed form loses digits to cancellation; the series is exact there. */
    private static final double SERIES_BELOW_C1 = 1e-3;

    public SU3() {
        super(3);
    }

    @Override
    public void expI(double[] p, int po, double eps, double[] out, int oo) {
        double[] q = new double[18];
        algebraToMatrix(p, po, eps, q, 0);
        expIHermitianTraceless(q, out, oo);
    }

    /** exp(iQ) = f0 + f1 Q + f2 Q² for Hermitian traceless Q. */
    public static void expIHermitianTraceless(double[] q, double[] out, int oo) {
        double[] q2 = new double[18];
        CMat.mul(3, q, 0, q, 0, q2, 0);
        double c1 = 0.5 * CMat.reTrace(3, q2, 0);
        if (c1 < SERIES_BELOW_C1) {
            expIHermitian(3, q, out, oo);
            return;
        }
        double c0 = CMat.reTraceMul(3, q, 0, q2, 0) / 3.0;
        boolean negative = c0 < 0;
        if (negative) c0 = -c0;
        double c0max = 2.0 * StrictMath.pow(c1 / 3.0, 1.5);
        double theta = StrictMath.acos(Math.min(1.0, c0 / c0max));
        double u = Math.sqrt(c1 / 3.0) * StrictMath.cos(theta / 3.0);
        double w = Math.sqrt(c1) * StrictMath.sin(theta / 3.0);
        double u2 = u * u, w2 = w * w;
        double xi0 = Math.abs(w) < 0.05 ? 1 - w2 / 6 * (1 - w2 / 20 * (1 - w2 / 42)) : StrictMath.sin(w) / w;
        double cosw = StrictMath.cos(w);
        double e2r = StrictMath.cos(2 * u), e2i = StrictMath.sin(2 * u);
        double emr = StrictMath.cos(u), emi = -StrictMath.sin(u);
        // h0 = (u²−w²) e^{2iu} + e^{−iu} [8u² cos w + 2iu(3u²+w²) ξ0]
        double ar = 8 * u2 * cosw, ai = 2 * u * (3 * u2 + w2) * xi0;
        double h0r = (u2 - w2) * e2r + emr * ar - emi * ai;
        double h0i = (u2 - w2) * e2i + emr * ai + emi * ar;
        // h1 = 2u e^{2iu} − e^{−iu} [2u cos w − i(3u²−w²) ξ0]
        double br = 2 * u * cosw, bi = -(3 * u2 - w2) * xi0;
        double h1r = 2 * u * e2r - (emr * br - emi * bi);
        double h1i = 2 * u * e2i - (emr * bi + emi * br);
        // h2 = e^{2iu} − e^{−iu} [cos w + 3iu ξ0]
        double cr = cosw, ci = 3 * u * xi0;
        double h2r = e2r - (emr * cr - emi * ci);
        double h2i = e2i - (emr * ci + emi * cr);
        double den = 1.0 / (9 * u2 - w2);
        double f0r = h0r * den, f0i = h0i * den;
        double f1r = h1r * den, f1i = h1i * den;
        double f2r = h2r * den, f2i = h2i * den;
        if (negative) {
            f0i = -f0i;
            f1r = -f1r;
            f2i = -f2i;
        }
        for (int i = 0; i < 18; i += 2) {
            out[oo + i] = f1r * q[i] - f1i * q[i + 1] + f2r * q2[i] - f2i * q2[i + 1];
            out[oo + i + 1] = f1r * q[i + 1] + f1i * q[i] + f2r * q2[i + 1] + f2i * q2[i];
        }
        for (int d = 0; d < 18; d += 8) {
            out[oo + d] += f0r;
            out[oo + d + 1] += f0i;
        }
    }

    /** Row 2 = conj(row 0 × row 1) after Gram–Schmidt of rows 0 and 1: exactly det = 1. */
    @Override
    public void project(double[] u, int uo) {
        gramSchmidtRows(3, 2, u, uo);
        cross(u, uo);
    }

    private static void cross(double[] u, int o) {
        for (int k = 0; k < 3; k++) {
            int a = (k + 1) % 3, b = (k + 2) % 3;
            double xr = u[o + 2 * a], xi = u[o + 2 * a + 1];
            double yr = u[o + 6 + 2 * b], yi = u[o + 6 + 2 * b + 1];
            double zr = u[o + 2 * b], zi = u[o + 2 * b + 1];
            double wr = u[o + 6 + 2 * a], wi = u[o + 6 + 2 * a + 1];
            double re = (xr * yr - xi * yi) - (zr * wr - zi * wi);
            double im = (xr * yi + xi * yr) - (zr * wi + zi * wr);
            u[o + 12 + 2 * k] = re;
            u[o + 12 + 2 * k + 1] = -im;
        }
    }
}
