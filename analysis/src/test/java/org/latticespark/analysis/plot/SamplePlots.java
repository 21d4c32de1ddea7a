package org.latticespark.analysis.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latticespark.analysis.Ar1;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

/** One small plot from each factory, rebuilt from the same seeded data on every call. */
final class SamplePlots {
    private SamplePlots() {
    }

    static double[][] replicas() {
        return new double[][] {Ar1.series(0.6, 300, 21), Ar1.series(0.6, 250, 22), Ar1.series(0.6, 200, 23)};
    }

    static Map<String, Plot> all() {
        double[][] replicas = replicas();
        GammaResult g = GammaMethod.analyze(replicas);
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {1.0, 0.61, 0.37, 0.22, 0.14, 0.08};
        double[] dy = {0.05, 0.04, 0.03, 0.03, 0.02, 0.02};
        Map<String, Plot> plots = new LinkedHashMap<>();
        plots.put("history", Plots.history("History", "x", replicas));
        plots.put("historyIndices", Plots.history("History", "x", new double[][] {{1, 2, 3}},
                new long[][] {{10, 20, 40}}));
        plots.put("autocorrelation", Plots.autocorrelation("rho", g));
        plots.put("tauInt", Plots.tauInt("tau", g));
        plots.put("histogram", Plots.histogram("Histogram", "x", replicas[0], 0));
        plots.put("fit", Plots.fit("Fit", "t", "C", x, y, dy, t -> Math.exp(-0.5 * t), t -> 0.02, 0, 5));
        plots.put("binning", Plots.binning("Binning", new int[] {1, 2, 4, 8}, new double[] {0.02, 0.03, 0.035, 0.036},
                0.037, 0.004));
        plots.put("logData", Plots.logData("Correlator", "t", "C", x, y, dy));
        return plots;
    }
}
