package org.latticespark.spark.analyze.report;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.analysis.GammaResult;
import org.latticespark.analysis.plot.Plot;
import org.latticespark.analysis.plot.Plots;

/**
 * Draws the plots of one analysed observable where its series are (on an executor): the Monte Carlo
 * history of every chain, ρ(t), τ_int(W) and a histogram of all samples, each as PNG and SVG, in
 * {@link PlotKind} order.
 *
 * <p>Long histories: {@link Plots#history} gets every sample (its mean line and axis range use them
 * all) and draws a chain of more than {@value Plots#HISTORY_ENVELOPE_ABOVE} samples as the min/max
 * envelope of {@value Plots#HISTORY_ENVELOPE_BUCKETS} buckets of consecutive samples, so every spike
 * stays visible; the title then says so.
 */
public final class ObservablePlots {
    private ObservablePlots() {}

    /**
     * @param values  the series per chain, as analysed
     * @param indices the Monte Carlo index of every value (the history's x axis)
     * @param gamma   the Γ-method result of {@code values}
     */
    public static List<RenderedPlot> render(String ensemble, String observable, double[][] values, long[][] indices,
                                            GammaResult gamma) {
        String name = ensemble + " / " + observable;
        List<RenderedPlot> out = new ArrayList<>();
        out.add(rendered(PlotKind.HISTORY, Plots.history(historyTitle(name, values), observable, values, indices)));
        out.add(rendered(PlotKind.RHO, Plots.autocorrelation(name + ": autocorrelation", gamma)));
        out.add(rendered(PlotKind.TAU_INT, Plots.tauInt(name + ": τ_int", gamma)));
        out.add(rendered(PlotKind.HISTOGRAM, Plots.histogram(name + ": histogram", observable, concat(values), 0)));
        return out;
    }

    /** Says "min/max envelope" when at least one chain is drawn as one. */
    static String historyTitle(String name, double[][] values) {
        boolean envelope = false;
        for (double[] chain : values) envelope |= chain.length > Plots.HISTORY_ENVELOPE_ABOVE;
        return name + (envelope ? ": history (min/max envelope)" : ": history");
    }

    private static RenderedPlot rendered(PlotKind kind, Plot p) {
        return new RenderedPlot(kind, p.png(), p.svg());
    }

    private static double[] concat(double[][] chains) {
        int n = 0;
        for (double[] c : chains) n += c.length;
        double[] all = new double[n];
        int k = 0;
        for (double[] c : chains) {
            System.arraycopy(c, 0, all, k, c.length);
            k += c.length;
        }
        return all;
    }
}
