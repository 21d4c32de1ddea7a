package org.latticespark.generation.hmc;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * Phase space (U, p) of the gauge field with H = Σ ½ (p^a)² + Σ_i S_i[U]. The momenta are real
 * coefficients p[(site·d+μ)·dim + a] of P = Σ p^a T^a; the link update is U ← exp(i ε P) U.
 *
 * <p>The action terms are grouped in time-scale levels, level 0 the coarsest: a nested integrator updates the
 * momenta with the forces of one level at a time (Sexton–Weingarten), so the cheap gauge force can sit on the
 * finest level and the expensive fermion forces on coarser ones.
 */
public final class MolecularDynamics {
    private static final ThreadLocal<double[]> WORK = ThreadLocal.withInitial(() -> new double[2 * 128]);

    private final GaugeField field;
    private final List<List<Monomial>> levels;
    private final Parallelism par;
    private final double[] momenta;
    private final double[] force;
    private final int dim;

    /** Pure gauge: one level holding the Wilson gauge action. */
    public MolecularDynamics(GaugeField field, WilsonGaugeAction action, Parallelism par) {
        this(field, List.of(List.of(new GaugeMonomial(action, par))), par);
    }

    /** @param levels the action terms of each time scale, coarsest first; none may be empty */
    public MolecularDynamics(GaugeField field, List<List<Monomial>> levels, Parallelism par) {
        if (levels == null || levels.isEmpty()) throw new IllegalArgumentException("need at least one time-scale level");
        List<List<Monomial>> copy = new ArrayList<>();
        for (List<Monomial> level : levels) {
            if (level == null || level.isEmpty()) throw new IllegalArgumentException("time-scale level without terms");
            copy.add(List.copyOf(level));
        }
        this.field = field;
        this.levels = List.copyOf(copy);
        this.par = par;
        this.dim = field.group().algebraDimension();
        this.momenta = new double[field.lattice().links() * dim];
        this.force = new double[momenta.length];
    }

    public GaugeField field() { return field; }

    public double[] momenta() { return momenta; }

    /** The number of time-scale levels. */
    public int levels() { return levels.size(); }

    public List<Monomial> level(int level) { return levels.get(level); }

    /** p^a ~ N(0, 1), addressed by (link, trajectory). */
    public void refreshMomenta(RandomStream stream, long trajectory) {
        int purpose = Purpose.of(Purpose.MOMENTUM, 0);
        par.forEach(field.lattice().links(), link -> {
            var rng = stream.at(link, trajectory, purpose);
            for (int a = 0; a < dim; a++) momenta[link * dim + a] = rng.gaussian();
        });
    }

    /** Draws the pseudofermions of every term for {@code trajectory}. */
    public void refreshPseudofermions(RandomStream stream, long trajectory) {
        for (List<Monomial> level : levels) {
            for (Monomial m : level) m.refresh(field, stream, trajectory);
        }
    }

    public double kineticEnergy() {
        return 0.5 * par.sum(momenta.length, i -> momenta[i] * momenta[i]);
    }

    /** Σ_i S_i over all levels. */
    public double potential() {
        double s = 0;
        for (List<Monomial> level : levels) {
            for (Monomial m : level) s += m.action(field);
        }
        return s;
    }

    public double hamiltonian() {
        return kineticEnergy() + potential();
    }

    /** p ← p + dt · F with the forces of every level (the single-scale update). */
    public void updateMomenta(double dt) {
        for (int l = 0; l < levels.size(); l++) updateMomenta(l, dt);
    }

    /** p ← p + dt · F_level, the sum of the forces of the terms on {@code level}. */
    public void updateMomenta(int level, double dt) {
        for (Monomial m : levels.get(level)) {
            m.force(field, force);
            par.forEach(momenta.length, i -> momenta[i] += dt * force[i]);
        }
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

    /** Krylov iterations spent by all terms since they were made. */
    public long solverIterations() {
        long n = 0;
        for (List<Monomial> level : levels) {
            for (Monomial m : level) n += m.solverIterations();
        }
        return n;
    }
}
