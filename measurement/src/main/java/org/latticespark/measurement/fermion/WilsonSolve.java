package org.latticespark.measurement.fermion;

import java.util.Arrays;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.wilson.WilsonCloverEvenOdd;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.solver.BiCgStab;
import org.latticespark.lattice.solver.SolverResult;

/**
 * Solves M ψ = η for the Wilson operator M = 1 − κH, or with c_SW &gt; 0 the Wilson-clover M = A − κH, by even–odd
 * preconditioning: BiCGStab on the Schur complement from zero, then the odd sites. c_SW = 0 takes the plain
 * {@link WilsonEvenOdd} path, so its results are bit-identical to the Wilson code without clover. Not for use from
 * two threads.
 */
final class WilsonSolve {
    private final WilsonEvenOdd plain;
    private final WilsonCloverEvenOdd clover;
    private final LinearOperator schur;
    private final BiCgStab solver;
    private final double[] source;
    private final double[] psiEven;

    WilsonSolve(GaugeField gauge, double kappa, double cSw, BiCgStab solver, Parallelism par) {
        if (!(cSw >= 0) || !Double.isFinite(cSw)) {
            throw new IllegalArgumentException("c_SW must be finite and >= 0, got " + cSw);
        }
        this.plain = cSw == 0 ? new WilsonEvenOdd(gauge, kappa, par) : null;
        this.clover = cSw == 0 ? null : new WilsonCloverEvenOdd(gauge, kappa, cSw, par);
        this.schur = plain != null ? plain.schur() : clover.schur();
        this.solver = solver;
        int half = plain != null ? plain.halfLength() : clover.halfLength();
        this.source = new double[half];
        this.psiEven = new double[half];
    }

    /** Doubles in a full field: V · S · N · 2. */
    int fullLength() { return 2 * source.length; }

    /** ψ = M⁻¹ η; the result is that of the Schur solve, relative to its right-hand side. */
    SolverResult solve(double[] eta, double[] psi, String what) {
        if (plain != null) plain.prepareSource(eta, source, false);
        else clover.prepareSource(eta, source, false);
        Arrays.fill(psiEven, 0.0);
        SolverResult r = solver.solve(schur, source, psiEven).requireConverged(what);
        if (plain != null) plain.reconstruct(eta, psiEven, psi, false);
        else clover.reconstruct(eta, psiEven, psi, false);
        return r;
    }
}
