package org.latticespark.generation.heatbath;

import org.latticespark.generation.Sampler;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.action.Staples;
import org.latticespark.lattice.backend.PlaquetteBackend;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * One sweep = a heatbath sweep followed by {@code overrelaxation} overrelaxation sweeps. SU(N):
 * Cabibbo–Marinari over all N(N−1)/2 SU(2) subgroups with the Kennedy–Pendleton heatbath and
 * microcanonical subgroup reflections; U(1): exact von Mises heatbath and reflection. Links of one
 * direction and one parity are independent given the rest, so they are updated in parallel.
 */
public final class HeatbathSampler implements Sampler {
    private final double beta;
    private final int overrelaxation;
    private final RandomStream stream;
    private final Parallelism par;
    private final PlaquetteBackend backend;

    public HeatbathSampler(double beta, int overrelaxation, RandomStream stream, Parallelism par,
                           PlaquetteBackend backend) {
        this.beta = beta;
        this.overrelaxation = overrelaxation;
        this.stream = stream;
        this.par = par;
        this.backend = backend;
    }

    @Override
    public String name() {
        return "heatbath+" + overrelaxation + "or";
    }

    @Override
    public UpdateRecord update(GaugeField field, long index) {
        sweep(field, index, -1);
        for (int k = 0; k < overrelaxation; k++) sweep(field, index, k);
        double plaquette = Plaquettes.normalise(field, backend.plaquetteSum(field, par));
        return new UpdateRecord(index, 0.0, true, plaquette);
    }

    /** orStep = −1 is the heatbath sweep, otherwise the overrelaxation sweep number. */
    private void sweep(GaugeField field, long index, int orStep) {
        Lattice lat = field.lattice();
        int nd = lat.dimensions();
        for (int parity = 0; parity < 2; parity++) {
            int[] sites = lat.sitesOfParity(parity);
            for (int mu = 0; mu < nd; mu++) {
                int subStep = parity * nd + mu;
                int direction = mu;
                if (orStep < 0) {
                    int purpose = Purpose.of(Purpose.HEATBATH, subStep);
                    par.forEach(sites.length, k -> updateLink(field, sites[k], direction,
                            stream.at(sites[k], index, purpose)));
                } else {
                    par.forEach(sites.length, k -> updateLink(field, sites[k], direction, null));
                }
            }
        }
    }

    private static final ThreadLocal<double[]> WORK = ThreadLocal.withInitial(() -> new double[4 * 128]);

    /** A heatbath update with rng, an overrelaxation step without. */
    private void updateLink(GaugeField field, int site, int mu, CounterRng rng) {
        GaugeGroup g = field.group();
        int n = g.n();
        int ms = g.matrixSize();
        double[] u = field.links();
        int uo = field.offset(site, mu);
        double[] w = WORK.get();
        int staple = 2 * ms, prod = 3 * ms;
        Staples.staple(field, site, mu, w, staple, w);
        CMat.mul(n, u, uo, w, staple, w, prod);
        if (n == 1) {
            updateU1(u, uo, w[prod], w[prod + 1], rng);
        } else {
            updateSUN(n, u, uo, w, prod, rng);
        }
        g.project(u, uo);
    }

    /** W = U V = |W| e^{iω}; the new link is e^{i(ψ − ω)} U with ψ from e^{β|W| cos ψ}, or e^{−2iω} U. */
    private void updateU1(double[] u, int uo, double wr, double wi, CounterRng rng) {
        double omega = StrictMath.atan2(wi, wr);
        double rotation = rng == null ? -2 * omega : VonMises.sample(beta * Math.hypot(wr, wi), rng) - omega;
        double c = StrictMath.cos(rotation), s = StrictMath.sin(rotation);
        double re = u[uo], im = u[uo + 1];
        u[uo] = c * re - s * im;
        u[uo + 1] = s * re + c * im;
    }

    private void updateSUN(int n, double[] u, int uo, double[] w, int prod, CounterRng rng) {
        double[] qa = new double[4], xa = new double[4], ra = new double[4];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Su2Subgroup.project(n, w, prod, i, j, qa);
                double k = Math.sqrt(qa[0] * qa[0] + qa[1] * qa[1] + qa[2] * qa[2] + qa[3] * qa[3]);
                if (k < 1e-300) {
                    // no force on this subgroup: the heatbath draws it Haar-random, reflection leaves it
                    if (rng == null) continue;
                    Su2Heatbath.sample(0, rng, ra);
                    Su2Subgroup.leftMultiply(n, ra, u, uo, i, j);
                    Su2Subgroup.leftMultiply(n, ra, w, prod, i, j);
                    continue;
                }
                double inv = 1.0 / k;
                double[] dagger = {qa[0] * inv, -qa[1] * inv, -qa[2] * inv, -qa[3] * inv};
                if (rng == null) {
                    Su2Subgroup.multiply(dagger, dagger, ra);
                } else {
                    Su2Heatbath.sample(2 * beta * k / n, rng, xa);
                    Su2Subgroup.multiply(xa, dagger, ra);
                }
                Su2Subgroup.leftMultiply(n, ra, u, uo, i, j);
                Su2Subgroup.leftMultiply(n, ra, w, prod, i, j);
            }
        }
    }
}
