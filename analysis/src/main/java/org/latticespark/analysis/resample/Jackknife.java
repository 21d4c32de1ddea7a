package org.latticespark.analysis.resample;

import java.util.function.ToDoubleFunction;

/**
 * Delete-one-bin jackknife (bin size 1: the ordinary delete-one jackknife) of a function of the means of one or
 * more observables. With n bins and bin means x_k, the k-th jackknife sample of a mean is the mean over the other
 * n - 1 bins, x̄_(k) = (n x̄ - x_k)/(n - 1); f_k = f(x̄_(k)) for the vector of all observables' means. Binning
 * conventions (trailing samples dropped, bins within replicas) are in the package documentation; the formulas
 * for estimate and error are in {@link JackknifeResult}.
 */
public final class Jackknife {
    private Jackknife() {
    }

    /** Jackknife of the mean of one observable; see {@link #of(Samples, int, ToDoubleFunction)}. */
    public static JackknifeResult mean(double[][] replicas, int binSize) {
        return of(Samples.of(replicas), binSize, means -> means[0]);
    }

    /**
     * @param samples the ensemble
     * @param binSize b &gt;= 1, at most the shortest replica's length
     * @param f       function of the means, called with {@code means[a]} for observable a (a fresh array
     *                per call); must return a finite number on all bins and on every jackknife sample
     * @throws IllegalArgumentException for a bad bin size, fewer than 2 bins, or a non-finite f
     */
    public static JackknifeResult of(Samples samples, int binSize, ToDoubleFunction<double[]> f) {
        if (f == null) {
            throw new IllegalArgumentException("function f must not be null");
        }
        Bins bins = Bins.of(samples, binSize);
        double value = FunctionOfMeans.apply(f, bins.overall(), "all bins");
        double[][] means = meanSamples(bins);
        double[] values = new double[bins.count()];
        for (int k = 0; k < values.length; k++) {
            double[] point = new double[bins.observables()];
            for (int a = 0; a < point.length; a++) {
                point[a] = means[a][k];
            }
            values[k] = FunctionOfMeans.apply(f, point, "jackknife sample " + k);
        }
        return JackknifeResult.of(value, values);
    }

    /**
     * Jackknife samples of all means: {@code result[a][k]} is observable a's mean over all bins except bin k
     * (bins of all replicas numbered consecutively, replica 0 first). Feed these to any function, e.g. a fit,
     * and combine with {@link JackknifeResult#of(double, double[])}.
     *
     * @throws IllegalArgumentException for a bad bin size or fewer than 2 bins
     */
    public static double[][] meanSamples(Samples samples, int binSize) {
        return meanSamples(Bins.of(samples, binSize));
    }

    private static double[][] meanSamples(Bins bins) {
        int n = bins.count();
        double[][] result = new double[bins.observables()][n];
        for (int a = 0; a < result.length; a++) {
            double mean = bins.overall(a);
            double[] x = bins.means(a);
            for (int k = 0; k < n; k++) {
                // (n x̄ - x_k)/(n - 1) written so that no large sum is formed
                result[a][k] = mean + (mean - x[k]) / (n - 1);
            }
        }
        return result;
    }
}
