package org.latticespark.analysis.plot;

import java.util.function.DoubleUnaryOperator;
import org.latticespark.analysis.GammaResult;

/**
 * Plots for judging a Monte Carlo analysis, in the spirit of pyerrors' {@code gamma_method} plots: history,
 * ρ(t), τ_int(W), histogram, fits, binning and correlators on a log scale. Each returns a {@link Plot} of
 * 800 × 500 px that renders to PNG and SVG.
 *
 * <p>Rendering needs no display: unless {@code java.awt.headless} is already set, loading this class sets
 * it to {@code true} (before any chart is made).
 *
 * <p>Every array argument must be non-null with finite values; violations, like too few points or
 * mismatched lengths, throw {@link IllegalArgumentException} naming the argument (and index). String
 * arguments must be non-null; an empty title shows no title. Arrays are read, never kept or modified.
 */
public final class Plots {
    /**
     * {@link #history} draws a replica of more than this many samples, 2 × {@link #HISTORY_ENVELOPE_BUCKETS},
     * as its min/max envelope; a replica of at most this many samples is drawn through every sample.
     */
    public static final int HISTORY_ENVELOPE_ABOVE = 2 * Decimation.BUCKETS;

    /** The number of groups of consecutive samples whose minimum and maximum make up a history envelope. */
    public static final int HISTORY_ENVELOPE_BUCKETS = Decimation.BUCKETS;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Plots() {
    }

    /**
     * Monte Carlo history: one line per replica (chain), against the sample index 1..N_r within the replica
     * (pyerrors' default configuration numbers), and a dashed line at the mean of all samples. Replicas are
     * told apart by colour (matplotlib's tab10 cycle) and, for 2 to 10 replicas, a legend. A replica of more
     * than {@value #HISTORY_ENVELOPE_ABOVE} samples is drawn through the minimum and maximum of each of
     * {@value #HISTORY_ENVELOPE_BUCKETS} groups of consecutive samples (its min/max envelope), which looks the
     * same at this size and keeps the SVG small; shorter replicas in the same plot are drawn whole.
     *
     * @param replicas {@code replicas[r]} the samples of replica r, at least 2 each
     */
    public static Plot history(String title, String yLabel, double[][] replicas) {
        return HistoryPlot.of(title, yLabel, replicas, null);
    }

    /**
     * As {@link #history(String, String, double[][])} with the given x positions (e.g. configuration
     * numbers).
     *
     * @param indices {@code indices[r][i]} is the position of {@code replicas[r][i]}; same shape as
     *                replicas, strictly increasing within each replica
     */
    public static Plot history(String title, String yLabel, double[][] replicas, long[][] indices) {
        if (indices == null) {
            throw new IllegalArgumentException("indices must not be null (use history(title, yLabel, replicas)"
                    + " for 1..N_r)");
        }
        return HistoryPlot.of(title, yLabel, replicas, indices);
    }

    /**
     * Normalised autocorrelation ρ(t) for the lags in {@code g.rho()}, with error bars from M. Lüscher's
     * (hep-lat/0409106) eq. (E.11), δρ(t)² ≈ (1/N) Σ_{k=1}^{t+W} [ρ(k+t) + ρ(|k−t|) − 2ρ(k)ρ(t)]²; ρ at lags
     * beyond {@code g.rho()} counts as 0 in this sum (the window assumes it negligible there). Wolff's UWerr
     * starts the sum at k = max(1, t − W) instead of 1, which for t &gt; W + 1 leaves out terms of order 1/N
     * each; pyerrors starts at k = 1 but sums over all lags it stores. A dashed vertical line marks the window
     * W and a thin line ρ = 0. A constant series ({@code rho = {1}}, W = 0) gives the single point ρ(0) = 1.
     *
     * @throws IllegalArgumentException if g is null, {@code g.rho()} is empty, not finite or has
     *                                  ρ(0) ≠ 1, the window lies outside its lags, or N &lt; 1
     */
    public static Plot autocorrelation(String title, GammaResult g) {
        return GammaPlots.autocorrelation(title, g);
    }

