package org.latticespark.tests.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.analysis.Obs;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.generation.heatbath.HeatbathSampler;
import org.latticespark.generation.hmc.HmcSampler;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.generation.hmc.fermion.StaggeredPseudofermion;
import org.latticespark.generation.hmc.fermion.StaggeredRationalPseudofermion;
import org.latticespark.generation.hmc.fermion.WilsonCloverPseudofermion;
import org.latticespark.generation.hmc.fermion.WilsonHasenbuschRatio;
import org.latticespark.generation.hmc.fermion.WilsonPseudofermion;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.backend.Backends;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.fermion.wilson.WilsonCloverOperator;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.MultiShiftCg;

/**
 * Physics validation of HMC with dynamical fermions on the outer time scale of the molecular dynamics and the gauge
 * force on the inner one: staggered Nf = 4 (one pseudofermion on the even sites, weight det A with A = m² − D_eo D_oe
 * = det(D + m)), staggered RHMC, Wilson Nf = 2 with Hasenbusch mass preconditioning, and Wilson-clover Nf = 2.
 *
 * <p>1. Creutz's identity ⟨e^{−ΔH}⟩ = 1, which holds for any reversible, area-preserving molecular dynamics started
 * from the equilibrium distribution of (U, π, φ); it fails if the pseudofermion heat bath does not draw φ from
 * e^{−S_f} or if the integrator breaks reversibility. It is tested at ~80 % acceptance, where ⟨ΔH⟩ is many standard
 * errors above 0 and ⟨ΔH⟩ ≈ Var(ΔH)/2 (the cumulant expansion of ln⟨e^{−ΔH}⟩ = 0 to second order).
 *
 * <p>2. Exact reweighting: the dynamical ensemble has weight e^{−S_g} det A, so its plaquette must equal that of a
 * quenched (heat-bath) ensemble at the same β reweighted by w = det A, ⟨P⟩_dyn = ⟨P w⟩_q/⟨w⟩_q, with det A from a
 * dense Cholesky factorisation ({@link FermionDeterminants}). This checks the whole algorithm (heat bath, action,
 * force, nested integrator, Metropolis) against an independent computation of the target distribution; the mass and
 * β are chosen so that the fermions shift the plaquette by many standard errors, while the weights stay mild
 * enough (Kish effective sample fraction &gt; 20 %) for the reweighting to be reliable.
 *
 * <p>The harness takes any fermion term with its exact log weight ({@link Fermion}): for RHMC with Nf flavours the
 * weight is (Nf/T) ln det A (T = 2^{d/2} tastes), for Wilson Nf = 2 it is ln det(M†M) = 2 ln|det M| from a dense LU
 * of the full M, independent of the even–odd Schur complement the pseudofermions use.
 */
class DynamicalFermionHmcTest {
    private static final int CHAINS = 2;
    private static final int THERMALIZATION = 100;
    private static final long SEED = 7301;

    /** A fermion term of the HMC Hamiltonian together with the exact log of the weight it puts on a configuration. */
    interface Fermion {
        String name();

        Monomial term(Lattice lattice, GaugeGroup group, Parallelism par);

        /** ln ∫dφ e^{−S_f[U, φ]} up to a U-independent constant. */
        double logWeight(GaugeField u, Parallelism par);
    }

    static Fermion staggeredNf4(double mass) {
        return new Fermion() {
            @Override
            public String name() { return "staggered Nf=4 m=" + mass; }

            @Override
            public Monomial term(Lattice lattice, GaugeGroup group, Parallelism par) {
                return new StaggeredPseudofermion(lattice, group, mass, 0, new ConjugateGradient(1e-11, 10_000, par),
                        new ConjugateGradient(1e-8, 10_000, par), par);
            }

            @Override
            public double logWeight(GaugeField u, Parallelism par) {
                return FermionDeterminants.staggeredEvenNormal(u, mass, par);
            }
        };
    }

    /** Staggered RHMC: det A^{Nf/T}, T = 2^{d/2} tastes per field. */
    static Fermion staggeredRhmc(double mass, int flavours) {
        return new Fermion() {
            @Override
            public String name() { return "staggered rhmc Nf=" + flavours + " m=" + mass; }

            @Override
            public Monomial term(Lattice lattice, GaugeGroup group, Parallelism par) {
                return new StaggeredRationalPseudofermion(lattice, group, mass, flavours, 0,
                        new MultiShiftCg(1e-11, 10_000, par), par);
            }

            @Override
            public double logWeight(GaugeField u, Parallelism par) {
                double tastes = Math.pow(2, u.lattice().dimensions() / 2.0);
                return flavours / tastes * FermionDeterminants.staggeredEvenNormal(u, mass, par);
            }
        };
    }

