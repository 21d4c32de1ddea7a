package org.latticespark.generation.hmc.fermion;

import java.util.Arrays;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.SolverResult;

/**
 * Hasenbusch mass preconditioning of two Wilson flavours: the ratio det(Ŝ†Ŝ)/det(Ŝ_h†Ŝ_h) of the even–odd Schur
 * complements Ŝ = 1 − κ² H_eo H_oe at the target κ and Ŝ_h at a heavier κ_h &lt; κ, by one pseudofermion on the
 * even sites:
 * <pre>
 * S_f = φ† Ŝ_h (Ŝ†Ŝ)⁻¹ Ŝ_h† φ,   ∫dφ e^{−S_f} ∝ det(Ŝ†Ŝ) / det(Ŝ_h†Ŝ_h).
 * </pre>
 * Together with a {@link WilsonPseudofermion} at κ_h (another index) the product is det(Ŝ†Ŝ) = det(M†M); the ratio
 * is close to 1 in fluctuation, so its force is small and can sit on the coarsest time scale.
 *
 * <p>Heat bath: φ = (Ŝ_h†)⁻¹ Ŝ† χ with χ as in {@link WilsonPseudofermion} (same keying, by this term's index), so
 * that S_f = χ†χ, Gamma(V/2·S·N, 1). The inverse is φ = Ŝ_h z with (Ŝ_h†Ŝ_h) z = Ŝ†χ by CG (the action's solver):
 * the residual of Ŝ_h†φ = Ŝ†χ is exactly the CG residual.
 *
 * <p>Force (layout and convention of {@link org.latticespark.lattice.action.WilsonGaugeAction#force}): with
 * ψ = Ŝ_h†φ, X = (Ŝ†Ŝ)⁻¹ψ, Y = ŜX, ∂S_f = 2 Re φ†(∂Ŝ_h)X − 2 Re Y†(∂Ŝ)X. Both derivatives have the form
 * −κ² ∂ Re(L† H R) with the same R = (X, H_oe X), so F = −2 ∂ Re(L† H R) with L built from the even field
 * l = κ²Y − κ_h²φ ({@link WilsonForceKernel#schurDerivative}).
 *
 * <p>Every solve starts from zero (reversibility); not for use from two threads at once.
 */
public final class WilsonHasenbuschRatio implements Monomial {
    private final Lattice lattice;
    private final GaugeGroup group;
    private final double kappa;
    private final double kappaH;
    private final int index;
    private final ConjugateGradient cg;
    private final ConjugateGradient forceCg;
    private final Parallelism par;
    private final WilsonForceKernel kernel;
    private final double[] phi;
    private final double[] chi;
    private final double[] psi;
    private final double[] x;
    private final double[] y;
    private GaugeField boundField;
    private WilsonEvenOdd evenOdd;
    private LinearOperator schur;
    private LinearOperator normal;
    private LinearOperator schurH;
    private LinearOperator normalH;
    private SolverResult lastSolve;
    private long iterations;

    /** @param kappaH the heavier κ_h, 0 &lt; κ_h &lt; κ */
    public WilsonHasenbuschRatio(Lattice lattice, GaugeGroup group, double kappa, double kappaH, int index,
                                 ConjugateGradient cg, Parallelism par) {
        this(lattice, group, kappa, kappaH, index, cg, cg, par);
    }

    /**
     * @param kappaH  the heavier κ_h, 0 &lt; κ_h &lt; κ
     * @param cg      the solver of the action and of the heat bath
     * @param forceCg the solver of the force (may be looser, see {@link WilsonPseudofermion})
     */
    public WilsonHasenbuschRatio(Lattice lattice, GaugeGroup group, double kappa, double kappaH, int index,
                                 ConjugateGradient cg, ConjugateGradient forceCg, Parallelism par) {
        WilsonPseudofermion.checkSetup(lattice, group, cg, forceCg, par, index);
        WilsonPseudofermion.checkKappa("kappa", kappa);
        WilsonPseudofermion.checkKappa("Hasenbusch kappa", kappaH);
        if (!(kappaH < kappa)) {
            throw new IllegalArgumentException("Hasenbusch kappa must be below kappa = " + kappa + ", got " + kappaH);
        }
        this.lattice = lattice;
        this.group = group;
        this.kappa = kappa;
        this.kappaH = kappaH;
        this.index = index;
        this.cg = cg;
        this.forceCg = forceCg;
        this.par = par;
        this.kernel = new WilsonForceKernel(lattice, group);
        int half = kernel.fullLength() / 2;
        this.phi = new double[half];
        this.chi = new double[half];
        this.psi = new double[half];
        this.x = new double[half];
        this.y = new double[half];
    }

    public double kappa() { return kappa; }

    public double hasenbuschKappa() { return kappaH; }

    @Override
    public String name() { return "wilson Nf=2 hasenbusch kappa=" + kappa + "/" + kappaH; }

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

    /** Draws φ = (Ŝ_h†)⁻¹ Ŝ† χ (class comment); throws if CG does not converge. */
    public void heatbath(GaugeField u, RandomStream stream, long trajectory) {
        bind(u);
        EvenSiteNoise.draw(lattice, stream, trajectory, index, chi, par);
        schur.applyDagger(chi, psi);
        run(cg, normalH, psi, "heat bath (kappa_h = " + kappaH + ")");
        schurH.apply(x, phi);
    }

    /** S_f = ψ† (Ŝ†Ŝ)⁻¹ ψ with ψ = Ŝ_h† φ, by CG from zero; throws if CG does not converge. */
    @Override
    public double action(GaugeField u) {
        solve(u, cg);
        return par.sum(psi.length, j -> psi[j] * x[j]);
    }

    /** Writes F^a_μ(n) = −∂S_f/∂ω^a for every link; throws if CG does not converge. */
    @Override
    public void force(GaugeField u, double[] force) {
        WilsonPseudofermion.checkForce(lattice, group, force);
        solve(u, forceCg);
        schur.apply(x, y);
        double k2 = kappa * kappa, h2 = kappaH * kappaH;
        par.forEach(y.length, j -> y[j] = k2 * y[j] - h2 * phi[j]);
        kernel.schurDerivative(u, evenOdd, y, x, -2, force, par);
    }

    private void solve(GaugeField u, ConjugateGradient solver) {
        bind(u);
        schurH.applyDagger(phi, psi);
        run(solver, normal, psi, "(kappa = " + kappa + ")");
    }

    private void run(ConjugateGradient solver, LinearOperator a, double[] b, String what) {
        Arrays.fill(x, 0.0);
        lastSolve = solver.solve(a, b, x);
        iterations += lastSolve.iterations();
        lastSolve.requireConverged("Wilson Hasenbusch CG " + what);
    }

    private void bind(GaugeField u) {
        if (u == boundField) return;
        WilsonPseudofermion.checkField(lattice, group, u);
        evenOdd = new WilsonEvenOdd(u, kappa, par);
        schur = evenOdd.schur();
        normal = WilsonPseudofermion.normal(schur);
        schurH = new WilsonEvenOdd(u, kappaH, par).schur();
        normalH = WilsonPseudofermion.normal(schurH);
        boundField = u;
    }
}
