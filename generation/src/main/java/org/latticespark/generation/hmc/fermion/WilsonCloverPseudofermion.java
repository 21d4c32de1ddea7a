package org.latticespark.generation.hmc.fermion;

import java.util.Arrays;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.wilson.CloverTerm;
import org.latticespark.lattice.fermion.wilson.WilsonCloverEvenOdd;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.SolverResult;

/**
 * Two degenerate Wilson–clover flavours (Nf = 2) by one even–odd preconditioned pseudofermion. With
 * M = A − κH ({@link CloverTerm}: A = 1 + i c_SW κ Σ_{μ&lt;ν} σ_μν F̂_μν, Hermitian and site-diagonal) in
 * (even, odd) blocks, det M = det A_oo · det Ŝ with Ŝ = A_ee − κ² H_eo A_oo⁻¹ H_oe ({@link WilsonCloverEvenOdd#schur()}),
 * hence det(M†M) = (det A_oo)² det(Ŝ†Ŝ) and
 * <pre>
 * S = S_pf + S_det,   S_pf = φ† (Ŝ†Ŝ)⁻¹ φ,   S_det = −2 ln|det A_oo| = −2 {@link CloverTerm#logDet}(1),
 * </pre>
 * φ on the even sites as in {@link WilsonPseudofermion}. A_oo is Hermitian, so det A_oo is real and
 * (det A_oo)² = exp(2 ln|det A_oo|) holds whatever the signs of the chiral block determinants: the weight is exact
 * even when some blocks are not positive ({@link #negativeDeterminants}), and d ln|det B| = tr(B⁻¹ dB) everywhere
 * B is invertible, so the force is too (a singular block throws). At c_SW = 0 this is {@link WilsonPseudofermion}.
 *
 * <p>Heat bath: φ = Ŝ† χ with χ drawn exactly as in {@link WilsonPseudofermion} (even sites, re, im ~ N(0, ½),
 * {@code stream.at(site, trajectory, Purpose.of(PSEUDOFERMION, index))}); then S_pf = χ†χ ~ Gamma(V/2·S·N, 1).
 *
 * <p>Force F^a_μ(n) = −∂S/∂ω^a for U_μ(n) → exp(iω^a T^a) U_μ(n) (layout of
 * {@link org.latticespark.lattice.action.WilsonGaugeAction#force}). With X = (Ŝ†Ŝ)⁻¹φ, Y = ŜX (even sites) and
 * the full fields R = (X, κ A_oo⁻¹ H_oe X), L = (Y, κ A_oo⁻¹ (H†)_oe Y), one has Y†(δŜ)X = L†(δM)R exactly
 * (δA_oo⁻¹ = −A_oo⁻¹ δA_oo A_oo⁻¹ gives the odd-site clover term), so δS_pf = −2 Re L†(δA − κ δH)R and
 * δS_det = −2 Σ_{n odd} tr[A⁻¹(n) δA(n)]. With δA(n) = i c_SW κ Σ σ_μν ⊗ δF̂_μν(n):
 * <pre>
 * F = −2κ ∂Re(L†HR) + 2 ∂ Re Σ_n Σ_{μ&lt;ν} tr[C_μν(n) F̂_μν(n)],   C_μν(n) = i c_SW κ (Θ_μν(n) + [n odd] Λ_μν(n)),
 * </pre>
 * Θ from the spin-colour outer products of R and L, Λ = tr_spin[σ_μν A⁻¹(n)] ({@link CloverForceKernel}); the
 * hopping part is {@link WilsonForceKernel}.
 *
 * <p>The clover blocks are recomputed from the links at the start of every heat bath, action and force (the links
 * move between calls during molecular dynamics; the update is cheap next to a solve). Solves are CG on Ŝ†Ŝ from
 * x = 0, so the force is a function of the links alone and the molecular dynamics stays exactly reversible. Keeps
 * work vectors: not for use from two threads at once.
 */
public final class WilsonCloverPseudofermion implements Monomial {
    private final Lattice lattice;
    private final GaugeGroup group;
    private final double kappa;
    private final double cSw;
    private final int index;
    private final ConjugateGradient cg;
    private final ConjugateGradient forceCg;
    private final Parallelism par;
    private final WilsonForceKernel hopping;
    private final CloverForceKernel leaves;
    private final double[] phi;
    private final double[] chi;
    private final double[] x;
    private final double[] y;
    private final double[] odd;
    private final double[] oddInverse;
    private final double[] left;
    private final double[] right;
    private GaugeField boundField;
    private CloverTerm clover;
    private WilsonCloverEvenOdd evenOdd;
    private LinearOperator schur;
    private LinearOperator normal;
    private SolverResult lastSolve;
    private long iterations;

    /** @param index the pseudofermion's number within a run (the sub-step of its random-number purpose), 0…65535 */
    public WilsonCloverPseudofermion(Lattice lattice, GaugeGroup group, double kappa, double cSw, int index,
                                     ConjugateGradient cg, Parallelism par) {
        this(lattice, group, kappa, cSw, index, cg, cg, par);
    }

