package org.latticespark.measurement.fermion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.solver.BiCgStab;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;
import org.latticespark.measurement.MeasurementStage;

/**
 * The zero-momentum pion correlator from a point source at the origin, stage "pion": one row per time slice
 * t = 0 … L_t − 1, observable {@code pion_t<t>} (source 0), so that the analysis treats every C(t) as an observable
 * of its own (the source column is for noise vectors, which the analysis averages). Time is direction d−1 (the slowest index), the
 * source the site 0 = (0⃗, 0), the quark propagator S(x; 0) = M⁻¹(x, 0) with the fermion boundary conditions of
 * the operators (periodic in space, antiperiodic in time). No source smearing, no normalisation by volume.
 *
 * <p>Wilson (M = 1 − κH, or A − κH with the clover term when c_SW &gt; 0; S = 4 spins in d = 4, 2 in d = 2; N
 * colours): S·N solves, one per spin–colour unit
 * source at the origin, then
 * <pre>
 * C(t) = Σ_x⃗ Σ_{α,β,a,b} |S_{αa,βb}(x⃗, t; 0)|² = Σ_x⃗ tr[S(x; 0) S(x; 0)†].
 * </pre>
 * This is C(t) = Σ_x⃗ ⟨P(x) P(0)†⟩ for P = d̄γ₅u, P† = −ūγ₅d, two degenerate flavours: the Wick contraction
 * gives ⟨d̄γ₅u(x) ūγ₅d(0)⟩ = −tr[γ₅ S(x; 0) γ₅ S(0; x)] (the fermion loop), the sign of P† cancels the −1, and
 * γ₅-Hermiticity S(0; x) = γ₅ S(x; 0)† γ₅ turns the trace into the sum of squares, so C(t) > 0 for every gauge
 * field. Propagators in the κ normalisation; the bare-quark-mass propagator
 * (D_W + m₀)⁻¹ = 2κ M⁻¹ gives 4κ² C(t).
 *
 * <p>Staggered (M = D + m, N colours): N solves, one per colour at the origin, and the Goldstone pion
 * (γ₅ ⊗ ξ₅) of the local operator ε(x) χ̄χ(x), ε(x) = (−1)^{Σ_μ n_μ}:
 * <pre>
 * C(t) = Σ_x⃗ Σ_{a,b} |G_ab(x⃗, t; 0)|²,  G = (D + m)⁻¹,
 * </pre>
 * from ε(x)(D + m)ε(x) = (D + m)†, i.e. G(0; x) = ε(0)ε(x) G(x; 0)†, with the same sign convention as above.
 *
 * <p>Both are real, positive and, on a time-reflection symmetric gauge field (e.g. the free one), C(t) = C(L_t − t)
 * despite the antiperiodic boundary (|S|² does not see it). Each solve is even–odd reduced: Wilson by BiCGStab on
 * the Schur complement 1 − κ² H_eo H_oe; staggered by CG on m² − D_eo D_oe (the source sits on the even site 0, so
 * x_e = m (m² − D_eo D_oe)⁻¹ e_a and x_o = −D_oe x_e / m). A solve that misses its tolerance throws. All solves
 * start from x = 0 and run on one thread, so the result is reproducible bit for bit; no random numbers are used.
 */
public final class PionStage implements MeasurementStage {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "pion";
    public static final String PION = "pion";

    private final PionSettings settings;
    private final int timeExtent;

    /** @param timeExtent L_t of the ensemble's lattice: the stage writes C(0) … C(L_t − 1) */
    public PionStage(PionSettings settings, int timeExtent) {
        if (settings == null) throw new IllegalArgumentException("pion settings must not be null");
        if (timeExtent < 1) throw new IllegalArgumentException("time extent must be >= 1, got " + timeExtent);
        this.settings = settings;
        this.timeExtent = timeExtent;
    }

    /** The observable name of C(t): {@code pion_t<t>}. */
    public static String observable(int t) { return PION + "_t" + t; }

    public PionSettings settings() { return settings; }

    @Override
    public String name() { return NAME; }

    @Override
    public List<String> observables() {
        List<String> names = new ArrayList<>(timeExtent);
        for (int t = 0; t < timeExtent; t++) names.add(observable(t));
        return names;
    }

