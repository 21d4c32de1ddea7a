package org.latticespark.analysis.resample;

import org.latticespark.analysis.Stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class CovarianceTest {
    /** Three correlated observables (x, x + y, x·y) on three replicas of different lengths. */
    private static final Samples DATA = correlated(17, 900, 611, 250);

    @Test
    void deleteOneJackknifeCovarianceIsTheNaiveCovarianceOfTheMeans() {
        for (int binSize : new int[] {1, 5}) {
            double[][] naive = Covariance.ofMeans(DATA, binSize);
            double[][] jackknife = Covariance.jackknife(DATA, binSize);
            assertEntriesEqual(naive, jackknife, 1e-12, "bin size " + binSize);
            assertSymmetricPositiveSemiDefinite(naive);
            assertSymmetricPositiveSemiDefinite(jackknife);
        }
        assertEntriesEqual(Covariance.ofMeans(DATA, 1), Covariance.ofMeans(DATA), 0, "default bin size");
    }

    @Test
    void naiveCovarianceByDefinition() {
        // pooled over replicas about the overall mean, Σ (a - ā)(b - b̄) / (N (N - 1))
        double[][][] data = {{{1, 2, 4}, {3}}, {{2, 0, 1}, {5}}};
        double[][] c = Covariance.ofMeans(Samples.of(data));
        // a: 1 2 4 3, mean 2.5; b: 2 0 1 5, mean 2
        assertEquals((2.25 + 0.25 + 2.25 + 0.25) / 12, c[0][0], 1e-15);
        assertEquals((0 + 4 + 1 + 9) / 12.0, c[1][1], 1e-15);
        assertEquals((-1.5 * 0 + -0.5 * -2 + 1.5 * -1 + 0.5 * 3) / 12, c[0][1], 1e-15);
    }

    @Test
    void diagonalIsTheSquaredErrorOfEachMean() {
        for (int binSize : new int[] {1, 8}) {
            double[][] c = Covariance.ofMeans(DATA, binSize);
            for (int a = 0; a < DATA.observables(); a++) {
                double[][] replicas = observable(DATA, a);
                double error = BinningAnalysis.of(replicas, new int[] {binSize}).errors()[0];
                assertEquals(error * error, c[a][a], 1e-12 * c[a][a], "observable " + a + ", bin size " + binSize);
                int observable = a;
                double jackknife = Jackknife.of(DATA, binSize, m -> m[observable]).error();
                assertEquals(jackknife * jackknife, c[a][a], 1e-12 * c[a][a]);
            }
        }
    }

    @Test
    void bootstrapCovarianceDiagonalIsTheSquaredBootstrapError() {
        double[][] means = Bootstrap.meanSamples(DATA, 2, 400, 5);
        double[][] c = Covariance.ofBootstrapSamples(means);
        assertSymmetricPositiveSemiDefinite(c);
        for (int a = 0; a < DATA.observables(); a++) {
            int observable = a;
            double error = Bootstrap.of(DATA, 2, 400, 5, m -> m[observable]).error();
            assertEquals(error * error, c[a][a], 1e-12 * c[a][a]);
        }
    }

    @Test
    void rankDeficientCovarianceIsStillPositiveSemiDefinite() {
        // 6 quantities from 4 jackknife samples: rank <= 3, so three eigenvalues are zero up to rounding
        SplittableRandom random = new SplittableRandom(3);
        double[][] samples = new double[6][4];
        for (double[] row : samples) {
            for (int k = 0; k < row.length; k++) {
                row[k] = 100 + random.nextGaussian();
            }
        }
        assertSymmetricPositiveSemiDefinite(Covariance.ofJackknifeSamples(samples));
        assertSymmetricPositiveSemiDefinite(Covariance.ofBootstrapSamples(samples));
        assertEquals(3, rank(Covariance.ofJackknifeSamples(samples)));
    }

    @Test
    void correlationMatchesTheExactCorrelationWithinFisherError() {
        // x, y unit normal with correlation ρ: atanh(r) is normal with mean atanh(ρ) + O(1/N), variance 1/(N - 3)
        double rho = 0.6;
        int n = 400;
        int seeds = 300;
        double[] z = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            SplittableRandom random = new SplittableRandom(81_000 + seed);
            double[][][] data = new double[2][1][n];
            for (int i = 0; i < n; i++) {
                double u = random.nextGaussian();
                data[0][0][i] = u;
                data[1][0][i] = rho * u + Math.sqrt(1 - rho * rho) * random.nextGaussian();
            }
            double[][] r = Correlation.of(Covariance.ofMeans(Samples.of(data)));
            assertEquals(1.0, r[0][0], 0);
            assertEquals(1.0, r[1][1], 0);
            assertEquals(r[0][1], r[1][0], 0);
            z[seed] = (atanh(r[0][1]) - atanh(rho)) * Math.sqrt(n - 3.0);
        }
        new Stats(z).assertStandardNormal("Fisher-transformed correlation");
    }

    @Test
    void correlationOfJackknifeCovarianceIsSymmetricAndBounded() {
        double[][] r = Correlation.of(Covariance.jackknife(DATA, 3));
        for (int a = 0; a < r.length; a++) {
            assertEquals(1.0, r[a][a], 0);
            for (int b = 0; b < r.length; b++) {
                assertEquals(r[a][b], r[b][a], 0);
                assertTrue(Math.abs(r[a][b]) <= 1);
            }
        }
        assertSymmetricPositiveSemiDefinite(r);
        assertTrue(r[0][1] > 0.5, "x and x + y are strongly correlated, got " + r[0][1]);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    private static Samples correlated(long seed, int... lengths) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] data = new double[3][lengths.length][];
        for (int r = 0; r < lengths.length; r++) {
            for (int a = 0; a < 3; a++) {
                data[a][r] = new double[lengths[r]];
            }
            for (int i = 0; i < lengths[r]; i++) {
                double x = 2 + random.nextGaussian();
                double y = random.nextGaussian();
                data[0][r][i] = x;
                data[1][r][i] = x + y;
                data[2][r][i] = x * y;
            }
        }
        return Samples.of(data);
    }

    private static double[][] observable(Samples samples, int a) {
        double[][] replicas = new double[samples.replicas()][];
        for (int r = 0; r < replicas.length; r++) {
            replicas[r] = new double[samples.length(r)];
            for (int i = 0; i < replicas[r].length; i++) {
                replicas[r][i] = samples.value(a, r, i);
            }
        }
        return replicas;
    }

    private static void assertEntriesEqual(double[][] expected, double[][] actual, double relative, String what) {
        for (int a = 0; a < expected.length; a++) {
            for (int b = 0; b < expected.length; b++) {
                double scale = Math.sqrt(expected[a][a] * expected[b][b]);
                assertEquals(expected[a][b], actual[a][b], relative * scale, what + " entry (" + a + ", " + b + ")");
            }
        }
    }

    private static double[] eigenvalues(double[][] c) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(c.length, false, true);
        assertTrue(eig.decompose(new DMatrixRMaj(c)), "eigen decomposition");
        double[] values = new double[c.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        return values;
    }

    /** Exactly symmetric, and no eigenvalue below -1e-12 of the trace (rounding). */
    static void assertSymmetricPositiveSemiDefinite(double[][] c) {
        double trace = 0;
        for (int a = 0; a < c.length; a++) {
            trace += c[a][a];
            for (int b = 0; b < c.length; b++) {
                assertEquals(c[a][b], c[b][a], 0, "symmetry of entry (" + a + ", " + b + ")");
            }
        }
        for (double lambda : eigenvalues(c)) {
            assertTrue(lambda >= -1e-12 * trace, "eigenvalue " + lambda + " of a matrix with trace " + trace);
        }
    }

    private static int rank(double[][] c) {
        double trace = 0;
        for (int a = 0; a < c.length; a++) {
            trace += c[a][a];
        }
        int rank = 0;
        for (double lambda : eigenvalues(c)) {
            rank += lambda > 1e-10 * trace ? 1 : 0;
        }
        return rank;
    }
}