    /**
     * @param cg      the solver of the action (the Metropolis test): its tolerance bounds the error of ΔH
     * @param forceCg the solver of the force; every solve starts from zero, so a looser tolerance keeps the algorithm
     *                exact
     */
    public WilsonCloverPseudofermion(Lattice lattice, GaugeGroup group, double kappa, double cSw, int index,
                                     ConjugateGradient cg, ConjugateGradient forceCg, Parallelism par) {
        WilsonPseudofermion.checkSetup(lattice, group, cg, forceCg, par, index);
        WilsonPseudofermion.checkKappa("kappa", kappa);
        if (!Double.isFinite(cSw)) throw new IllegalArgumentException("c_SW must be finite, got " + cSw);
        this.lattice = lattice;
        this.group = group;
        this.kappa = kappa;
        this.cSw = cSw;
        this.index = index;
        this.cg = cg;
        this.forceCg = forceCg;
        this.par = par;
        this.hopping = new WilsonForceKernel(lattice, group);
        this.leaves = new CloverForceKernel(lattice, group);
        int full = hopping.fullLength();
        this.phi = new double[full / 2];
        this.chi = new double[full / 2];
        this.x = new double[full / 2];
        this.y = new double[full / 2];
        this.odd = new double[full / 2];
        this.oddInverse = new double[full / 2];
        this.left = new double[full];
        this.right = new double[full];
    }

    public double kappa() { return kappa; }

    public double cSw() { return cSw; }

    @Override
    public String name() { return "wilson-clover Nf=2 kappa=" + kappa + " csw=" + cSw; }

    @Override
    public long solverIterations() { return iterations; }

    @Override
    public void refresh(GaugeField u, RandomStream stream, long trajectory) { heatbath(u, stream, trajectory); }

    /** φ on the even sites (V/2·2·S·N doubles); the live array. */
    public double[] phi() { return phi; }

    /** The outcome of the latest CG solve, or null before the first. */
    public SolverResult lastSolve() { return lastSolve; }

    /** V/2·S·N, the complex components of φ: the mean and the variance of S_pf right after the heat bath. */
    public int complexDegreesOfFreedom() { return phi.length / 2; }

    /** Draws φ = Ŝ† χ (class comment). */
    public void heatbath(GaugeField u, RandomStream stream, long trajectory) {
        bind(u);
        EvenSiteNoise.draw(lattice, stream, trajectory, index, chi, par);
        schur.applyDagger(chi, phi);
    }

    /** S = S_pf + S_det for the links of {@code u}; throws if CG does not converge. */
    @Override
    public double action(GaugeField u) {
        solve(u, cg);
        return par.sum(phi.length, j -> phi[j] * x[j]) - 2 * clover.logDet(1);
    }

    /** S_pf = φ† (Ŝ†Ŝ)⁻¹ φ, by CG from zero. */
    public double pseudofermionAction(GaugeField u) {
        solve(u, cg);
        return par.sum(phi.length, j -> phi[j] * x[j]);
    }

    /** S_det = −2 ln|det A_oo|, the odd-site clover blocks. */
    public double logDetAction(GaugeField u) {
        bind(u);
        return -2 * clover.logDet(1);
    }

    /** Blocks of A_oo with a negative determinant for the links of {@code u} (a diagnostic; the action allows them). */
    public int negativeDeterminants(GaugeField u) {
        bind(u);
        return clover.negativeDeterminants(1);
    }

    /** Writes F = −∂S/∂ω (class comment); throws if CG does not converge. */
    @Override
    public void force(GaugeField u, double[] force) { force(u, force, true, true); }

    /** Writes −∂S_pf/∂ω alone. */
    public void pseudofermionForce(GaugeField u, double[] force) { force(u, force, true, false); }

    /** Writes −∂S_det/∂ω alone. */
    public void logDetForce(GaugeField u, double[] force) { force(u, force, false, true); }

    private void force(GaugeField u, double[] force, boolean pseudofermion, boolean logDet) {
        WilsonPseudofermion.checkForce(lattice, group, force);
        if (pseudofermion) {
            pseudofermionFields(u);
            hopping.derivative(u, left, right, -2 * kappa, force, par);
        } else {
            bind(u);
            Arrays.fill(force, 0.0);
        }
        if (cSw == 0) return;
        leaves.clear();
        if (pseudofermion) leaves.addOuterProducts(left, right, 0, cSw * kappa, par);
        if (logDet) leaves.addInverseTraces(clover, 1, 0, cSw * kappa, par);
        leaves.addDerivative(u, 2, force, par);
    }

    /** Solves for X, then fills right = R = (X, κ A_oo⁻¹ H_oe X) and left = L = (ŜX, κ A_oo⁻¹ (H†)_oe ŜX). */
    private void pseudofermionFields(GaugeField u) {
        solve(u, forceCg);
        schur.apply(x, y);
        fill(x, false, right);
        fill(y, true, left);
    }

    private void fill(double[] even, boolean dagger, double[] full) {
        evenOdd.insert(even, 0, full);
        evenOdd.hoppingOddEven(even, odd, dagger);
        clover.applyInverse(1, odd, oddInverse);
        par.forEach(oddInverse.length, j -> oddInverse[j] *= kappa);
        evenOdd.insert(oddInverse, 1, full);
    }

    private void solve(GaugeField u, ConjugateGradient solver) {
        bind(u);
        Arrays.fill(x, 0.0);
        lastSolve = solver.solve(normal, phi, x);
        iterations += lastSolve.iterations();
        lastSolve.requireConverged("Wilson-clover pseudofermion CG (kappa = " + kappa + ", c_SW = " + cSw + ")");
    }

    /** Binds to {@code u} and brings the clover blocks up to date with its current links. */
    private void bind(GaugeField u) {
        if (u == boundField) {
            clover.update();
            return;
        }
        WilsonPseudofermion.checkField(lattice, group, u);
        clover = new CloverTerm(u, kappa, cSw, par);
        evenOdd = new WilsonCloverEvenOdd(clover);
        schur = evenOdd.schur();
        normal = WilsonPseudofermion.normal(schur);
        boundField = u;
    }
}
