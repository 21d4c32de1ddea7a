package org.latticespark.analysis.fit;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * f(x) = c0 + c1·x + ... + cd·x^d, for plateaus (d = 0) and extrapolations in a², 1/L, m_π², ...
 * Linear in the parameters, so the fit converges in one Gauss–Newton step from any starting point; the
 * automatic initial guess is already the σ-weighted (uncorrelated) least-squares solution.
 */
public final class Polynomial implements FitModel {
    private final int degree;
    private final List<String> names;

    private Polynomial(int degree) {
        if (degree < 0) {
            throw new IllegalArgumentException("polynomial degree must be >= 0, got " + degree);
        }
        this.degree = degree;
        List<String> n = new ArrayList<>();
        for (int j = 0; j <= degree; j++) {
            n.add("c" + j);
        }
        this.names = List.copyOf(n);
    }

    /** The plateau f(x) = c0. */
    public static Polynomial constant() {
        return new Polynomial(0);
    }

    public static Polynomial ofDegree(int degree) {
        return new Polynomial(degree);
    }

    public int degree() {
        return degree;
    }

    @Override
    public String name() {
        return degree == 0 ? "constant" : "polynomial of degree " + degree;
    }

    @Override
    public List<String> parameterNames() {
        return names;
    }

    @Override
    public double value(double x, double[] p) {
        double f = p[degree];
        for (int j = degree - 1; j >= 0; j--) {
            f = f * x + p[j];
        }
        return f;
    }

    @Override
    public double[] gradient(double x, double[] p) {
        double[] g = new double[degree + 1];
        double power = 1;
        for (int j = 0; j <= degree; j++) {
            g[j] = power;
            power *= x;
        }
        return g;
    }

    @Override
    public double[][] secondDerivatives(double x, double[] p) {
        return new double[degree + 1][degree + 1];
    }

    @Override
    public double[] initialGuess(double[] x, double[] y, double[] sigma) {
        int n = x.length;
        int k = degree + 1;
        long distinct = java.util.Arrays.stream(x).distinct().count();
        if (distinct < k) {
            throw new IllegalArgumentException("a polynomial of degree " + degree + " needs at least " + k
                    + " distinct x values, got " + distinct);
        }
        DMatrixRMaj a = new DMatrixRMaj(n, k);
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double[] g = gradient(x[i], null);
            for (int j = 0; j < k; j++) {
                a.set(i, j, g[j] / sigma[i]);
            }
            b.set(i, 0, y[i] / sigma[i]);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, k);
        DMatrixRMaj c = new DMatrixRMaj(k, 1);
        solver.setA(a);
        solver.solve(b, c);
        return c.getData().clone();
    }

    @Override
    public String toString() {
        return name();
    }
}
