package org.latticespark.generation.hmc.fermion;

import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.RandomStream;

/**
 * A test-only leapfrog for H = ½ Σ p² + S_g + S_f with the gauge and the pseudofermion force added, since
 * {@code MolecularDynamics} takes only the gauge action so far. Same update rules: p ← p + dt F, U ← exp(i dt P) U.
 */
final class FermionLeapfrog {
    final GaugeField field;
    final double[] momenta;
    private final WilsonGaugeAction gauge;
    private final StaggeredPseudofermion fermion;
    private final Parallelism par;
    private final double[] gaugeForce;
    private final double[] fermionForce;

    FermionLeapfrog(GaugeField field, WilsonGaugeAction gauge, StaggeredPseudofermion fermion, Parallelism par) {
        this.field = field;
        this.gauge = gauge;
        this.fermion = fermion;
        this.par = par;
        int n = field.lattice().links() * field.group().algebraDimension();
        momenta = new double[n];
        gaugeForce = new double[n];
        fermionForce = new double[n];
    }

    void drawMomenta(RandomStream stream) {
        CounterRng rng = stream.at(0, 0, 0);
        for (int i = 0; i < momenta.length; i++) momenta[i] = rng.gaussian();
    }

    double hamiltonian() {
        double kinetic = 0;
        for (double p : momenta) kinetic += 0.5 * p * p;
        return kinetic + gauge.action(field, par) + fermion.action(field);
    }

    void integrate(int steps, double eps) {
        updateMomenta(0.5 * eps);
        for (int k = 0; k < steps; k++) {
            updateLinks(eps);
            updateMomenta(k == steps - 1 ? 0.5 * eps : eps);
        }
    }

    void flipMomenta() {
        for (int i = 0; i < momenta.length; i++) momenta[i] = -momenta[i];
    }

    private void updateMomenta(double dt) {
        gauge.force(field, gaugeForce, par);
        fermion.force(field, fermionForce);
        for (int i = 0; i < momenta.length; i++) momenta[i] += dt * (gaugeForce[i] + fermionForce[i]);
    }

    private void updateLinks(double dt) {
        GaugeGroup g = field.group();
        int ms = g.matrixSize(), dim = g.algebraDimension();
        double[] u = field.links(), rot = new double[ms], tmp = new double[ms];
        for (int link = 0; link < field.lattice().links(); link++) {
            g.expI(momenta, link * dim, dt, rot, 0);
            CMat.mul(g.n(), rot, 0, u, link * ms, tmp, 0);
            System.arraycopy(tmp, 0, u, link * ms, ms);
        }
    }
}