    /** Wilson Nf = 2 (even–odd, optionally Hasenbusch-split): det(M†M) = |det M|², without clover. */
    static Fermion wilson(double kappa, double hasenbuschKappa) {
        return new Fermion() {
            @Override
            public String name() {
                return "wilson Nf=2 kappa=" + kappa + (hasenbuschKappa > 0 ? " hasenbusch " + hasenbuschKappa : "");
            }

            @Override
            public Monomial term(Lattice lattice, GaugeGroup group, Parallelism par) {
                ConjugateGradient cg = new ConjugateGradient(1e-11, 10_000, par);
                ConjugateGradient forceCg = new ConjugateGradient(1e-8, 10_000, par);
                if (hasenbuschKappa == 0) return new WilsonPseudofermion(lattice, group, kappa, 0, cg, forceCg, par);
                return new Sum(new WilsonPseudofermion(lattice, group, hasenbuschKappa, 0, cg, forceCg, par),
                        new WilsonHasenbuschRatio(lattice, group, kappa, hasenbuschKappa, 1, cg, forceCg, par));
            }

            @Override
            public double logWeight(GaugeField u, Parallelism par) {
                return 2 * FermionDeterminants.logAbsDet(new WilsonOperator(u, kappa, par));
            }
        };
    }

    /** Wilson-clover Nf = 2: (det A_oo)² det(Ŝ†Ŝ) = |det M|² with M = A − κH. */
    static Fermion wilsonClover(double kappa, double cSw) {
        return new Fermion() {
            @Override
            public String name() { return "wilson-clover Nf=2 kappa=" + kappa + " csw=" + cSw; }

            @Override
            public Monomial term(Lattice lattice, GaugeGroup group, Parallelism par) {
                return new WilsonCloverPseudofermion(lattice, group, kappa, cSw, 0,
                        new ConjugateGradient(1e-11, 10_000, par), new ConjugateGradient(1e-8, 10_000, par), par);
            }

            @Override
            public double logWeight(GaugeField u, Parallelism par) {
                return 2 * FermionDeterminants.logAbsDet(new WilsonCloverOperator(u, kappa, cSw, par));
            }
        };
    }

    /** Two terms on one time scale, as one (the harness takes one fermion term). */
    private record Sum(Monomial a, Monomial b) implements Monomial {
        @Override
        public String name() { return a.name() + " + " + b.name(); }

        @Override
        public void refresh(GaugeField u, RandomStream stream, long trajectory) {
            a.refresh(u, stream, trajectory);
            b.refresh(u, stream, trajectory);
        }

        @Override
        public double action(GaugeField u) { return a.action(u) + b.action(u); }

        @Override
        public void force(GaugeField u, double[] force) {
            double[] second = new double[force.length];
            a.force(u, force);
            b.force(u, second);
            for (int i = 0; i < force.length; i++) force[i] += second[i];
        }

        @Override
        public long solverIterations() { return a.solverIterations() + b.solverIterations(); }
    }

