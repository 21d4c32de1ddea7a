package org.latticespark.generation.hmc.fermion;

import java.util.Arrays;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.generation.hmc.fermion.StaggeredRationalApproximations.Fractions;
import org.latticespark.lattice.fermion.staggered.StaggeredEvenNormalOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.MultiShiftCg;
import org.latticespark.lattice.solver.MultiShiftResult;

/**
 * One staggered RHMC pseudofermion for Nf flavours: the weight det A^{Nf/T} with A = m² − D_eo D_oe on the even
 * sites ({@link StaggeredOperator#evenNormal()}) and T = 2^{d/2} tastes per staggered field (4 in 4d, so Nf = 1,
 * 2, 3 are the fourth-root-trick powers 1/4, 1/2, 3/4 of the Nf = 4 determinant). The rational functions and their
 * errors are in {@link StaggeredRationalApproximations}.
 *
 * <p>Action S = φ† r(A) φ = α₀ |φ|² + Σ_k α_k Re φ†X_k with X_k = (A + β_k)⁻¹ φ, r ≈ x^{−Nf/T}: exact for
 * ∫dφ e^{−S} ∝ det r(A)⁻¹, which equals det A^{Nf/T} up to the relative error of r per eigenvalue.
 *
 * <p>Heat bath: φ = r'(A) χ with r' ≈ x^{Nf/(2T)}, χ a complex Gaussian on the even sites with ⟨|χ|²⟩ = 1 per
 * colour component (real and imaginary parts N(0, ½)), drawn at element = the lexicographic site, update =
 * trajectory, purpose = (PSEUDOFERMION, index). Then S = χ† r'(A) r(A) r'(A) χ = |χ|² up to the combined
 * rational error, a Gamma(V N/2, 1) variable.
 *
 * <p>Force in the convention and layout of {@link org.latticespark.lattice.action.WilsonGaugeAction#force}:
 * F^a_μ(n) = −∂S/∂ω^a for U_μ(n) → exp(iω^a T^a) U_μ(n). Since ∂(A + β)⁻¹ = −(A + β)⁻¹ (∂A) (A + β)⁻¹,
 * ∂S = −Σ_k α_k X_k†(∂A)X_k = Σ_k α_k · 2 Re X_k†(∂D_eo) Y_k with Y_k = D_oe X_k: the α_k-weighted sum of the
 * Nf = 4 force of each X_k ({@link StaggeredPseudofermion}). The force uses r_F and its own multi-shift solver,
 * both possibly looser than those of the action: every solve starts from x = 0, so the force is a deterministic
 * function of the links and the molecular dynamics stays exactly reversible; the Metropolis test uses r.
 *
 * <p>Keeps work vectors (one half-vector per shift): not for use from two threads at once.
 */
public final class StaggeredRationalPseudofermion implements Monomial {
    private final Lattice lattice;
    private final GaugeGroup group;
    private final StaggeredRationalApproximations approximations;
    private final int index;
    private final MultiShiftCg solver;
    private final MultiShiftCg forceSolver;
    private final Parallelism par;
    private final StaggeredForceKernel kernel;
    private final double[] phi;
    private final double[] chi;
    private final double[] y;
    private final double[][] solutions;
    private final double[] kernelForce;
    private GaugeField boundField;
    private StaggeredOperator operator;
    private StaggeredEvenNormalOperator normal;
    private MultiShiftResult lastSolve;
    private long applications;

    /** All three approximations with {@link StaggeredRationalApproximations#DEFAULT_TOLERANCE}, one solver. */
    public StaggeredRationalPseudofermion(Lattice lattice, GaugeGroup group, double mass, int flavours, int index,
                                          MultiShiftCg solver, Parallelism par) {
        this(lattice, group, index, StaggeredRationalApproximations.create(checkLattice(lattice).dimensions(),
                flavours, mass, StaggeredRationalApproximations.DEFAULT_TOLERANCE), solver, solver, par);
    }

