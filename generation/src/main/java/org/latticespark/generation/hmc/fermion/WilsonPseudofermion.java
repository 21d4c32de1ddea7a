package org.latticespark.generation.hmc.fermion;

import java.util.Arrays;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.wilson.GammaBasis;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.SolverResult;

/**
 * Two degenerate Wilson flavours (Nf = 2) by one even–odd preconditioned pseudofermion. With M = 1 − κH in
 * (even, odd) blocks, M = [[1, −κH_eo], [−κH_oe, 1]], one has det M = det Ŝ with the Schur complement
 * Ŝ = 1 − κ² H_eo H_oe on the even sites ({@link WilsonEvenOdd#schur()}), hence det(M†M) = det(Ŝ†Ŝ) exactly
 * (no clover term: M_ee = M_oo = 1), and
 * <pre>
 * S_f = φ† (Ŝ†Ŝ)⁻¹ φ,   ∫dφ e^{−S_f} ∝ det(Ŝ†Ŝ) = det(M†M),
 * </pre>
 * with φ on the even sites (V/2·S·N complex numbers, S = 4 spins in 4d and 2 in 2d, order of
 * {@code lattice.sitesOfParity(0)}, each site spin-major then colour).
 *
 * <p>Heat bath: φ = Ŝ† χ, χ on the even sites with every component complex Gaussian, real and imaginary parts
 * N(0, ½) (⟨|χ|²⟩ = 1); then S_f = χ†χ, a Gamma(V/2·S·N, 1) variable. χ(site) is drawn from
 * {@code stream.at(site, trajectory, Purpose.of(PSEUDOFERMION, index))} with the lexicographic site index, 2·S·N
 * Gaussians in field order, as {@link StaggeredPseudofermion}.
 *
 * <p>Force, in the convention and layout of {@link org.latticespark.lattice.action.WilsonGaugeAction#force}
 * (F^a_μ(n) = −∂S_f/∂ω^a for U_μ(n) → exp(iω^a T^a) U_μ(n), force[(site·d+μ)·dim + a]): with X = (Ŝ†Ŝ)⁻¹φ and
 * Y = ŜX, ∂S_f = −2 Re Y†(∂Ŝ)X and ∂Ŝ = −κ²(∂H_eo H_oe + H_eo ∂H_oe), so F = −2κ² ∂ Re(L† H R) with the full
 * fields L = (Y, (H†)_oe Y), R = (X, H_oe X) ({@link WilsonForceKernel}).
 *
 * <p>The action and force are solved by CG on Ŝ†Ŝ from x = 0, so the force is a function of the links alone and the
 * molecular dynamics stays exactly reversible; both are accurate to the CG tolerance. Keeps work vectors: not for use
 * from two threads at once.
 */
public final class WilsonPseudofermion implements Monomial {
    /** The kind of the random-number purpose of the pseudofermion heat bath. */
    public static final int PURPOSE_KIND = Purpose.PSEUDOFERMION;

    private final Lattice lattice;
    private final GaugeGroup group;
    private final double kappa;
    private final int index;
    private final ConjugateGradient cg;
    private final ConjugateGradient forceCg;
    private final Parallelism par;
    private final WilsonForceKernel kernel;
    private final double[] phi;
    private final double[] chi;
    private final double[] x;
    private final double[] y;
    private GaugeField boundField;
    private WilsonEvenOdd evenOdd;
    private LinearOperator schur;
    private LinearOperator normal;
    private SolverResult lastSolve;
    private long iterations;

    /** @param index the pseudofermion's number within a run (the sub-step of its random-number purpose), 0…65535 */
    public WilsonPseudofermion(Lattice lattice, GaugeGroup group, double kappa, int index, ConjugateGradient cg,
                               Parallelism par) {
        this(lattice, group, kappa, index, cg, cg, par);
    }

    /**
     * @param cg      the solver of the action (the Metropolis test): its tolerance bounds the error of ΔH
     * @param forceCg the solver of the force; a looser tolerance keeps the algorithm exact, since every solve starts
     *                from zero and the force stays a deterministic function of the links
     */
    public WilsonPseudofermion(Lattice lattice, GaugeGroup group, double kappa, int index, ConjugateGradient cg,
                               ConjugateGradient forceCg, Parallelism par) {
        checkSetup(lattice, group, cg, forceCg, par, index);
        checkKappa("kappa", kappa);
        this.lattice = lattice;
        this.group = group;
        this.kappa = kappa;
        this.index = index;
        this.cg = cg;
        this.forceCg = forceCg;
        this.par = par;
        this.kernel = new WilsonForceKernel(lattice, group);
        int half = kernel.fullLength() / 2;
        this.phi = new double[half];
        this.chi = new double[half];
        this.x = new double[half];
        this.y = new double[half];
    }

