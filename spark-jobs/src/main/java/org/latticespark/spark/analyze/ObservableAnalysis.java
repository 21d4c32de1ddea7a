package org.latticespark.spark.analyze;

import java.awt.AWTError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;
import org.latticespark.spark.analyze.report.ObservablePlots;
import org.latticespark.spark.analyze.report.RenderedPlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the replicas of one observable and runs the Γ method. Samples are sorted by (chain,
 * index, source) first, so the result does not depend on the order Spark delivers them in; values
 * with several sources (noise vectors) are averaged per configuration in source order.
 */
public final class ObservableAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(ObservableAnalysis.class);

    private ObservableAnalysis() {}

    /** One replica per chain (chains in increasing order) with the Monte Carlo index of every value. */
    record Series(double[][] values, long[][] indices) {}

    /** Draws the plots of one analysed observable ({@link ObservablePlots#render} outside tests). */
    @FunctionalInterface
    interface PlotDrawer {
        List<RenderedPlot> draw(String ensemble, String observable, double[][] values, long[][] indices,
                                GammaResult gamma);
    }

    public static SummaryRow analyze(String ensemble, String observable, Iterable<Sample> samples, double s) {
        return analyze(ensemble, observable, samples, s, false).row();
    }

    /**
     * The summary row and, if {@code plots} and the analysis succeeded, the rendered plots. A plot
     * that cannot be drawn leaves the row as it is: no plots, and {@code plotNote} says why. That
     * covers exceptions and the errors of a JVM without working Java2D or fonts (a
     * {@link LinkageError} such as {@link UnsatisfiedLinkError} or {@link NoClassDefFoundError}, or an
     * {@link AWTError}); other errors, such as {@link OutOfMemoryError}, propagate.
     */
    public static AnalyzedObservable analyze(String ensemble, String observable, Iterable<Sample> samples, double s,
                                             boolean plots) {
        return analyze(ensemble, observable, samples, s, plots, ObservablePlots::render);
    }

    static AnalyzedObservable analyze(String ensemble, String observable, Iterable<Sample> samples, double s,
                                      boolean plots, PlotDrawer drawer) {
        List<Sample> sorted = new ArrayList<>();
        for (Sample x : samples) sorted.add(x);
        sorted.sort(Comparator.comparingInt(Sample::chain).thenComparingLong(Sample::index)
                .thenComparingInt(Sample::source));
        Series series = series(sorted);
        double[][] replicas = series.values();
        long n = 0;
        for (double[] r : replicas) n += r.length;
        long spacing = spacing(series.indices());
        GammaResult g;
        try {
            g = GammaMethod.analyze(replicas, s);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            SummaryRow failed = new SummaryRow(ensemble, observable, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, -1, n, replicas.length, "not analysed: " + why);
            return new AnalyzedObservable(failed, spacing, List.of(), "");
        }
        SummaryRow row = new SummaryRow(ensemble, observable, g.value(), g.error(), g.errorOfError(), g.tauInt(),
                g.tauIntError(), g.window(), g.samples(), g.replicas(), "");
        if (!plots) return new AnalyzedObservable(row, spacing, List.of(), "");
        try {
            List<RenderedPlot> rendered = drawer.draw(ensemble, observable, replicas, series.indices(), g);
            return new AnalyzedObservable(row, spacing, rendered, "");
        } catch (RuntimeException | LinkageError | AWTError e) {
            LOG.warn("cannot draw the plots of {}/{}", ensemble, observable, e);
            return new AnalyzedObservable(row, spacing, List.of(), "plots not drawn: " + why(e));
        }
    }

    /** An exception's message; for an error its class as well, since the message alone rarely says enough. */
    private static String why(Throwable e) {
        return e instanceof Error || e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** One replica per chain (chains in increasing order), values in index order, sources averaged. */
    static double[][] replicas(List<Sample> sorted) {
        return series(sorted).values();
    }

    static Series series(List<Sample> sorted) {
        List<double[]> values = new ArrayList<>();
        List<long[]> indices = new ArrayList<>();
        double[] v = new double[16];
        long[] x = new long[16];
        int len = 0;
        int i = 0;
        while (i < sorted.size()) {
            Sample first = sorted.get(i);
            double sum = 0;
            int count = 0;
            int j = i;
            while (j < sorted.size() && sorted.get(j).chain() == first.chain() && sorted.get(j).index() == first.index()) {
                sum += sorted.get(j).value();
                count++;
                j++;
            }
            if (len == v.length) {
                v = Arrays.copyOf(v, 2 * len);
                x = Arrays.copyOf(x, 2 * len);
            }
            v[len] = count == 1 ? sum : sum / count;
            x[len++] = first.index();
            boolean chainEnds = j == sorted.size() || sorted.get(j).chain() != first.chain();
            if (chainEnds) {
                values.add(Arrays.copyOf(v, len));
                indices.add(Arrays.copyOf(x, len));
                len = 0;
            }
            i = j;
        }
        return new Series(values.toArray(new double[0][]), indices.toArray(new long[0][]));
    }

    /** The index step shared by all chains; 0 if no chain has two samples, -1 if the steps differ. */
    static long spacing(long[][] indices) {
        long step = 0;
        for (long[] chain : indices) {
            for (int i = 1; i < chain.length; i++) {
                long d = chain[i] - chain[i - 1];
                if (step == 0) {
                    step = d;
                } else if (d != step) {
                    return -1;
                }
            }
        }
        return step;
    }
}
