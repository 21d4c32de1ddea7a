package org.latticespark.analysis.resample;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Seeded bootstrap over bins, resampled within each replica (stratified), of a function of the means of one or
 * more observables. Binning conventions are in the package documentation.
 *
 * <p>Resample j (j = 0 .. B-1) draws, for each replica r in order and n_r times (n_r = its number of bins), a bin
 * index {@code random.nextInt(n_r)} of that replica, from one {@code new SplittableRandom(seed)} shared by all
 * draws in exactly this order; the same drawn bins are used for every observable, so correlations are kept.
 * Each replica keeps its own number of bins, so replicas keep their weights. The resampled mean of an observable
 * is the mean of its n = Σ n_r drawn bins; f_j = f(resampled means). SplittableRandom is the published SplitMix
 * generator (Steele, Lea and Flood, OOPSLA 2014) with integer arithmetic only, so a seed gives the same draws on
 * every JVM; the tests check the JDK's draws against an independent implementation of it.
 *
 * <p>For the mean the bootstrap variance is Σ_r n_r s_r² / n², with s_r² the variance of replica r's bins with
 * divisor n_r, so it is low by about the factor (n_r - 1)/n_r; hence every replica must have at least 2 bins,
 * and many are better.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** Bootstrap of the mean of one observable; see {@link #of(Samples, int, int, long, ToDoubleFunction)}. */
    public static BootstrapResult mean(double[][] replicas, int binSize, int resamples, long seed) {
        return of(Samples.of(replicas), binSize, resamples, seed, means -> means[0]);
    }

    /**
     * @param samples   the ensemble
     * @param binSize   b &gt;= 1 such that every replica has at least 2 bins
     * @param resamples B &gt;= 2
     * @param seed      seed of the {@link SplittableRandom}
     * @param f         function of the means, called with {@code means[a]} for observable a (a fresh array per
     *                  call); must return a finite number on the data and on every resample
     * @throws IllegalArgumentException for a bad bin size, a replica with fewer than 2 bins, B &lt; 2 or a
     *                                  non-finite f
     */
    public static BootstrapResult of(Samples samples, int binSize, int resamples, long seed,
                                     ToDoubleFunction<double[]> f) {
        if (f == null) {
            throw new IllegalArgumentException("function f must not be null");
        }
        Bins bins = bins(samples, binSize, resamples);
        double value = FunctionOfMeans.apply(f, bins.overall(), "the original data");
        double[][] means = meanSamples(bins, resamples, seed);
        double[] values = new double[resamples];
        for (int j = 0; j < resamples; j++) {
            double[] point = new double[bins.observables()];
            for (int a = 0; a < point.length; a++) {
                point[a] = means[a][j];
            }
            values[j] = FunctionOfMeans.apply(f, point, "bootstrap sample " + j);
        }
        return BootstrapResult.of(value, values);
    }

    /**
     * Bootstrap samples of all means: {@code result[a][j]} is observable a's mean over the bins drawn for
     * resample j (draw order in the class documentation). Feed these to any function, e.g. a fit, and combine
     * with {@link BootstrapResult#of(double, double[])}.
     *
     * @throws IllegalArgumentException for a bad bin size, a replica with fewer than 2 bins or B &lt; 2
     */
    public static double[][] meanSamples(Samples samples, int binSize, int resamples, long seed) {
        return meanSamples(bins(samples, binSize, resamples), resamples, seed);
    }

    private static Bins bins(Samples samples, int binSize, int resamples) {
        if (resamples < 2) {
            throw new IllegalArgumentException("number of bootstrap resamples must be >= 2, got " + resamples);
        }
        Bins bins = Bins.of(samples, binSize);
        for (int r = 0; r < bins.replicas(); r++) {
            int count = bins.start(r + 1) - bins.start(r);
            if (count < 2) {
                throw new IllegalArgumentException("replica " + r + " has only " + count + " bin of size " + binSize
                        + " (" + samples.length(r) + " samples); resampling within it needs at least 2 bins");
            }
        }
        return bins;
    }

    private static double[][] meanSamples(Bins bins, int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = bins.count();
        int[] drawn = new int[n];
        double[][] result = new double[bins.observables()][resamples];
        for (int j = 0; j < resamples; j++) {
            for (int r = 0; r < bins.replicas(); r++) {
                int first = bins.start(r);
                int count = bins.start(r + 1) - first;
                for (int i = first; i < first + count; i++) {
                    drawn[i] = first + random.nextInt(count);
                }
            }
            for (int a = 0; a < result.length; a++) {
                double mean = bins.overall(a);
                double[] x = bins.means(a);
                double sum = 0;
                for (int k : drawn) {
                    sum += x[k] - mean;
                }
                result[a][j] = mean + sum / n;
            }
        }
        return result;
    }
}
