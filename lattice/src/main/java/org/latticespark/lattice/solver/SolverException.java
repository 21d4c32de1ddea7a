package org.latticespark.lattice.solver;

/** A Krylov solve that did not reach its tolerance, or broke down; the message names the numbers. */
public final class SolverException extends RuntimeException {
    public SolverException(String message) {
        super(message);
    }
}
