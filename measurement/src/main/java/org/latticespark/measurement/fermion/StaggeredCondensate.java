package org.latticespark.measurement.fermion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latticespark.lattice.fermion.staggered.StaggeredEvenNormalOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.SolverResult;

/**
 * Stochastic estimator of the staggered chiral condensate ⟨ψ̄ψ⟩ = (Nf/4)(1/V) Re tr (D + m)⁻¹, the trace over
 * sites and colours, V the number of sites. Each noise vector η gives the unbiased estimate
 * (Nf/4)(1/V) Re η†(D + m)⁻¹η (E[ηη†] = 1). The factor Nf/4 is that of the conventions in every dimension: one
 * staggered field carries 4 tastes in d = 4 (but 2 in d = 2, where the per-flavour value is (Nf/2)(1/V) Re tr).
 *
 * <p>Solve: x = (D + m)⁻¹η by the even–odd reduction. D connects only opposite parities, so
 * (m² − D_eo D_oe) x_e = m η_e − D_eo η_o is solved by CG on the even sites (Hermitian positive definite, ≥ m²),
 * then x_o = (η_o − D_oe x_e)/m; the estimate is Re(η_e†x_e + η_o†x_o). Since D(m² − D²)⁻¹ is anti-Hermitian,
 * this equals m η_e†(m² − D_eo D_oe)⁻¹η_e + m η_o†(m² − D_oe D_eo)⁻¹η_o exactly: the anti-Hermitian part of
 * (D + m)⁻¹ drops out of every single estimate, not only of the mean. The reported {@link SolverResult} is that
 * of the even-site CG; its residual is relative to m η_e − D_eo η_o. A solve that misses its tolerance throws.
 *
 * <p>Needs m ≠ 0. Keeps scratch vectors: one instance must not be used from several threads at once (the operator
 * threads internally over sites).
 */
public final class StaggeredCondensate {
    private final StaggeredOperator op;
    private final StaggeredEvenNormalOperator evenNormal;
    private final ConjugateGradient cg;
    private final double mass;
    private final double normalisation;
    private final int[] evenSites;
    private final int[] oddSites;
    private final int stride;
    private final int sites;
    private final double[] etaEven;
    private final double[] etaOdd;
    private final double[] rhs;
    private final double[] xEven;
    private final double[] xOdd;

    /**
     * @param op        the staggered operator D + m (its mass must be non-zero)
     * @param flavours  Nf, the number of flavours the condensate is normalised to (> 0)
     * @param cg        the solver for m² − D_eo D_oe
     */
    public StaggeredCondensate(StaggeredOperator op, double flavours, ConjugateGradient cg) {
        if (op == null) throw new IllegalArgumentException("staggered operator must not be null");
        if (cg == null) throw new IllegalArgumentException("CG solver must not be null");
        if (!(flavours > 0) || !Double.isFinite(flavours)) {
            throw new IllegalArgumentException("number of flavours must be positive and finite, got " + flavours);
        }
        if (op.mass() == 0) {
            throw new IllegalArgumentException("staggered mass must be non-zero: D + m is singular in general at m = 0"
                    + " and the even-odd solve divides by m");
        }
        this.op = op;
        this.cg = cg;
        this.mass = op.mass();
        Lattice lat = op.lattice();
        this.sites = lat.volume();
        this.normalisation = flavours / 4.0 / sites;
        this.evenNormal = op.evenNormal();
        this.evenSites = lat.sitesOfParity(0);
        this.oddSites = lat.sitesOfParity(1);
        this.stride = op.length() / sites;
        int half = op.halfLength();
        this.etaEven = new double[half];
        this.etaOdd = new double[half];
        this.rhs = new double[half];
        this.xEven = new double[half];
        this.xOdd = new double[half];
    }

    /** (Nf/4)/V, the factor in front of Re η†(D + m)⁻¹η. */
    public double normalisation() { return normalisation; }

    /** Doubles in a source vector: V · N · 2. */
    public int sourceLength() { return op.length(); }

    /** The estimate from noise vectors 0 … count−1 of {@code configuration}, one entry per vector, in id order. */
    public List<NoiseEstimate> measure(NoiseSource noise, long configuration, int count) {
        if (noise == null) throw new IllegalArgumentException("noise source must not be null");
        if (count <= 0 || count - 1 > NoiseSource.MAX_NOISE_ID) {
            throw new IllegalArgumentException("number of noise vectors must be in [1, "
                    + (NoiseSource.MAX_NOISE_ID + 1) + "], got " + count);
        }
        double[] eta = new double[op.length()];
        List<NoiseEstimate> out = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            noise.fill(configuration, id, sites, eta);
            out.add(estimate(id, eta));
        }
        return out;
    }

    /** (Nf/4)(1/V) Re η†(D + m)⁻¹η for a given source η (noise id reported as −1). */
    public NoiseEstimate estimate(double[] eta) {
        return estimate(-1, eta);
    }

    private NoiseEstimate estimate(int id, double[] eta) {
        ComplexVectors.checkSource(eta, op.length());
        ComplexVectors.gather(eta, evenSites, stride, etaEven);
        ComplexVectors.gather(eta, oddSites, stride, etaOdd);
        op.applyEvenOdd(etaOdd, rhs);
        for (int j = 0; j < rhs.length; j++) rhs[j] = mass * etaEven[j] - rhs[j];
        Arrays.fill(xEven, 0.0);
        SolverResult result = cg.solve(evenNormal, rhs, xEven).requireConverged("staggered condensate CG");
        op.applyOddEven(xEven, xOdd);
        double inverseMass = 1.0 / mass;
        for (int j = 0; j < xOdd.length; j++) xOdd[j] = (etaOdd[j] - xOdd[j]) * inverseMass;
        double trace = ComplexVectors.reDot(etaEven, xEven) + ComplexVectors.reDot(etaOdd, xOdd);
        return new NoiseEstimate(id, normalisation * trace, result);
    }
}