    /** A gauge theory with a dynamical fermion and the HMC parameters (τ = 1) to simulate it. */
    record Setup(String group, int[] extents, double beta, Fermion fermion, Integrator integrator, int steps,
                 int gaugeSubsteps) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s beta=%s %s, %s %dx%d", group, Arrays.toString(extents),
                    beta, fermion.name(), integrator, steps, gaugeSubsteps);
        }
    }

    /** Per-update records of one chain after thermalisation; logWeight only for quenched chains. */
    record Series(double[] plaquette, double[] deltaH, double[] accepted, double[] logWeight) {
        static double[][] column(List<Series> chains, Function<Series, double[]> column) {
            return chains.stream().map(column).toArray(double[][]::new);
        }
    }

    static Series dynamical(Setup s, long seed, int chain, int trajectories) {
        try (Parallelism par = new Parallelism(1)) {
            Lattice lattice = new Lattice(s.extents());
            GaugeGroup group = GaugeGroup.of(s.group());
            RandomStream stream = new RandomStream(seed, chain);
            GaugeField field = GaugeField.hot(lattice, group, stream, par);
            HmcSampler hmc = new HmcSampler(new WilsonGaugeAction(s.beta()), List.of(s.fermion().term(lattice, group, par)),
                    s.integrator(), s.steps(), s.gaugeSubsteps(), 1.0, stream, par, Backends.plaquette("java"));
            for (long i = 1; i <= THERMALIZATION; i++) hmc.update(field, i);
            Series out = new Series(new double[trajectories], new double[trajectories], new double[trajectories], null);
            for (int k = 0; k < trajectories; k++) {
                UpdateRecord r = hmc.update(field, THERMALIZATION + 1 + k);
                out.plaquette()[k] = r.plaquette();
                out.deltaH()[k] = r.deltaH();
                out.accepted()[k] = r.accepted() ? 1 : 0;
            }
            return out;
        }
    }

    static Series quenched(Setup s, long seed, int chain, int sweeps) {
        try (Parallelism par = new Parallelism(1)) {
            Lattice lattice = new Lattice(s.extents());
            GaugeGroup group = GaugeGroup.of(s.group());
            RandomStream stream = new RandomStream(seed, chain);
            GaugeField field = GaugeField.hot(lattice, group, stream, par);
            HeatbathSampler heatbath = new HeatbathSampler(s.beta(), 1, stream, par, Backends.plaquette("java"));
            for (long i = 1; i <= THERMALIZATION; i++) heatbath.update(field, i);
            Series out = new Series(new double[sweeps], null, null, new double[sweeps]);
            for (int k = 0; k < sweeps; k++) {
                out.plaquette()[k] = heatbath.update(field, THERMALIZATION + 1 + k).plaquette();
                out.logWeight()[k] = s.fermion().logWeight(field, par);
            }
            return out;
        }
    }

    private static void report(String what, Obs o) {
        System.out.printf(Locale.ROOT, "%s: %.6f ± %.6f%n", what, o.value(), o.error());
    }

    private static double z(Obs o) { return o.value() / o.error(); }

    @Test
    void expMinusDeltaHAveragesToOne() {
        Setup s = new Setup("SU2", new int[] {4, 4, 2, 2}, 2.0, staggeredNf4(0.3), Integrator.LEAPFROG, 6, 1);
        List<Series> chains = ConcurrentChains.run(CHAINS, c -> dynamical(s, SEED, c, 1000));
        double[][] dh = Series.column(chains, Series::deltaH);
        double[][] expMinusDh = new double[CHAINS][];
        double[][] dhSquared = new double[CHAINS][];
        for (int c = 0; c < CHAINS; c++) {
            expMinusDh[c] = Arrays.stream(dh[c]).map(x -> Math.exp(-x)).toArray();
            dhSquared[c] = Arrays.stream(dh[c]).map(x -> x * x).toArray();
        }
        Obs e = Obs.primary("hmc", expMinusDh);
        Obs mean = Obs.primary("hmc", dh);
        Obs halfVariance = Obs.primary("hmc", dhSquared).minus(mean.times(mean)).times(0.5);
        Obs relation = mean.minus(halfVariance);
        Obs acceptance = Obs.primary("hmc", Series.column(chains, Series::accepted));
        System.out.println("Creutz identity, " + s);
        report("  <exp(-dH)>", e);
        report("  <dH>", mean);
        report("  Var(dH)/2", halfVariance);
        report("  <dH> - Var(dH)/2", relation);
        report("  acceptance", acceptance);
        assertTrue(acceptance.value() > 0.6 && acceptance.value() < 0.92, "the test needs sizeable ΔH, acceptance "
                + acceptance.value());
        assertEquals(1.0, e.value(), 3 * e.error(), "<exp(-dH)> = " + e.value() + " ± " + e.error());
        assertTrue(e.error() < 0.03, "error " + e.error());
        assertTrue(z(mean) > 5, "<dH> = " + mean.value() + " ± " + mean.error() + " must be resolved from 0");
        assertEquals(0.0, relation.value(), 3 * relation.error(), "<dH> - Var(dH)/2 = " + relation.value() + " ± "
                + relation.error());
    }

    static Stream<Arguments> reweightingCases() {
        return Stream.of(
                // 2d: one staggered field carries two tastes; the weight is det A all the same.
                Arguments.of(new Setup("U1", new int[] {4, 4}, 2.0, staggeredNf4(0.2), Integrator.LEAPFROG, 5, 3),
                        10_000, 20_000),
                Arguments.of(new Setup("SU2", new int[] {2, 2, 2, 2}, 1.0, staggeredNf4(1.0), Integrator.LEAPFROG, 2, 3),
                        6000, 10_000),
                // RHMC with Nf = 1 of the two 2d tastes: det A^{1/2}
                Arguments.of(new Setup("U1", new int[] {4, 4}, 2.0, staggeredRhmc(0.2, 1), Integrator.LEAPFROG, 4, 2),
                        8000, 20_000),
                Arguments.of(new Setup("U1", new int[] {4, 4}, 2.0, wilson(0.24, 0.15), Integrator.LEAPFROG, 4, 2),
                        8000, 20_000),
                Arguments.of(new Setup("U1", new int[] {4, 4}, 2.0, wilsonClover(0.24, 1.0), Integrator.LEAPFROG, 4, 2),
                        8000, 20_000));
    }

    @ParameterizedTest
    @MethodSource("reweightingCases")
    void dynamicalPlaquetteMatchesReweightedQuenched(Setup s, int trajectories, int sweeps) {
        List<Series> dyn = ConcurrentChains.run(CHAINS, c -> dynamical(s, SEED + 1, c, trajectories));
        List<Series> que = ConcurrentChains.run(CHAINS, c -> quenched(s, SEED + 2, c, sweeps));
        Obs pDynamical = Obs.primary("dynamical", Series.column(dyn, Series::plaquette));
        Obs pQuenched = Obs.primary("quenched", Series.column(que, Series::plaquette));
        double[][] logWeight = Series.column(que, Series::logWeight);
        Obs pReweighted = Reweighting.reweighted("quenched", Series.column(que, Series::plaquette), logWeight);
        double ess = Reweighting.effectiveSampleFraction(logWeight);
        Obs difference = pDynamical.minus(pReweighted);
        Obs fermionEffect = pDynamical.minus(pQuenched);
        Obs e = Obs.primary("dynamical", Series.column(dyn, r -> Arrays.stream(r.deltaH()).map(x -> Math.exp(-x))
                .toArray()));
        Obs acceptance = Obs.primary("dynamical", Series.column(dyn, Series::accepted));
        System.out.println("Exact reweighting, " + s);
        report("  <P> dynamical HMC", pDynamical);
        report("  <P> quenched heatbath", pQuenched);
        report("  <P w>/<w> quenched reweighted by det A", pReweighted);
        report("  dynamical - reweighted", difference);
        report("  dynamical - quenched", fermionEffect);
        report("  <exp(-dH)> dynamical", e);
        report("  acceptance", acceptance);
        System.out.printf(Locale.ROOT, "  effective sample fraction of the weights %.3f%n", ess);
        assertEquals(0.0, difference.value(), 3 * difference.error(), "dynamical " + pDynamical.value() + " ± "
                + pDynamical.error() + " vs reweighted " + pReweighted.value() + " ± " + pReweighted.error());
        assertTrue(z(fermionEffect) > 5, "the fermions must shift the plaquette significantly: " + fermionEffect.value()
                + " ± " + fermionEffect.error());
        assertTrue(ess > 0.2, "reweighting dominated by few configurations: effective sample fraction " + ess);
        assertEquals(1.0, e.value(), 3 * e.error(), "<exp(-dH)> = " + e.value() + " ± " + e.error());
        assertTrue(acceptance.value() < 0.97, "the Metropolis step should matter, acceptance " + acceptance.value());
    }

    /** The reweighting factor: ln det(m² − D_eo D_oe) by Cholesky equals ln |det(D + m)| by LU on the full lattice. */
    @ParameterizedTest
    @MethodSource("determinantCases")
    void evenOddDeterminantEqualsFullDeterminant(String group, int[] extents, double mass) {
        try (Parallelism par = new Parallelism(1)) {
            GaugeField u = GaugeField.hot(new Lattice(extents), GaugeGroup.of(group), new RandomStream(88, 0), par);
            double even = FermionDeterminants.staggeredEvenNormal(u, mass, par);
            double full = FermionDeterminants.logAbsDet(new StaggeredOperator(u, mass, par));
            assertEquals(full, even, 1e-10 * Math.abs(full) + 1e-10, group + " " + Arrays.toString(extents));
            double cold = FermionDeterminants.staggeredEvenNormal(GaugeField.cold(new Lattice(extents), GaugeGroup.of(group)),
                    mass, par);
            assertTrue(Math.abs(cold - even) > 1e-3, "the determinant must depend on the links");
        }
    }

    static Stream<Arguments> determinantCases() {
        return Stream.of(Arguments.of("U1", new int[] {4, 4}, 0.2), Arguments.of("SU2", new int[] {2, 2, 2, 2}, 0.5),
                Arguments.of("SU3", new int[] {2, 2, 2, 2}, 0.3));
    }
}
