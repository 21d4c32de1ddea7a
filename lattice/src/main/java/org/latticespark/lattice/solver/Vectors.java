package org.latticespark.lattice.solver;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.parallel.Parallelism;

/** Argument checks shared by the solvers. */
final class Vectors {
    private Vectors() {}

    static void checkSettings(double tolerance, int maxIterations, Parallelism par) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (par == null) throw new IllegalArgumentException("parallelism must not be null");
    }

    /** Checks operator, b and x; returns the operator's length. */
    static int checkProblem(LinearOperator op, double[] b, double[] x) {
        int n = checkOperator(op);
        requireFinite("right-hand side b", b, n);
        requireFinite("initial guess x", x, n);
        if (b == x) throw new IllegalArgumentException("b and x must be different arrays");
        return n;
    }

    /** Returns the operator's length after checking it is a positive even number. */
    static int checkOperator(LinearOperator op) {
        if (op == null) throw new IllegalArgumentException("operator must not be null");
        int n = op.length();
        if (n <= 0 || n % 2 != 0) {
            throw new IllegalArgumentException("operator length must be a positive even number of doubles, got " + n);
        }
        return n;
    }

    static void requireFinite(String what, double[] v, int n) {
        if (v == null) throw new IllegalArgumentException(what + " must not be null");
        if (v.length != n) {
            throw new IllegalArgumentException(what + " has " + v.length + " doubles, the operator needs " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " has a non-finite entry " + v[i] + " at index " + i);
            }
        }
    }
}
