package org.latticespark.lattice.rational;

import java.math.BigDecimal;
import java.math.MathContext;

/** Dense Gaussian elimination with partial pivoting in BigDecimal, for the small ill-conditioned Remez systems. */
final class BigLinearSolver {
    private BigLinearSolver() {}

    /** Solves a x = b for square a; the arguments are not modified. */
    static BigDecimal[] solve(BigDecimal[][] a, BigDecimal[] b, MathContext mc) {
        int n = b.length;
        BigDecimal[][] m = new BigDecimal[n][];
        for (int i = 0; i < n; i++) m[i] = a[i].clone();
        BigDecimal[] x = b.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (m[r][col].abs().compareTo(m[pivot][col].abs()) > 0) pivot = r;
            }
            if (m[pivot][col].signum() == 0) {
                throw new ArithmeticException("singular Remez system (reference points not distinct?)");
            }
            BigDecimal[] rowSwap = m[col]; m[col] = m[pivot]; m[pivot] = rowSwap;
            BigDecimal valueSwap = x[col]; x[col] = x[pivot]; x[pivot] = valueSwap;
            for (int r = col + 1; r < n; r++) {
                BigDecimal factor = m[r][col].divide(m[col][col], mc);
                if (factor.signum() == 0) continue;
                for (int c = col + 1; c < n; c++) m[r][c] = m[r][c].subtract(factor.multiply(m[col][c]), mc);
                x[r] = x[r].subtract(factor.multiply(x[col]), mc);
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            BigDecimal s = x[r];
            for (int c = r + 1; c < n; c++) s = s.subtract(m[r][c].multiply(x[c], mc), mc);
            x[r] = s.divide(m[r][r], mc);
        }
        return x;
    }
}
