package org.latticespark.measurement.fermion;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.solver.BiCgStab;
import org.latticespark.lattice.solver.SolverResult;

/**
 * Stochastic estimator of the Wilson condensate in the κ normalisation, (1/V) Re tr M⁻¹ with
 * M = 1 − κH, or M = A − κH with the clover term A for c_SW &gt; 0 (trace over sites, spins and colours, V the
 * number of sites); each noise vector η gives (1/V) Re η†M⁻¹η.
 *
 * <p>Normalisation: M = 2κ (D_W + m₀) with D_W + m₀ the Wilson operator in the bare-quark-mass normalisation
 * (κ = 1/(2m₀ + 2d)), so the condensate per flavour in that normalisation, (1/V) Re tr (D_W + m₀)⁻¹, is
 * 2κ times the value reported here ({@link #quarkMassFactor()}). Neither is renormalised: the Wilson condensate
 * has an additive, cubically divergent term (chiral symmetry is broken by the Wilson term), and no sign
 * convention ⟨ψ̄ψ⟩ = −tr is applied.
 *
 * <p>Solve: M ψ = η by even–odd preconditioning ({@link WilsonEvenOdd}, with clover
 * {@link org.latticespark.lattice.fermion.wilson.WilsonCloverEvenOdd}): BiCGStab on the Schur complement
 * M̂ = 1 − κ² H_eo H_oe (with clover Ŝ = A_ee − κ² H_eo A_oo⁻¹ H_oe) on the even sites, then the odd sites,
 * ψ_o = η_o + κ H_oe ψ_e (with clover ψ_o = A_oo⁻¹ (η_o + κ H_oe ψ_e)). The reported {@link SolverResult} is that of
 * the Schur solve, relative to its right-hand side η_e + κ H_eo η_o (with clover η_e + κ H_eo A_oo⁻¹ η_o). A solve
 * that misses its tolerance throws.
 * One instance must not be used from several threads at once.
 */
public final class WilsonCondensate {
    private final WilsonSolve solve;
    private final double kappa;
    private final int sites;
    private final double normalisation;
    private final double[] psi;

    public WilsonCondensate(GaugeField gauge, double kappa, BiCgStab solver, Parallelism par) {
        this(gauge, kappa, 0, solver, par);
    }

    /** With the clover term of coefficient {@code cSw} (0: plain Wilson). */
    public WilsonCondensate(GaugeField gauge, double kappa, double cSw, BiCgStab solver, Parallelism par) {
        if (gauge == null) throw new IllegalArgumentException("gauge field must not be null");
        if (solver == null) throw new IllegalArgumentException("BiCGStab solver must not be null");
        if (par == null) throw new IllegalArgumentException("parallelism must not be null");
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        this.solve = new WilsonSolve(gauge, kappa, cSw, solver, par);
        this.kappa = kappa;
        this.sites = gauge.lattice().volume();
        this.normalisation = 1.0 / sites;
        this.psi = new double[solve.fullLength()];
    }

    /** 2κ: multiplies a value of this class into the bare-quark-mass normalisation (1/V) Re tr (D_W + m₀)⁻¹. */
    public double quarkMassFactor() { return 2 * kappa; }

    /** Doubles in a source vector: V · S · N · 2. */
    public int sourceLength() { return solve.fullLength(); }

    /** The estimate from noise vectors 0 … count−1 of {@code configuration}, one entry per vector, in id order. */
    public List<NoiseEstimate> measure(NoiseSource noise, long configuration, int count) {
        if (noise == null) throw new IllegalArgumentException("noise source must not be null");
        if (count <= 0 || count - 1 > NoiseSource.MAX_NOISE_ID) {
            throw new IllegalArgumentException("number of noise vectors must be in [1, "
                    + (NoiseSource.MAX_NOISE_ID + 1) + "], got " + count);
        }
        double[] eta = new double[sourceLength()];
        List<NoiseEstimate> out = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            noise.fill(configuration, id, sites, eta);
            out.add(estimate(id, eta));
        }
        return out;
    }

    /** (1/V) Re η†M⁻¹η for a given source η (noise id reported as −1). */
    public NoiseEstimate estimate(double[] eta) {
        return estimate(-1, eta);
    }

    private NoiseEstimate estimate(int id, double[] eta) {
        ComplexVectors.checkSource(eta, sourceLength());
        SolverResult result = solve.solve(eta, psi, "Wilson condensate BiCGStab");
        return new NoiseEstimate(id, normalisation * ComplexVectors.reDot(eta, psi), result);
    }
}
