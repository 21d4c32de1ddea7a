package org.latticespark.lattice.solver;

import java.util.Arrays;
import org.latticespark.lattice.parallel.Parallelism;

/** The settings every solver shares: relative tolerance in (0, 1), an iteration limit and the threads. */
abstract class KrylovSolver {
    protected final double tolerance;
    protected final int maxIterations;
    protected final Parallelism par;

    KrylovSolver(double tolerance, int maxIterations, Parallelism par) {
        Vectors.checkSettings(tolerance, maxIterations, par);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.par = par;
    }

    public double tolerance() { return tolerance; }

    public int maxIterations() { return maxIterations; }

    /** The answer for b = 0: x = 0, exactly, with no work done. */
    protected SolverResult zeroSolution(double[] x) {
        Arrays.fill(x, 0.0);
        return new SolverResult(0, 0.0, true, 0, 0, tolerance);
    }
}
