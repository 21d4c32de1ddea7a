package org.latticespark.lattice.bench;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.SolverResult;

/**
 * CG throughput on the staggered Nf = 4 operator A = m² − D_eo D_oe (even sites), mass {@value #MASS},
 * relative tolerance {@value #TOLERANCE}, from x = 0: one short untimed solve, then one timed solve.
 *
 * <p>Counting model, per even site, N colours, C = 2N doubles per site: one application of A does two
 * half-lattice hopping terms and m²·in − out, 2·{@link Kernel#flopsPerSite} + 2C flops and
 * 2·{@link Kernel#bytesPerSite} + 3·8C bytes (the mass term reads two vectors and writes one); one CG iteration
 * adds the vector operations of {@link ConjugateGradient}: ⟨p, Ap⟩, the fused x += αp, r −= αAp with |r|², and
 * p = r + βp, 10C flops and 11·8C bytes. The few residuals computed from scratch are counted only through
 * their operator applications. For SU(3) in d = 4 an iteration with one application is 1212 flops and
 * 3840 bytes per even site.
 */
public final class CgBenchmark {
    public static final double MASS = 0.2;
    public static final double TOLERANCE = 1e-8;
    public static final int MAX_ITERATIONS = 100_000;
    static final int WARMUP_ITERATIONS = 10;

    private CgBenchmark() {}

    /** Solves A x = b for a Gaussian b on the given (hot) gauge field. */
    public static CgResult run(GaugeField gauge, double[] b, Parallelism par, double triadGbs) {
        StaggeredOperator staggered = new StaggeredOperator(gauge, MASS, par);
        LinearOperator a = staggered.evenNormal();
        if (b.length != a.length()) {
            throw new IllegalArgumentException("right-hand side has " + b.length + " doubles, expected " + a.length());
        }
        new ConjugateGradient(TOLERANCE, WARMUP_ITERATIONS, par).solve(a, b, new double[a.length()]);
        double[] x = new double[a.length()];
        long start = System.nanoTime();
        SolverResult r = new ConjugateGradient(TOLERANCE, MAX_ITERATIONS, par).solve(a, b, x);
        double seconds = Math.max(System.nanoTime() - start, 1) * 1e-9;
        int n = gauge.group().n();
        int d = gauge.lattice().dimensions();
        double sites = gauge.lattice().volume() / 2.0;
        double c = 2.0 * n;
        Kernel half = Kernel.STAGGERED_EO;
        double flops = sites * (r.applications() * (2.0 * half.flopsPerSite(n, d) + 2 * c) + r.iterations() * 10 * c);
        double bytes = sites * (r.applications() * (2.0 * half.bytesPerSite(n, d) + 3 * 8 * c)
                + r.iterations() * 11 * 8 * c);
        return new CgResult(gauge.lattice(), gauge.group().name(), MASS, TOLERANCE, r.iterations(), r.applications(),
                r.residual(), r.converged(), seconds, flops, bytes, triadGbs);
    }
}