    /**
     * @param index          the pseudofermion's number within a run (the sub-step of its random-number purpose),
     *                       0…65535
     * @param approximations built for this lattice's dimension; carries the mass and Nf
     * @param solver         the multi-shift solver of the action and the heat bath: its tolerance (with the
     *                       rational error) bounds the error of ΔH and of the φ distribution
     * @param forceSolver    the multi-shift solver of the force; may be looser (see above)
     */
    public StaggeredRationalPseudofermion(Lattice lattice, GaugeGroup group, int index,
                                          StaggeredRationalApproximations approximations, MultiShiftCg solver,
                                          MultiShiftCg forceSolver, Parallelism par) {
        checkLattice(lattice);
        if (group == null) throw new IllegalArgumentException("group must not be null");
        if (approximations == null) throw new IllegalArgumentException("rational approximations must not be null");
        if (solver == null || forceSolver == null || par == null) {
            throw new IllegalArgumentException("solvers and parallelism must not be null");
        }
        if (approximations.dimensions() != lattice.dimensions()) {
            throw new IllegalArgumentException("rational approximations were made for " + approximations.dimensions()
                    + "d, the lattice " + lattice + " has " + lattice.dimensions());
        }
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("pseudofermion index must be in 0…65535, got " + index);
        }
        this.lattice = lattice;
        this.group = group;
        this.approximations = approximations;
        this.index = index;
        this.solver = solver;
        this.forceSolver = forceSolver;
        this.par = par;
        this.kernel = new StaggeredForceKernel(lattice, group);
        int half = lattice.volume() / 2 * 2 * group.n();
        this.phi = new double[half];
        this.chi = new double[half];
        this.y = new double[half];
        int shifts = Math.max(approximations.action().degree(),
                Math.max(approximations.heatbath().degree(), approximations.force().degree()));
        this.solutions = new double[shifts][half];
        this.kernelForce = new double[lattice.links() * group.algebraDimension()];
    }

    private static Lattice checkLattice(Lattice lattice) {
        if (lattice == null) throw new IllegalArgumentException("lattice must not be null");
        for (int mu = 0; mu < lattice.dimensions(); mu++) {
            if (lattice.extent(mu) % 2 != 0) {
                throw new IllegalArgumentException("staggered fermions need even extents, got L_" + mu + " = "
                        + lattice.extent(mu) + " on " + lattice);
            }
        }
        return lattice;
    }

    public double mass() { return approximations.mass(); }

    public int flavours() { return approximations.flavours(); }

    public StaggeredRationalApproximations approximations() { return approximations; }

    @Override
    public String name() {
        return "staggered rhmc Nf=" + approximations.flavours() + " m=" + approximations.mass();
    }

    /** Operator applications of all multi-shift solves (base iterations, true-residual checks, any polishing). */
    @Override
    public long solverIterations() { return applications; }

    @Override
    public void refresh(GaugeField u, RandomStream stream, long trajectory) { heatbath(u, stream, trajectory); }

    /** φ on the even sites (V/2·N·2 doubles, order of {@code lattice.sitesOfParity(0)}); the live array. */
    public double[] phi() { return phi; }

    /** The outcome of the latest multi-shift solve, or null before the first. */
    public MultiShiftResult lastSolve() { return lastSolve; }

    /** Number of complex degrees of freedom of φ, V/2·N: the mean and the variance of S right after the heat bath. */
    public int complexDegreesOfFreedom() { return phi.length / 2; }

    /** Draws φ = r'(A) χ as described above; throws if the multi-shift solve does not converge. */
    public void heatbath(GaugeField u, RandomStream stream, long trajectory) {
        bind(u);
        EvenSiteNoise.draw(lattice, stream, trajectory, index, chi, par);
        Fractions r = approximations.heatbath();
        double[][] x = solve(r, chi, solver, "heat bath");
        double a0 = r.alpha0();
        par.forEach(phi.length, j -> phi[j] = a0 * chi[j]);
        for (int k = 0; k < x.length; k++) axpy(r.alpha(k), x[k], phi);
    }

    /** S = φ† r(A) φ for the links of {@code u}; throws if the multi-shift solve does not converge. */
    @Override
    public double action(GaugeField u) {
        bind(u);
        Fractions r = approximations.action();
        double[][] x = solve(r, phi, solver, "action");
        double s = r.alpha0() * par.sum(phi.length, j -> phi[j] * phi[j]);
        for (int k = 0; k < x.length; k++) {
            double[] xk = x[k];
            s += r.alpha(k) * par.sum(phi.length, j -> phi[j] * xk[j]);
        }
        return s;
    }

    /** Writes F^a_μ(n) = −∂S/∂ω^a for every link (layout above); throws if the multi-shift solve does not converge. */
    @Override
    public void force(GaugeField u, double[] force) {
        if (force == null || force.length != kernelForce.length) {
            throw new IllegalArgumentException("force array must have " + kernelForce.length + " doubles, got "
                    + (force == null ? "null" : force.length));
        }
        bind(u);
        Fractions r = approximations.force();
        double[][] x = solve(r, phi, forceSolver, "force");
        par.forEach(force.length, i -> force[i] = 0.0);
        for (int k = 0; k < x.length; k++) {
            operator.applyOddEven(x[k], y);
            kernel.force(u, x[k], y, kernelForce, par);
            axpy(r.alpha(k), kernelForce, force);
        }
    }

    /** X_k = (A + β_k)⁻¹ b from x = 0 for every shift of f; returns views of the work vectors. */
    private double[][] solve(Fractions f, double[] b, MultiShiftCg cg, String what) {
        double[][] x = Arrays.copyOf(solutions, f.degree());
        lastSolve = cg.solve(normal, f.shifts(), b, x);
        applications += lastSolve.applications();
        lastSolve.requireConverged("staggered RHMC " + what + " multi-shift CG (Nf = " + approximations.flavours()
                + ", m = " + approximations.mass() + ")");
        return x;
    }

    private void axpy(double a, double[] x, double[] target) {
        par.forEach(target.length, j -> target[j] += a * x[j]);
    }

    private void bind(GaugeField u) {
        if (u == null) throw new IllegalArgumentException("gauge field must not be null");
        if (u == boundField) return;
        if (!u.lattice().equals(lattice) || !u.group().equals(group)) {
            throw new IllegalArgumentException("gauge field is " + u.group() + " on " + u.lattice()
                    + ", the pseudofermion was made for " + group + " on " + lattice);
        }
        operator = new StaggeredOperator(u, approximations.mass(), par);
        normal = operator.evenNormal();
        boundField = u;
    }
}
