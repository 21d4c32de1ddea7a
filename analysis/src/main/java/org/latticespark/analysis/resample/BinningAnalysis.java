package org.latticespark.analysis.resample;

/**
 * Binning analysis of the mean of one observable: the naive error of the bin means for growing bin sizes. While
 * bins are shorter than the autocorrelation time the error grows with b; it levels off at the true error once
 * they are much longer, and the ratio to the unbinned error gives τ_int. Binning conventions (trailing samples of
 * each replica dropped, bins within replicas, bins of all replicas pooled about their common mean) are in the
 * package documentation; err(b) equals the delete-one-bin {@link Jackknife} error of the mean for the same b.
 * All formulas are in {@link BinningResult}.
 */
public final class BinningAnalysis {
    /** Default least number of bins: err(b) is then known to about 1/sqrt(2·31) ≈ 13 %. */
    public static final int DEFAULT_MIN_BINS = 32;

    private BinningAnalysis() {
    }

    /** Bin sizes 1, 2, 4, ... while at least {@link #DEFAULT_MIN_BINS} bins remain. */
    public static BinningResult of(double[][] replicas) {
        return of(replicas, DEFAULT_MIN_BINS);
    }

    /**
     * Bin sizes 1, 2, 4, ... as long as b does not exceed the shortest replica and at least minBins bins remain.
     *
     * @throws IllegalArgumentException for bad data, minBins &lt; 2, fewer than minBins samples or constant data
     */
    public static BinningResult of(double[][] replicas, int minBins) {
        if (minBins < 2) {
            throw new IllegalArgumentException("minBins must be >= 2, got " + minBins);
        }
        Samples samples = Samples.of(replicas);
        if (samples.total() < minBins) {
            throw new IllegalArgumentException("only " + samples.total() + " samples, fewer than minBins = " + minBins);
        }
        int count = 1;
        while (usable(samples, 1 << count, minBins)) {
            count++;
        }
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = 1 << i;
        }
        return analyze(samples, sizes);
    }

    /**
     * The given bin sizes, in the given order.
     *
     * @throws IllegalArgumentException for bad data, no bin sizes, a bin size &lt; 1 or longer than a replica,
     *                                  fewer than 2 bins, or constant data
     */
    public static BinningResult of(double[][] replicas, int[] binSizes) {
        Samples samples = Samples.of(replicas);
        if (binSizes == null || binSizes.length == 0) {
            throw new IllegalArgumentException("no bin sizes given");
        }
        for (int b : binSizes) {
            Bins.count(samples, b);
        }
        return analyze(samples, binSizes.clone());
    }

    private static boolean usable(Samples samples, int binSize, int minBins) {
        long bins = 0;
        for (int r = 0; r < samples.replicas(); r++) {
            if (binSize > samples.length(r)) {
                return false;
            }
            bins += samples.length(r) / binSize;
        }
        return bins >= minBins;
    }

    private static BinningResult analyze(Samples samples, int[] sizes) {
        double unbinned = error(Bins.of(samples, 1));
        if (unbinned == 0) {
            throw new IllegalArgumentException("all " + samples.total()
                    + " samples are equal: the error is 0 and no autocorrelation time can be defined");
        }
        int[] counts = new int[sizes.length];
        double[] errors = new double[sizes.length];
        double[] errorsOfErrors = new double[sizes.length];
        double[] tau = new double[sizes.length];
        double[] tauErrors = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            Bins bins = Bins.of(samples, sizes[i]);
            int n = bins.count();
            counts[i] = n;
            errors[i] = error(bins);
            errorsOfErrors[i] = errors[i] / Math.sqrt(2.0 * (n - 1));
            double ratio = errors[i] / unbinned;
            tau[i] = 0.5 * ratio * ratio;
            tauErrors[i] = tau[i] * Math.sqrt(2.0 / (n - 1));
        }
        return new BinningResult(sizes, counts, errors, errorsOfErrors, tau, tauErrors, unbinned);
    }

    private static double error(Bins bins) {
        double[] x = bins.means(0);
        double mean = bins.overall(0);
        double n = x.length;
        return Math.sqrt(Moments.sumOfProducts(x, mean, x, mean) / (n * (n - 1)));
    }
}
