package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.latticespark.analysis.Ar1;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

/** Bad input is refused with a message naming the argument; edge cases that make sense still render. */
class PlotsInputTest {
    private static final double NAN = Double.NaN;
    private static final DoubleUnaryOperator LINE = t -> 1 + t;

    @Test
    void line() {
        rejects("same length", () -> Plots.line("t", "x", "y", new double[] {1, 2}, new double[] {1}));
        rejects("at least 2", () -> Plots.line("t", "x", "y", new double[] {1}, new double[] {1}));
        rejects("strictly increasing", () -> Plots.line("t", "x", "y", new double[] {1, 1}, new double[] {1, 2}));
        rejects("x[1] = NaN", () -> Plots.line("t", "x", "y", new double[] {1, NAN}, new double[] {1, 2}));
        rejects("xLabel", () -> Plots.line("t", null, "y", new double[] {1, 2}, new double[] {1, 2}));
        renders(Plots.line("loss", "step", "loss", new double[] {1, 2, 3}, new double[] {5, NAN, -2}));
        double[] x = new double[5000];
        double[] y = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = Math.sin(i * 0.01);
        }
        renders(Plots.line("long", "step", "y", x, y));
    }

    @Test
    void history() {
        rejects("replicas", () -> Plots.history("t", "y", null));
        rejects("replicas", () -> Plots.history("t", "y", new double[0][]));
        rejects("replicas[1]", () -> Plots.history("t", "y", new double[][] {{1, 2}, null}));
        rejects("replicas[0] has 1 value", () -> Plots.history("t", "y", new double[][] {{1}}));
        rejects("replicas[0][2]", () -> Plots.history("t", "y", new double[][] {{1, 2, NAN}}));
        rejects("yLabel", () -> Plots.history("t", null, new double[][] {{1, 2}}));
        rejects("title", () -> Plots.history(null, "y", new double[][] {{1, 2}}));
        rejects("indices must not be null", () -> Plots.history("t", "y", new double[][] {{1, 2}}, null));
        rejects("indices has 2 rows", () -> Plots.history("t", "y", new double[][] {{1, 2}}, new long[2][]));
        rejects("indices[0]", () -> Plots.history("t", "y", new double[][] {{1, 2}}, new long[][] {{1}}));
        rejects("strictly increasing", () -> Plots.history("t", "y", new double[][] {{1, 2, 3}},
                new long[][] {{1, 3, 3}}));
        renders(Plots.history("single replica", "y", new double[][] {{1, 2}}));
        renders(Plots.history("constant", "y", new double[][] {{4, 4, 4}, {4, 4}}));
        renders(Plots.history("indices", "y", new double[][] {{1, 2}, {3, 4, 5}},
                new long[][] {{-5, 100}, {7, 8, 1_000_000_000_000L}}));
    }

    @Test
    void gammaPlots() {
        GammaResult ok = GammaMethod.analyze(new double[][] {Ar1.series(0.5, 500, 3)});
        GammaResult constant = GammaMethod.analyze(new double[][] {{1, 1, 1, 1}, {2, 2}});
        double[] rho = {1, 0.4, 0.1};
        for (int which = 0; which < 2; which++) {
            Plotter plot = which == 0 ? Plots::autocorrelation : Plots::tauInt;
            rejects("g (the GammaResult)", () -> plot.of("t", null));
            rejects("title", () -> plot.of(null, ok));
            rejects("g.rho()", () -> plot.of("t", result(null, 0, 100)));
            rejects("g.rho() has 0", () -> plot.of("t", result(new double[0], 0, 100)));
            rejects("g.rho()[1]", () -> plot.of("t", result(new double[] {1, NAN}, 0, 100)));
            rejects("g.rho()[0] = 0.9", () -> plot.of("t", result(new double[] {0.9, 0.5}, 1, 100)));
            rejects("g.window() = 3", () -> plot.of("t", result(rho, 3, 100)));
            rejects("g.window() = -1", () -> plot.of("t", result(rho, -1, 100)));
            rejects("g.samples() = 0", () -> plot.of("t", result(rho, 1, 0)));
            renders(plot.of("ok", ok));
            renders(plot.of("constant data, window 0", constant));
            renders(plot.of("window at the last lag", result(rho, 2, 100)));
        }
        rejects("g.tauInt()", () -> Plots.tauInt("t", new GammaResult(0, 0, 0, NAN, 0, 1, 100, 1, rho)));
        rejects("g.tauIntError() = -1", () -> Plots.tauInt("t", new GammaResult(0, 0, 0, 1, -1, 1, 100, 1, rho)));
    }

    @Test
    void histogram() {
        rejects("values", () -> Plots.histogram("t", "x", null, 0));
        rejects("values has 1 value", () -> Plots.histogram("t", "x", new double[] {1}, 0));
        rejects("values[1]", () -> Plots.histogram("t", "x", new double[] {1, Double.POSITIVE_INFINITY}, 0));
        rejects("xLabel", () -> Plots.histogram("t", null, new double[] {1, 2}, 0));
        rejects("bins = 10001", () -> Plots.histogram("t", "x", new double[] {1, 2}, 10_001));
        renders(Plots.histogram("constant", "x", new double[] {3, 3, 3}, 0));
        renders(Plots.histogram("one bin", "x", new double[] {1, 2, 3}, 1));
        renders(Plots.histogram("many bins", "x", new double[] {1, 2, 3}, 1000));
    }

    @Test
    void fit() {
        double[] x = {0, 1, 2};
        double[] y = {1, 2, 3};
        double[] dy = {0.1, 0.1, 0.1};
        rejects("x", () -> Plots.fit("t", "x", "y", null, y, dy, LINE, null, 0, 2));
        rejects("x has 0", () -> Plots.fit("t", "x", "y", new double[0], new double[0], null, LINE, null, 0, 2));
        rejects("y[1]", () -> Plots.fit("t", "x", "y", x, new double[] {1, NAN, 3}, dy, LINE, null, 0, 2));
        rejects("x has 3 values but y has 2", () -> Plots.fit("t", "x", "y", x, new double[] {1, 2}, dy, LINE, null,
                0, 2));
        rejects("dy[0] = -0.1", () -> Plots.fit("t", "x", "y", x, y, new double[] {-0.1, 0, 0}, LINE, null, 0, 2));
        rejects("y has 3 values but dy has 1", () -> Plots.fit("t", "x", "y", x, y, new double[] {1}, LINE, null, 0,
                2));
        rejects("curve must not be null", () -> Plots.fit("t", "x", "y", x, y, dy, null, null, 0, 2));
        rejects("xMin < xMax", () -> Plots.fit("t", "x", "y", x, y, dy, LINE, null, 2, 2));
        rejects("xMax = NaN", () -> Plots.fit("t", "x", "y", x, y, dy, LINE, null, 0, NAN));
        rejects("curve(0.0) = Infinity", () -> Plots.fit("t", "x", "y", x, y, dy, t -> 1 / t, null, 0, 2));
        rejects("curveBand(2.0) = -1", () -> Plots.fit("t", "x", "y", x, y, dy, LINE, t -> t < 2 ? 0 : -1, 0, 2));
        rejects("yLabel", () -> Plots.fit("t", "x", null, x, y, dy, LINE, null, 0, 2));
        renders(Plots.fit("one point, no errors", "x", "y", new double[] {1}, new double[] {2}, null, LINE, null, 0,
                2));
        renders(Plots.fit("band", "x", "y", x, y, dy, LINE, t -> 0.1, -1, 3));
    }

    @Test
    void binning() {
        int[] sizes = {1, 2, 4};
        double[] errors = {0.1, 0.15, 0.17};
        rejects("binSizes", () -> Plots.binning("t", null, errors, NAN, NAN));
        rejects("binSizes[0] = 0.0", () -> Plots.binning("t", new int[] {0, 1, 2}, errors, NAN, NAN));
        rejects("binSizes must be strictly increasing", () -> Plots.binning("t", new int[] {1, 4, 2}, errors, NAN,
                NAN));
        rejects("errors[2]", () -> Plots.binning("t", sizes, new double[] {0.1, 0.2, NAN}, NAN, NAN));
        rejects("errors[1] = -0.2", () -> Plots.binning("t", sizes, new double[] {0.1, -0.2, 0.3}, NAN, NAN));
        rejects("binSizes has 3 values but errors has 2", () -> Plots.binning("t", sizes, new double[] {1, 2}, NAN,
                NAN));
        rejects("reference = Infinity", () -> Plots.binning("t", sizes, errors, Double.POSITIVE_INFINITY, NAN));
        rejects("referenceError = -1", () -> Plots.binning("t", sizes, errors, 0.2, -1));
        renders(Plots.binning("no reference", sizes, errors, NAN, 5));
        renders(Plots.binning("reference without band", sizes, errors, 0.2, NAN));
        renders(Plots.binning("one bin size", new int[] {1}, new double[] {0}, 0.2, 0.01));
    }

    @Test
    void logData() {
        double[] x = {0, 1, 2};
        rejects("no value > 0", () -> Plots.logData("t", "x", "y", x, new double[] {0, -1, -2}, null));
        rejects("dy[2]", () -> Plots.logData("t", "x", "y", x, new double[] {1, 2, 3}, new double[] {0, 0, NAN}));
        rejects("x[0]", () -> Plots.logData("t", "x", "y", new double[] {NAN, 1, 2}, new double[] {1, 2, 3}, null));
        rejects("xLabel", () -> Plots.logData("t", null, "y", x, new double[] {1, 2, 3}, null));
        renders(Plots.logData("some not shown", "x", "y", x, new double[] {1, -1, 0.1}, new double[] {2, 1, 0.01}));
        renders(Plots.logData("one point", "x", "y", new double[] {1}, new double[] {1e-30}, null));
    }

    private interface Plotter {
        Plot of(String title, GammaResult g);
    }

    private static GammaResult result(double[] rho, int window, long samples) {
        return new GammaResult(0, 0.1, 0.01, 1, 0.1, window, samples, 1, rho);
    }

    private static void rejects(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, expected);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '"
                + expected + "'");
    }

    private static void renders(Plot plot) {
        assertTrue(plot.png().length > 1000, plot.title());
        assertTrue(plot.svg().length > 1000, plot.title());
    }
}
