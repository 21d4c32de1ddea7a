package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class ObsCovarianceTest {

    private static List<Obs> correlators(long seed) {
        // c(t) = exp(-0.5 t) (1 + 0.2 a(i) + 0.05 b_t(i)): strongly correlated in t, autocorrelated in MC time.
        int n = 3000;
        double[] a = Ar1.series(0.7, n, seed);
        Obs[] c = new Obs[6];
        for (int t = 0; t < 6; t++) {
            double[] b = Ar1.series(0.3, n, seed * 31 + t);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.exp(-0.5 * t) * (1 + 0.2 * a[i] + 0.05 * b[i]);
            }
            c[t] = Obs.primary("e", new double[][] {v});
        }
        return List.of(c);
    }

    @Test
    void diagonalIsErrorSquaredAndMatrixIsPositiveSemiDefinite() {
        List<Obs> c = correlators(4);
        double[][] cov = Obs.covariance(c, 2.0);
        DMatrixRMaj m = new DMatrixRMaj(cov);
        for (int a = 0; a < cov.length; a++) {
            double e = c.get(a).error();
            assertEquals(e * e, cov[a][a], 1e-14 * e * e);
            for (int b = 0; b < cov.length; b++) {
                assertEquals(cov[a][b], cov[b][a], 0.0);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(cov.length, false, true);
        assertTrue(eig.decompose(m));
        double largest = 0;
        for (int k = 0; k < cov.length; k++) {
            largest = Math.max(largest, eig.getEigenvalue(k).real);
        }
        for (int k = 0; k < cov.length; k++) {
            assertTrue(eig.getEigenvalue(k).real > -1e-14 * largest, "eigenvalue " + eig.getEigenvalue(k));
        }
    }

    /** Off-diagonal: lag-0 correlation coefficient of the samples (pyerrors), times both full errors. */
    @Test
    void offDiagonalIsLagZeroCorrelationTimesErrors() {
        List<Obs> c = correlators(8);
        double[][] cov = Obs.covariance(c, 2.0);
        double[][] corr = Obs.correlation(c, 2.0);
        Obs diff = c.get(1).minus(c.get(3));
        // Var(x − y) at lag 0 expressed through the correlation reproduces the direct lag-0 variance of x − y.
        double r = corr[1][3];
        assertEquals(cov[1][3], r * c.get(1).error() * c.get(3).error(), 1e-15);
        assertTrue(r > 0.9 && r < 1, "strongly correlated time slices, r = " + r);
        double naive = Math.sqrt(cov[1][1] + cov[3][3] - 2 * cov[1][3]);
        assertTrue(Math.abs(naive - diff.error()) < 0.2 * diff.error(),
                "propagated " + diff.error() + " vs covariance-based " + naive);
    }

    @Test
    void differentEnsemblesAreUncorrelated() {
        Obs a = correlators(1).get(0);
        Obs b = Obs.primary("other", new double[][] {Ar1.series(0.2, 500, 3)});
        double[][] cov = Obs.covariance(List.of(a, b), 2.0);
        assertEquals(0.0, cov[0][1], 0.0);
    }
}
