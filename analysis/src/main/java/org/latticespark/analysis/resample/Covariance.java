package org.latticespark.analysis.resample;

/**
 * Covariance matrices of the means of several observables measured on the same configurations (or of several
 * resampled quantities). Every matrix is exactly symmetric (computed for a &lt;= b and mirrored) and positive
 * semi-definite up to rounding. Binning conventions are in the package documentation.
 *
 * <p>Identities: {@link #ofMeans(Samples, int)} equals {@link #jackknife(Samples, int)} for the same bin size up
 * to rounding (delete-one jackknife of linear functions), and its diagonal is the square of the
 * {@link BinningAnalysis} error.
 */
public final class Covariance {
    private Covariance() {
    }

    /** Naive covariance of the means from single samples; {@link #ofMeans(Samples, int)} with b = 1. */
    public static double[][] ofMeans(Samples samples) {
        return ofMeans(samples, 1);
    }

    /**
     * Covariance of the means from bin means: C_ab = Σ_k (a_k - ā)(b_k - b̄) / (n (n - 1)), summed over the n bins of
     * all replicas, ā the mean over all bins. For b = 1 this is the naive sample covariance (divisor N - 1)
     * divided by N.
     *
     * @throws IllegalArgumentException for a bad bin size or fewer than 2 bins
     */
    public static double[][] ofMeans(Samples samples, int binSize) {
        Bins bins = Bins.of(samples, binSize);
        double n = bins.count();
        int m = bins.observables();
        double[][] c = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                c[a][b] = Moments.sumOfProducts(bins.means(a), bins.overall(a), bins.means(b), bins.overall(b))
                        / (n * (n - 1));
                c[b][a] = c[a][b];
            }
        }
        return c;
    }

    /** Jackknife covariance of the means: {@link #ofJackknifeSamples} of {@link Jackknife#meanSamples}. */
    public static double[][] jackknife(Samples samples, int binSize) {
        return ofJackknifeSamples(Jackknife.meanSamples(samples, binSize));
    }

    /**
     * Jackknife covariance C_ab = (n - 1)/n · Σ_k (f_ak - f̄_a)(f_bk - f̄_b).
     *
     * @param samples {@code samples[a][k]}: jackknife sample k of quantity a; n &gt;= 2 samples each
     * @throws IllegalArgumentException for missing, ragged, too few or non-finite samples
     */
    public static double[][] ofJackknifeSamples(double[][] samples) {
        double n = validate(samples, "jackknife");
        return scaledProducts(samples, (n - 1) / n);
    }

    /**
     * Bootstrap covariance C_ab = Σ_j (f_aj - f̄_a)(f_bj - f̄_b) / (B - 1).
     *
     * @param samples {@code samples[a][j]}: bootstrap sample j of quantity a; B &gt;= 2 samples each
     * @throws IllegalArgumentException for missing, ragged, too few or non-finite samples
     */
    public static double[][] ofBootstrapSamples(double[][] samples) {
        double n = validate(samples, "bootstrap");
        return scaledProducts(samples, 1 / (n - 1));
    }

    private static double[][] scaledProducts(double[][] samples, double factor) {
        int m = samples.length;
        double[] means = new double[m];
        for (int a = 0; a < m; a++) {
            means[a] = Moments.mean(samples[a]);
        }
        double[][] c = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                c[a][b] = factor * Moments.sumOfProducts(samples[a], means[a], samples[b], means[b]);
                c[b][a] = c[a][b];
            }
        }
        return c;
    }

    private static int validate(double[][] samples, String kind) {
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("no " + kind + " samples given: need at least one quantity");
        }
        for (int a = 0; a < samples.length; a++) {
            if (samples[a] == null) {
                throw new IllegalArgumentException(kind + " samples of quantity " + a + " are null");
            }
            if (samples[a].length != samples[0].length) {
                throw new IllegalArgumentException("quantity " + a + " has " + samples[a].length + " " + kind
                        + " samples but quantity 0 has " + samples[0].length + ": they must come from the same resamples");
            }
            if (samples[a].length < 2) {
                throw new IllegalArgumentException("quantity " + a + " has " + samples[a].length + " " + kind
                        + " samples; need at least 2");
            }
            for (int k = 0; k < samples[a].length; k++) {
                if (!Double.isFinite(samples[a][k])) {
                    throw new IllegalArgumentException(kind + " sample " + k + " of quantity " + a + " is "
                            + samples[a][k] + ", not finite");
                }
            }
        }
        return samples[0].length;
    }
}
