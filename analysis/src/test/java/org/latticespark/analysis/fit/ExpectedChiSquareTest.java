package org.latticespark.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The expected χ² of Bruno &amp; Sommer, χ²_exp = tr[C W (1 − P)], P = J (Jᵀ W J)⁻¹ Jᵀ W. */
class ExpectedChiSquareTest {
    private static final double[] T = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    private static final double[] TRUTH = {1.2, 0.3};

    @Test
    void correlatedFitExpectsDof() {
        double[][] c = Gaussian.decaying(errors(0.01), T, 0.9);
        FitResult fit = LeastSquares.correlated(T, data(c, 1), c, new Exponential());
        assertEquals(T.length - 2, fit.expectedChiSquare(), 1e-10 * T.length, "C = W^-1 gives n - k");
        assertEquals(fit.chiSquare() / fit.dof(), fit.chiSquareByExpected(), 1e-10);
    }

    @Test
    void uncorrelatedFitOfUncorrelatedDataExpectsDof() {
        double[] sigma = errors(0.02);
        double[][] c = ClosedForm.diagonal(sigma);
        FitResult fit = LeastSquares.uncorrelated(T, data(c, 2), sigma, new Exponential(),
                FitOptions.defaults().withDataCovariance(c));
        assertEquals(T.length - 2, fit.expectedChiSquare(), 1e-10 * T.length);
    }

    @Test
    void uncorrelatedFitOfCorrelatedDataMatchesTheDirectFormula() {
        double[] sigma = errors(0.01);
        double[][] c = Gaussian.decaying(sigma, T, 0.8);
        FitResult fit = LeastSquares.uncorrelated(T, data(c, 3), sigma, new Exponential(),
                FitOptions.defaults().withDataCovariance(c));
        double[][] design = new double[T.length][];
        for (int i = 0; i < T.length; i++) {
            design[i] = new Exponential().gradient(T[i], fit.parameters());
        }
        double direct = direct(design, sigma, c);
        assertEquals(direct, fit.expectedChiSquare(), 1e-10 * direct);
        assertEquals(fit.chiSquare() / direct, fit.chiSquareByExpected(), 1e-10 * fit.chiSquareByExpected());
    }

    /**
     * For a linear model E[χ²] = χ²_exp exactly: over many seeds the mean χ² of uncorrelated fits to
     * strongly correlated data matches χ²_exp within its standard error, and is far from dof.
     */
    @Test
    void meanChiSquareOfUncorrelatedFitsIsTheExpectedOne() {
        int seeds = 2000;
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        double[] sigma = {0.1, 0.1, 0.12, 0.12, 0.15, 0.15, 0.2, 0.2};
        double[][] c = Gaussian.decaying(sigma, x, 0.01);
        Gaussian noise = new Gaussian(c);
        FitOptions options = FitOptions.defaults().withDataCovariance(c);
        double[] chi2 = new double[seeds];
        double expected = Double.NaN;
        for (int seed = 0; seed < seeds; seed++) {
            double[] e = noise.sample(new SplittableRandom(500 + seed));
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = 1 - 2 * x[i] + e[i];
            }
            FitResult fit = LeastSquares.uncorrelated(x, y, sigma, Polynomial.ofDegree(1), options);
            chi2[seed] = fit.chiSquare();
            expected = fit.expectedChiSquare();
        }
        SeedStats stats = new SeedStats(chi2);
        stats.assertMean(expected, "mean chi2 of uncorrelated fits vs chi2_exp");
        assertFalse(stats.meanIs(x.length - 2), "correlations must make chi2_exp differ from dof measurably: mean "
                + stats.mean() + " +- " + stats.standardError() + ", chi2_exp " + expected);
    }

    /** tr[C W (1 − P)] with W = diag(1/σ²), by plain matrix products. */
    private static double direct(double[][] design, double[] sigma, double[][] c) {
        int n = sigma.length;
        DMatrixRMaj j = new DMatrixRMaj(design);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            w.set(i, i, 1 / (sigma[i] * sigma[i]));
        }
        DMatrixRMaj jtw = new DMatrixRMaj(j.numCols, n);
        CommonOps_DDRM.multTransA(j, w, jtw);
        DMatrixRMaj normal = new DMatrixRMaj(j.numCols, j.numCols);
        CommonOps_DDRM.mult(jtw, j, normal);
        CommonOps_DDRM.invert(normal);
        DMatrixRMaj left = new DMatrixRMaj(n, j.numCols);
        CommonOps_DDRM.mult(j, normal, left);
        DMatrixRMaj projector = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(left, jtw, projector);
        DMatrixRMaj complement = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.subtractEquals(complement, projector);
        DMatrixRMaj cw = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(new DMatrixRMaj(c), w, cw);
        DMatrixRMaj product = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(cw, complement, product);
        return CommonOps_DDRM.trace(product);
    }

    private static double[] errors(double relative) {
        double[] s = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            s[i] = relative * new Exponential().value(T[i], TRUTH);
        }
        return s;
    }

    private static double[] data(double[][] c, long seed) {
        double[] e = new Gaussian(c).sample(new SplittableRandom(seed));
        double[] y = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            y[i] = new Exponential().value(T[i], TRUTH) + e[i];
        }
        return y;
    }
}
