package org.latticespark.generation.hmc.fermion;

import java.util.Arrays;
import org.latticespark.generation.FermionConfig;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.lattice.fermion.staggered.StaggeredEvenNormalOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.SolverResult;

/**
 * One staggered Nf = 4 pseudofermion on the even sites: S_f = φ† A⁻¹ φ with A = m² − D_eo D_oe
 * ({@link StaggeredOperator#evenNormal()}), so that ∫dφ e^{−S_f} ∝ det A = det(D + m) for four tastes in 4d.
 *
 * <p>Heat bath: φ_e = m χ_e − D_eo χ_o (the even rows of (D + m)† χ) with χ on all sites, every colour component a
 * complex Gaussian with ⟨|χ|²⟩ = 1 (real and imaginary parts N(0, ½)). With B = [m, −D_eo] one has B B† = A,
 * so ⟨φ φ†⟩ = A and φ is distributed as e^{−S_f}; then S_f = χ† B†A⁻¹B χ with B†A⁻¹B a projector of rank
 * V/2·N, so S_f follows a Gamma(V N/2, 1) law: mean = variance = V N/2, the number of complex degrees of freedom.
 *
 * <p>Force, in the convention and layout of {@link org.latticespark.lattice.action.WilsonGaugeAction#force}:
 * F^a_μ(n) = −∂S_f/∂ω^a for U_μ(n) → exp(iω^a T^a) U_μ(n), written to force[(site·d+μ)·dim + a], so that HMC
 * adds it to the gauge force. With X = A⁻¹φ and Y = D_oe X one has ∂S_f = −X†(∂A)X = 2 Re X†(∂D_eo)Y.
 *
 * <p>Every solve starts from x = 0, so the force is a function of the links alone (an initial guess carried over
 * from the previous step would break the exact reversibility of the molecular dynamics at the solver tolerance).
 * The action and force are accurate to the CG tolerance. Keeps work vectors: not for use from two threads at once.
 */
public final class StaggeredPseudofermion implements Monomial {
    /** The kind of the random-number purpose of the pseudofermion heat bath (not yet in {@link Purpose}). */
    public static final int PURPOSE_KIND = Purpose.PSEUDOFERMION;

    private final Lattice lattice;
    private final GaugeGroup group;
    private final double mass;
    private final int index;
    private final ConjugateGradient cg;
    private final ConjugateGradient forceCg;
    private final Parallelism par;
    private final StaggeredForceKernel kernel;
    private final double[] phi;
    private final double[] x;
    private final double[] y;
    private GaugeField boundField;
    private StaggeredOperator operator;
    private StaggeredEvenNormalOperator normal;
    private SolverResult lastSolve;
    private long iterations;

    /**
     * @param index the pseudofermion's number within a run (the sub-step of its random-number purpose), 0…65535
     */
    public StaggeredPseudofermion(Lattice lattice, GaugeGroup group, double mass, int index, ConjugateGradient cg,
                                  Parallelism par) {
        this(lattice, group, mass, index, cg, cg, par);
    }

