package org.latticespark.lattice.action;

import java.io.Serializable;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;

/** S = β Σ_n Σ_{μ<ν} [1 − (1/N) Re tr U_μν(n)] and its molecular-dynamics force. */
public final class WilsonGaugeAction implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<double[]> WORK = ThreadLocal.withInitial(() -> new double[512]);

    private final double beta;

    public WilsonGaugeAction(double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        this.beta = beta;
    }

    public double beta() { return beta; }

    public double action(GaugeField f, Parallelism par) {
        return fromPlaquetteSum(f, Plaquettes.sum(f, par));
    }

    public double fromPlaquetteSum(GaugeField f, double plaquetteSum) {
        Lattice lat = f.lattice();
        return beta * ((double) lat.volume() * lat.planes() - plaquetteSum / f.group().n());
    }

    /**
     * The force F^a_μ(n) = −∂S/∂ω^a for U_μ(n) → exp(iω^a T^a) U_μ(n), which is
     * −(β/N) Im tr(T^a U_μ(n) V_μ(n)); written to force[(site·d+μ)·dim(algebra) + a].
     */
    public void force(GaugeField f, double[] force, Parallelism par) {
        Lattice lat = f.lattice();
        GaugeGroup g = f.group();
        int n = g.n();
        int ms = g.matrixSize();
        int dim = g.algebraDimension();
        int nd = lat.dimensions();
        double scale = -beta / n;
        double[] u = f.links();
        par.forEach(lat.volume(), site -> {
            double[] w = WORK.get();
            for (int mu = 0; mu < nd; mu++) {
                Staples.staple(f, site, mu, w, 2 * ms, w);
                CMat.mul(n, u, f.offset(site, mu), w, 2 * ms, w, 3 * ms);
                g.imTraceGenerators(w, 3 * ms, scale, force, (site * nd + mu) * dim);
            }
        });
    }
}
