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
        for (int a = 0; a < cov.length; a++) {
            double e = c.get(a).error();
            assertEquals(e * e, cov[a][a], 1e-14 * e * e);
            for (int b = 0; b < cov.length; b++) {
                assertEquals(cov[a][b], cov[b][a], 0.0);
            }
        }
        assertPositiveSemiDefinite(cov);
    }

    private static void assertPositiveSemiDefinite(double[][] cov) {
        DMatrixRMaj m = new DMatrixRMaj(cov);
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

    /**
     * Two replicas with opposite structure: in replica 0 a = b and c ≈ 0, in replica 1 b = c and a ≈ 0. pyerrors'
     * replica-by-replica normalisation gives an indefinite matrix here (a negative variance for b − a − c); the
     * pooled Gram normalisation stays positive semi-definite.
     */
    @Test
    void severalReplicasGiveAPositiveSemiDefiniteMatrix() {
        int n = 400;
        double[] u = Ar1.series(0, n, 1);
        double[] v = Ar1.series(0, n - 37, 2);
        Obs a = Obs.primary("e", new double[][] {u, scaled(Ar1.series(0, n - 37, 3), 1e-3)});
        Obs b = Obs.primary("e", new double[][] {u, v});
        Obs c = Obs.primary("e", new double[][] {scaled(Ar1.series(0, n, 4), 1e-3), v});
        double[][] cov = Obs.covariance(List.of(a, b, c), 2.0);
        assertPositiveSemiDefinite(cov);
        double combination = cov[0][0] + cov[1][1] + cov[2][2] - 2 * cov[0][1] - 2 * cov[1][2] + 2 * cov[0][2];
        assertTrue(combination >= 0, "variance of b - a - c from the covariance: " + combination);
    }

    /**
     * a = x_A + y_B with y_B's error negligible and b = x_A: the two are correlated almost 100 %, and the error
     * of a − b rebuilt from the covariance matrix equals the propagated one (only y_B's error remains).
     */
    @Test
    void ensemblesAreWeightedByTheirShareOfTheError() {
        Obs x = Obs.primary("A", new double[][] {scaled(Ar1.series(0.5, 2000, 5), 0.1)});
        Obs y = Obs.primary("B", new double[][] {scaled(Ar1.series(0.5, 2000, 6), 1e-4)});
        Obs a = x.plus(y);
        double[][] cov = Obs.covariance(List.of(a, x), 2.0);
        double direct = a.minus(x).error();
        double fromCovariance = Math.sqrt(cov[0][0] + cov[1][1] - 2 * cov[0][1]);
        assertEquals(direct, fromCovariance, 1e-3 * direct);
        assertEquals(1.0, Obs.correlation(List.of(a, x), 2.0)[0][1], 1e-5);
    }

    @Test
    void differentEnsemblesAreUncorrelated() {
        Obs a = correlators(1).get(0);
        Obs b = Obs.primary("other", new double[][] {Ar1.series(0.2, 500, 3)});
        double[][] cov = Obs.covariance(List.of(a, b), 2.0);
        assertEquals(0.0, cov[0][1], 0.0);
    }

    private static double[] scaled(double[] v, double c) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= c;
        }
        return out;
    }
}