    /**
     * τ_int(W) = 1/2 + Σ_{t=1}^{W} ρ(t) against W over the lags of {@code g.rho()}, without bias correction
     * and raised to 1/2 where it would be lower, as the window search sees it, with a band of
     * ±δτ_int(W) = ±2 τ_int(W) sqrt(|W + 1/2 − τ_int(W)| / N) (Wolff eq. 42). A dashed vertical line marks
     * the chosen W and a dotted horizontal line the reported {@code g.tauInt()}, which includes the bias
     * correction τ_int(W) (1 + (2W+1)/N) / (1 + 1/N) and so lies slightly above the curve at W; the legend
     * gives it with {@code g.tauIntError()}.
     *
     * @throws IllegalArgumentException as {@link #autocorrelation(String, GammaResult)}, or for a
     *                                  non-finite tauInt or a negative or non-finite tauIntError
     */
    public static Plot tauInt(String title, GammaResult g) {
        return GammaPlots.tauInt(title, g);
    }

    /**
     * Histogram of counts in equal-width bins over [min, max] of the values (bin i is [e_i, e_{i+1}), the
     * last one closed).
     *
     * @param values at least 2
     * @param bins   number of bins (at most 10000), or {@code <= 0} for Freedman–Diaconis (width
     *               2 IQR n^(−1/3), quartiles interpolated as numpy's default) clamped to [5, 100]
     */
    public static Plot histogram(String title, String xLabel, double[] values, int bins) {
        return HistogramPlot.of(title, xLabel, values, bins);
    }

    /**
     * Data with error bars and a model curve sampled at 400 equally spaced points over [xMin, xMax].
     *
     * @param x         at least one point; need not be sorted
     * @param dy        ±1σ error bars, each &gt;= 0; null for none
     * @param curveBand null, or ±1σ of the curve at each sampled x (finite, &gt;= 0), drawn as a light band
     * @throws IllegalArgumentException also if the curve is not finite at a sampled x or xMin &gt;= xMax
     */
    public static Plot fit(String title, String xLabel, String yLabel, double[] x, double[] y, double[] dy,
                           DoubleUnaryOperator curve, DoubleUnaryOperator curveBand, double xMin, double xMax) {
        return FitPlot.of(title, xLabel, yLabel, x, y, dy, curve, curveBand, xMin, xMax);
    }

    /**
     * Error of the mean against bin size on a logarithmic x axis, with a dashed horizontal reference (e.g.
     * the Γ-method error) and a band reference ± referenceError.
     *
     * @param binSizes       strictly increasing, &gt;= 1
     * @param errors         one per bin size, &gt;= 0
     * @param reference      NaN for none (referenceError is then ignored)
     * @param referenceError NaN for no band, else finite and &gt;= 0
     */
    public static Plot binning(String title, int[] binSizes, double[] errors, double reference,
                               double referenceError) {
        return BinningPlot.of(title, binSizes, errors, reference, referenceError);
    }

    /**
     * Data with error bars on a logarithmic y axis (e.g. a correlator against time). Points with y ≤ 0
     * cannot be shown and are left out (the legend says how many); a point with y − dy ≤ 0 is drawn
     * without its lower bar.
     *
     * @param dy ±1σ error bars, each &gt;= 0; null for none
     * @throws IllegalArgumentException also if no y is &gt; 0
     */
    public static Plot logData(String title, String xLabel, String yLabel, double[] x, double[] y, double[] dy) {
        return LogDataPlot.of(title, xLabel, yLabel, x, y, dy);
    }

    /**
     * One curve y(x) against the given axis labels (e.g. a training loss against the step), drawn through the
     * min/max envelope of {@value #HISTORY_ENVELOPE_BUCKETS} groups when long.
     *
     * @param x at least 2 points, finite and strictly increasing
     * @param y one per x; non-finite values are left out of the axis range
     */
    public static Plot line(String title, String xLabel, String yLabel, double[] x, double[] y) {
        return LinePlot.of(title, xLabel, yLabel, x, y);
    }
}
