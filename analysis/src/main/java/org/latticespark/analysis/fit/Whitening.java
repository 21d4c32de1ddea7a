package org.latticespark.analysis.fit;

/**
 * The data covariance C = L·Lᵀ of a fit, L lower triangular (diagonal, L = diag(σ), for an uncorrelated
 * fit), so that χ² = |L⁻¹ r|² for residuals r and the weight matrix is W = C⁻¹ = L⁻ᵀ L⁻¹.
 */
final class Whitening {
    /** Relative pivots (Cholesky of the correlation matrix) below n times this are taken as singular. */
    private static final double SINGULAR_PIVOT = 64 * Math.ulp(1.0);
    /** Allowed asymmetry |C_ij − C_ji| relative to sqrt(C_ii C_jj). */
    private static final double SYMMETRY_TOLERANCE = 1e-10;

    private final double[][] lower;

    private Whitening(double[][] lower) {
        this.lower = lower;
    }

    static Whitening uncorrelated(double[] sigma) {
        if (sigma == null) {
            throw new IllegalArgumentException("errors sigma must not be null");
        }
        int n = sigma.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (!(sigma[i] > 0) || Double.isInfinite(sigma[i])) {
                throw new IllegalArgumentException("error sigma[" + i + "] = " + sigma[i]
                        + " must be finite and > 0");
            }
            l[i][i] = sigma[i];
        }
        return new Whitening(l);
    }

    /**
     * Cholesky factor of a covariance matrix, computed on the correlation matrix so that the pivots measure
     * how much of each point's variance is not explained by the earlier points.
     *
     * @throws IllegalArgumentException if C is not square, not finite, not symmetric, or not (numerically)
     *                                  positive definite
     */
    static Whitening correlated(double[][] c) {
        int n = checkSquare(c);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(c[i][i] > 0) || Double.isInfinite(c[i][i])) {
                throw new IllegalArgumentException("covariance matrix is not positive definite: variance C[" + i
                        + "][" + i + "] = " + c[i][i] + " must be finite and > 0");
            }
            d[i] = Math.sqrt(c[i][i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (!Double.isFinite(c[i][j]) || !Double.isFinite(c[j][i])) {
                    throw new IllegalArgumentException("covariance C[" + i + "][" + j + "] is not finite");
                }
                if (Math.abs(c[i][j] - c[j][i]) > SYMMETRY_TOLERANCE * d[i] * d[j]) {
                    throw new IllegalArgumentException("covariance matrix is not symmetric: C[" + i + "][" + j + "] = "
                            + c[i][j] + " but C[" + j + "][" + i + "] = " + c[j][i]);
                }
            }
        }
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double pivot = 1;
            for (int k = 0; k < j; k++) {
                pivot -= l[j][k] * l[j][k];
            }
            if (!(pivot > n * SINGULAR_PIVOT)) {
                throw new IllegalArgumentException("covariance matrix is not positive definite: data point " + j
                        + " is (numerically) a linear combination of points 0.." + (j - 1)
                        + " (relative Cholesky pivot " + pivot + "); a correlated fit needs an invertible covariance");
            }
            l[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < n; i++) {
                double s = c[i][j] / (d[i] * d[j]);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                l[i][j] *= d[i];
            }
        }
        return new Whitening(l);
    }

    private static int checkSquare(double[][] c) {
        if (c == null) {
            throw new IllegalArgumentException("covariance matrix must not be null");
        }
        for (int i = 0; i < c.length; i++) {
            if (c[i] == null || c[i].length != c.length) {
                throw new IllegalArgumentException("covariance matrix must be square: row " + i + " has "
                        + (c[i] == null ? "no" : c[i].length) + " entries, expected " + c.length);
            }
        }
        return c.length;
    }

    int size() {
        return lower.length;
    }

    /** sqrt(C_ii). */
    double[] sigmas() {
        double[] s = new double[lower.length];
        for (int i = 0; i < s.length; i++) {
            double sum = 0;
            for (int k = 0; k <= i; k++) {
                sum += lower[i][k] * lower[i][k];
            }
            s[i] = Math.sqrt(sum);
        }
        return s;
    }

    /** C = L Lᵀ. */
    double[][] covariance() {
        int n = lower.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += lower[i][k] * lower[j][k];
                }
                c[i][j] = s;
                c[j][i] = s;
            }
        }
        return c;
    }

    /** L⁻¹ v. */
    double[] whiten(double[] v) {
        int n = lower.length;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            double s = v[i];
            for (int k = 0; k < i; k++) {
                s -= lower[i][k] * u[k];
            }
            u[i] = s / lower[i][i];
        }
        return u;
    }

    /** L⁻ᵀ v, so that W v = L⁻ᵀ (L⁻¹ v). */
    double[] whitenTransposed(double[] v) {
        int n = lower.length;
        double[] u = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = v[i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k][i] * u[k];
            }
            u[i] = s / lower[i][i];
        }
        return u;
    }

    /** L⁻¹ M L⁻ᵀ for a symmetric n×n matrix M. */
    double[][] whitenBothSides(double[][] m) {
        int n = lower.length;
        double[][] half = new double[n][];
        for (int j = 0; j < n; j++) {
            half[j] = whiten(m[j]);
        }
        double[][] out = new double[n][];
        double[] column = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                column[j] = half[j][i];
            }
            out[i] = whiten(column);
        }
        return out;
    }
}
