package org.latticespark.generation.hmc;

import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * Phase space (U, p) of the gauge field with H = Σ ½ (p^a)² + S[U]. The momenta are real
 * coefficients p[(site·d+μ)·dim + a] of P = Σ p^a T^a; the link update is U ← exp(i ε P) U.
 */
public final class MolecularDynamics {
    private static final ThreadLocal<double[]> WORK = ThreadLocal.withInitial(() -> new double[2 * 128]);

    private final GaugeField field;
    private final WilsonGaugeAction action;
    private final Parallelism par;
    private final double[] momenta;
    private final double[] force;
    private final int dim;

    public MolecularDynamics(GaugeField field, WilsonGaugeAction action, Parallelism par) {
        this.field = field;
        this.action = action;
        this.par = par;
        this.dim = field.group().algebraDimension();
        this.momenta = new double[field.lattice().links() * dim];
        this.force = new double[momenta.length];
    }

    public GaugeField field() { return field; }

    public double[] momenta() { return momenta; }

    public WilsonGaugeAction action() { return action; }

    /** p^a ~ N(0, 1), addressed by (link, trajectory). */
    public void refreshMomenta(RandomStream stream, long trajectory) {
        int purpose = Purpose.of(Purpose.MOMENTUM, 0);
        par.forEach(field.lattice().links(), link -> {
            var rng = stream.at(link, trajectory, purpose);
            for (int a = 0; a < dim; a++) momenta[link * dim + a] = rng.gaussian();
        });
    }

    public double kineticEnergy() {
        return 0.5 * par.sum(momenta.length, i -> momenta[i] * momenta[i]);
    }

    public double hamiltonian() {
        return kineticEnergy() + action.action(field, par);
    }

    /** p ← p + dt · F. */
    public void updateMomenta(double dt) {
        action.force(field, force, par);
        par.forEach(momenta.length, i -> momenta[i] += dt * force[i]);
    }

    /** U ← exp(i dt P) U. */
    public void updateLinks(double dt) {
        GaugeGroup g = field.group();
        int n = g.n();
        int ms = g.matrixSize();
        double[] u = field.links();
        par.forEach(field.lattice().links(), link -> {
            double[] w = WORK.get();
            g.expI(momenta, link * dim, dt, w, 0);
            CMat.mul(n, w, 0, u, link * ms, w, ms);
            System.arraycopy(w, ms, u, link * ms, ms);
        });
    }

    public void flipMomenta() {
        par.forEach(momenta.length, i -> momenta[i] = -momenta[i]);
    }
}