    @Override
    public List<Measurement> measure(GaugeField field, MeasurementContext context) {
        if (field != null && field.lattice().timeExtent() != timeExtent) {
            throw new IllegalArgumentException("pion stage made for time extent " + timeExtent + ", the field has "
                    + field.lattice());
        }
        double[] c = correlator(field);
        List<Measurement> out = new ArrayList<>(c.length);
        for (int t = 0; t < c.length; t++) out.add(new Measurement(observable(t), 0, c[t]));
        return out;
    }

    /** C(t), t = 0 … L_t − 1, on {@code field}. */
    public double[] correlator(GaugeField field) {
        if (field == null) throw new IllegalArgumentException("gauge field must not be null");
        Parallelism par = Parallelism.serial();
        return settings.type() == FermionType.STAGGERED ? staggered(field, par) : wilson(field, par);
    }

    private double[] wilson(GaugeField field, Parallelism par) {
        Lattice lat = field.lattice();
        WilsonSolve solve = new WilsonSolve(field, settings.kappa(), settings.cSw(),
                new BiCgStab(settings.tolerance(), settings.maxIterations(), par), par);
        int stride = solve.fullLength() / lat.volume();
        double[] eta = new double[solve.fullLength()];
        double[] psi = new double[solve.fullLength()];
        double[] c = new double[lat.timeExtent()];
        for (int component = 0; component < stride / 2; component++) {
            eta[2 * component] = 1;
            solve.solve(eta, psi, "Wilson pion propagator BiCGStab");
            eta[2 * component] = 0;
            addSlices(lat, psi, stride, c);
        }
        return c;
    }

    private double[] staggered(GaugeField field, Parallelism par) {
        Lattice lat = field.lattice();
        double mass = settings.mass();
        StaggeredOperator op = new StaggeredOperator(field, mass, par);
        LinearOperator evenNormal = op.evenNormal();
        ConjugateGradient cg = new ConjugateGradient(settings.tolerance(), settings.maxIterations(), par);
        int stride = op.length() / lat.volume();
        int[] even = lat.sitesOfParity(0);
        int[] odd = lat.sitesOfParity(1);
        int origin = positionOf(even, 0);
        double[] rhs = new double[op.halfLength()];
        double[] xEven = new double[op.halfLength()];
        double[] xOdd = new double[op.halfLength()];
        double[] c = new double[lat.timeExtent()];
        for (int colour = 0; colour < stride / 2; colour++) {
            Arrays.fill(rhs, 0.0);
            rhs[origin * stride + 2 * colour] = mass;
            Arrays.fill(xEven, 0.0);
            cg.solve(evenNormal, rhs, xEven).requireConverged("staggered pion propagator CG");
            op.applyOddEven(xEven, xOdd);
            // |x_o|² = |D_oe x_e|² / m²: the sign of x_o = −D_oe x_e / m does not matter here
            addSlices(lat, even, xEven, stride, 1.0, c);
            addSlices(lat, odd, xOdd, stride, 1.0 / (mass * mass), c);
        }
        return c;
    }

    /** c[t(n)] += Σ over the components of site n of |ψ|², for every site of a full field. */
    private static void addSlices(Lattice lat, double[] psi, int stride, double[] c) {
        int spatial = lat.spatialVolume();
        for (int site = 0; site < lat.volume(); site++) c[site / spatial] += squares(psi, site * stride, stride);
    }

    /** The same for a half field whose i-th site is {@code sites[i]}, scaled by {@code factor}. */
    private static void addSlices(Lattice lat, int[] sites, double[] half, int stride, double factor, double[] c) {
        int spatial = lat.spatialVolume();
        for (int i = 0; i < sites.length; i++) c[sites[i] / spatial] += factor * squares(half, i * stride, stride);
    }

    private static double squares(double[] v, int from, int length) {
        double s = 0;
        for (int j = from; j < from + length; j++) s += v[j] * v[j];
        return s;
    }

    private static int positionOf(int[] sites, int site) {
        for (int i = 0; i < sites.length; i++) {
            if (sites[i] == site) return i;
        }
        throw new IllegalStateException("site " + site + " is not in the list");
    }
}
