package org.latticespark.analysis.resample;

/** Correlation matrix ρ_ab = C_ab / sqrt(C_aa C_bb) of a covariance matrix. */
public final class Correlation {
    private Correlation() {
    }

    /**
     * @param covariance a symmetric covariance matrix; only its upper triangle (a &lt;= b) is read
     * @return the exactly symmetric correlation matrix, with diagonal exactly 1 and entries clamped to [-1, 1]
     *         (rounding can otherwise push them just outside)
     * @throws IllegalArgumentException for a missing or non-square matrix, a non-finite entry, or a diagonal
     *                                  entry that is not &gt; 0 (a quantity without fluctuation has no correlation)
     */
    public static double[][] of(double[][] covariance) {
        if (covariance == null || covariance.length == 0) {
            throw new IllegalArgumentException("no covariance matrix given");
        }
        int m = covariance.length;
        for (int a = 0; a < m; a++) {
            if (covariance[a] == null || covariance[a].length != m) {
                throw new IllegalArgumentException("covariance matrix is not square: row " + a + " has "
                        + (covariance[a] == null ? "no" : String.valueOf(covariance[a].length)) + " entries, need " + m);
            }
            for (int b = a; b < m; b++) {
                if (!Double.isFinite(covariance[a][b])) {
                    throw new IllegalArgumentException("covariance entry (" + a + ", " + b + ") is " + covariance[a][b]);
                }
            }
            if (!(covariance[a][a] > 0)) {
                throw new IllegalArgumentException("variance of quantity " + a + " is " + covariance[a][a]
                        + ": a correlation needs a positive variance");
            }
        }
        double[][] rho = new double[m][m];
        for (int a = 0; a < m; a++) {
            rho[a][a] = 1;
            for (int b = a + 1; b < m; b++) {
                double r = covariance[a][b] / Math.sqrt(covariance[a][a]) / Math.sqrt(covariance[b][b]);
                rho[a][b] = Math.max(-1, Math.min(1, r));
                rho[b][a] = rho[a][b];
            }
        }
        return rho;
    }
}