    public double kappa() { return kappa; }

    @Override
    public String name() { return "wilson Nf=2 kappa=" + kappa; }

    @Override
    public long solverIterations() { return iterations; }

    @Override
    public void refresh(GaugeField u, RandomStream stream, long trajectory) { heatbath(u, stream, trajectory); }

    /** φ on the even sites (V/2·2·S·N doubles); the live array. */
    public double[] phi() { return phi; }

    /** The outcome of the latest CG solve, or null before the first. */
    public SolverResult lastSolve() { return lastSolve; }

    /** V/2·S·N, the complex components of φ: the mean and the variance of S_f right after the heat bath. */
    public int complexDegreesOfFreedom() { return phi.length / 2; }

    /** Draws φ = Ŝ† χ (class comment). */
    public void heatbath(GaugeField u, RandomStream stream, long trajectory) {
        bind(u);
        EvenSiteNoise.draw(lattice, stream, trajectory, index, chi, par);
        schur.applyDagger(chi, phi);
    }

    /** S_f = φ† (Ŝ†Ŝ)⁻¹ φ for the links of {@code u}, by CG from zero; throws if CG does not converge. */
    @Override
    public double action(GaugeField u) {
        solve(u, cg);
        return par.sum(phi.length, j -> phi[j] * x[j]);
    }

    /** Writes F^a_μ(n) = −∂S_f/∂ω^a for every link (layout above); throws if CG does not converge. */
    @Override
    public void force(GaugeField u, double[] force) {
        checkForce(lattice, group, force);
        solve(u, forceCg);
        schur.apply(x, y);
        kernel.schurDerivative(u, evenOdd, y, x, -2 * kappa * kappa, force, par);
    }

    private void solve(GaugeField u, ConjugateGradient solver) {
        bind(u);
        Arrays.fill(x, 0.0);
        lastSolve = solver.solve(normal, phi, x);
        iterations += lastSolve.iterations();
        lastSolve.requireConverged("Wilson pseudofermion CG (kappa = " + kappa + ")");
    }

    private void bind(GaugeField u) {
        if (u == boundField) return;
        checkField(lattice, group, u);
        evenOdd = new WilsonEvenOdd(u, kappa, par);
        schur = evenOdd.schur();
        normal = normal(schur);
        boundField = u;
    }

    /** Ŝ†Ŝ for CG, with one scratch vector: not for use from two threads at once. */
    static LinearOperator normal(LinearOperator s) {
        double[] scratch = new double[s.length()];
        return new LinearOperator() {
            @Override
            public int length() { return s.length(); }

            @Override
            public void apply(double[] in, double[] out) {
                s.apply(in, scratch);
                s.applyDagger(scratch, out);
            }

            @Override
            public void applyDagger(double[] in, double[] out) { apply(in, out); }
        };
    }

    static void checkSetup(Lattice lattice, GaugeGroup group, ConjugateGradient cg, ConjugateGradient forceCg,
                           Parallelism par, int index) {
        if (lattice == null || group == null) throw new IllegalArgumentException("lattice and group must not be null");
        if (cg == null || forceCg == null || par == null) {
            throw new IllegalArgumentException("solver and parallelism must not be null");
        }
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("pseudofermion index must be in 0…65535, got " + index);
        }
        GammaBasis.of(lattice.dimensions());
        for (int mu = 0; mu < lattice.dimensions(); mu++) {
            if (lattice.extent(mu) % 2 != 0) {
                throw new IllegalArgumentException("even-odd Wilson fermions need even extents, got L_" + mu + " = "
                        + lattice.extent(mu) + " on " + lattice);
            }
        }
    }

    static void checkKappa(String what, double kappa) {
        if (!(Double.isFinite(kappa) && kappa > 0)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + kappa);
        }
    }

    static void checkField(Lattice lattice, GaugeGroup group, GaugeField u) {
        if (u == null) throw new IllegalArgumentException("gauge field must not be null");
        if (!u.lattice().equals(lattice) || !u.group().equals(group)) {
            throw new IllegalArgumentException("gauge field is " + u.group() + " on " + u.lattice()
                    + ", the pseudofermion was made for " + group + " on " + lattice);
        }
    }

    static void checkForce(Lattice lattice, GaugeGroup group, double[] force) {
        int need = lattice.links() * group.algebraDimension();
        if (force == null || force.length != need) {
            throw new IllegalArgumentException("force array must have " + need + " doubles, got "
                    + (force == null ? "null" : force.length));
        }
    }
}
