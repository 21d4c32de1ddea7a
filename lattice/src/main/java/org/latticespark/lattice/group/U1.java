package org.latticespark.lattice.group;

import org.latticespark.lattice.random.CounterRng;

/** U(1): a link is one complex phase e^{iθ}; the algebra is one real number with T = 1. */
public final class U1 extends GaugeGroup {
    private static final long serialVersionUID = 1L;

    public U1() {
        super(1);
    }

    @Override
    public String name() { return "U1"; }

    @Override
    public int algebraDimension() { return 1; }

    @Override
    public void algebraToMatrix(double[] p, int po, double scale, double[] h, int ho) {
        h[ho] = scale * p[po];
        h[ho + 1] = 0;
    }

    @Override
    public void imTraceGenerators(double[] w, int wo, double scale, double[] out, int oo) {
        out[oo] = scale * w[wo + 1];
    }

    @Override
    public void expI(double[] p, int po, double eps, double[] out, int oo) {
        double phi = eps * p[po];
        out[oo] = StrictMath.cos(phi);
        out[oo + 1] = StrictMath.sin(phi);
    }

    @Override
    public void project(double[] u, int uo) {
        double r = Math.hypot(u[uo], u[uo + 1]);
        u[uo] /= r;
        u[uo + 1] /= r;
    }

    @Override
    public void haar(CounterRng rng, double[] out, int oo) {
        double phi = Math.PI * (2 * rng.uniform() - 1);
        out[oo] = StrictMath.cos(phi);
        out[oo + 1] = StrictMath.sin(phi);
    }
}