    /**
     * @param cg      the solver of the action (the Metropolis test): its tolerance bounds the error of ΔH
     * @param forceCg the solver of the force; a looser tolerance keeps the algorithm exact, since every solve starts
     *                from zero and the force stays a deterministic function of the links
     */
    public StaggeredPseudofermion(Lattice lattice, GaugeGroup group, double mass, int index, ConjugateGradient cg,
                                  ConjugateGradient forceCg, Parallelism par) {
        if (lattice == null || group == null) throw new IllegalArgumentException("lattice and group must not be null");
        if (cg == null || forceCg == null || par == null) throw new IllegalArgumentException("solver and parallelism must not be null");
        if (!(Double.isFinite(mass) && mass > 0)) {
            throw new IllegalArgumentException("staggered pseudofermion mass must be finite and > 0, got " + mass);
        }
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("pseudofermion index must be in 0…65535, got " + index);
        }
        for (int mu = 0; mu < lattice.dimensions(); mu++) {
            if (lattice.extent(mu) % 2 != 0) {
                throw new IllegalArgumentException("staggered fermions need even extents, got L_" + mu + " = "
                        + lattice.extent(mu) + " on " + lattice);
            }
        }
        this.lattice = lattice;
        this.group = group;
        this.mass = mass;
        this.index = index;
        this.cg = cg;
        this.forceCg = forceCg;
        this.par = par;
        this.kernel = new StaggeredForceKernel(lattice, group);
        int half = lattice.volume() / 2 * 2 * group.n();
        this.phi = new double[half];
        this.x = new double[half];
        this.y = new double[half];
    }

    public double mass() { return mass; }

    @Override
    public String name() { return "staggered Nf=" + FermionConfig.tastes(lattice.dimensions()) + " m=" + mass; }

    @Override
    public long solverIterations() { return iterations; }

    @Override
    public void refresh(GaugeField u, RandomStream stream, long trajectory) { heatbath(u, stream, trajectory); }

    /** φ on the even sites (V/2·N·2 doubles, order of {@code lattice.sitesOfParity(0)}); the live array. */
    public double[] phi() { return phi; }

    /** The outcome of the latest CG solve, or null before the first. */
    public SolverResult lastSolve() { return lastSolve; }

    /** Number of complex degrees of freedom of φ, V/2·N: the mean and the variance of S_f right after the heat bath. */
    public int complexDegreesOfFreedom() { return phi.length / 2; }

    /**
     * Draws φ = [(D + m)† χ]_even as described above; χ(site) is drawn from {@code stream} at element = site
     * (lexicographic), update = trajectory, purpose = (PURPOSE_KIND, index).
     */
    public void heatbath(GaugeField u, RandomStream stream, long trajectory) {
        bind(u);
        int nc = group.n();
        int purpose = Purpose.of(PURPOSE_KIND, index);
        int half = lattice.volume() / 2;
        int[] even = lattice.sitesOfParity(0);
        int[] odd = lattice.sitesOfParity(1);
        double[] chiEven = new double[phi.length];
        double[] chiOdd = new double[phi.length];
        double sd = Math.sqrt(0.5);
        par.forEach(2 * half, i -> {
            int site = i < half ? even[i] : odd[i - half];
            double[] target = i < half ? chiEven : chiOdd;
            int o = (i < half ? i : i - half) * 2 * nc;
            CounterRng rng = stream.at(site, trajectory, purpose);
            for (int j = 0; j < 2 * nc; j++) target[o + j] = sd * rng.gaussian();
        });
        operator.applyEvenOdd(chiOdd, phi);
        par.forEach(phi.length, j -> phi[j] = mass * chiEven[j] - phi[j]);
    }

    /** S_f = φ† A⁻¹ φ for the links of {@code u}, by CG from zero; throws if CG does not converge. */
    @Override
    public double action(GaugeField u) {
        solve(u, cg);
        return par.sum(phi.length, j -> phi[j] * x[j]);
    }

    /** Writes F^a_μ(n) = −∂S_f/∂ω^a for every link (layout above); throws if CG does not converge. */
    @Override
    public void force(GaugeField u, double[] force) {
        if (force == null || force.length != lattice.links() * group.algebraDimension()) {
            throw new IllegalArgumentException("force array must have " + lattice.links() * group.algebraDimension()
                    + " doubles, got " + (force == null ? "null" : force.length));
        }
        solve(u, forceCg);
        operator.applyOddEven(x, y);
        kernel.force(u, x, y, force, par);
    }

    private void solve(GaugeField u, ConjugateGradient solver) {
        bind(u);
        Arrays.fill(x, 0.0);
        lastSolve = solver.solve(normal, phi, x);
        iterations += lastSolve.iterations();
        lastSolve.requireConverged("staggered pseudofermion CG (m = " + mass + ")");
    }

    private void bind(GaugeField u) {
        if (u == null) throw new IllegalArgumentException("gauge field must not be null");
        if (u == boundField) return;
        if (!u.lattice().equals(lattice) || !u.group().equals(group)) {
            throw new IllegalArgumentException("gauge field is " + u.group() + " on " + u.lattice()
                    + ", the pseudofermion was made for " + group + " on " + lattice);
        }
        operator = new StaggeredOperator(u, mass, par);
        normal = operator.evenNormal();
        boundField = u;
    }
}
