package org.latticespark.analysis.plot;

import org.knowm.xchart.style.Styler.LegendPosition;
import org.latticespark.analysis.GammaResult;

/** The two plots by which a Γ-method analysis is judged: ρ(t) and τ_int(W), each with the chosen window. */
final class GammaPlots {
    private static final double RHO0_TOLERANCE = 1e-9;

    private GammaPlots() {
    }

    static Plot autocorrelation(String title, GammaResult g) {
        Check.text(title, "title");
        double[] rho = validRho(g);
        double[] errors = RhoErrors.of(rho, g.window(), g.samples());
        double[] lags = lags(rho.length);
        double[] low = new double[rho.length];
        double[] high = new double[rho.length];
        Bounds ys = new Bounds().include(0).include(1);
        for (int t = 0; t < rho.length; t++) {
            low[t] = rho[t] - errors[t];
            high[t] = rho[t] + errors[t];
            ys.include(low[t]).include(high[t]);
        }
        AxisRange x = lagRange(rho.length);
        AxisRange y = ys.linear();
        Figure figure = new Figure(title, "lag t", "ρ(t)");
        figure.line(null, new double[] {x.low(), x.high()}, new double[] {0, 0}, Style.AXIS_LINE, Style.THIN);
        windowMarker(figure, g.window(), y);
        figure.errorBars(lags, rho, low, high, x.capHalfWidth(), Style.DATA);
        figure.points("ρ(t) ± δρ(t)", lags, rho, Style.DATA);
        return figure.xRange(x).yRange(y).legendAt(LegendPosition.InsideNE).plot();
    }

    static Plot tauInt(String title, GammaResult g) {
        Check.text(title, "title");
        double[] rho = validRho(g);
        Check.finite(g.tauInt(), "g.tauInt()");
        Check.finite(g.tauIntError(), "g.tauIntError()");
        if (g.tauIntError() < 0) {
            throw new IllegalArgumentException("g.tauIntError() = " + g.tauIntError() + " is negative");
        }
        double[] tau = TauIntCurve.values(rho);
        double[] errors = TauIntCurve.errors(tau, g.samples());
        double[] windows = lags(rho.length);
        double[] low = new double[tau.length];
        double[] high = new double[tau.length];
        Bounds ys = new Bounds().include(0.5).include(g.tauInt());
        for (int w = 0; w < tau.length; w++) {
            low[w] = tau[w] - errors[w];
            high[w] = tau[w] + errors[w];
            ys.include(low[w]).include(high[w]);
        }
        AxisRange x = lagRange(rho.length);
        AxisRange y = ys.linear();
        Figure figure = new Figure(title, "summation window W", "τ_int(W)");
        figure.band("τ_int(W) ± δτ_int(W)", windows, low, high, Style.translucent(Style.DATA, 0.2), Style.DATA);
        figure.line(null, windows, tau, Style.DATA, Style.THICK);
        figure.line("τ_int = " + ValueFormat.withError(g.tauInt(), g.tauIntError()) + " (bias-corrected)",
                new double[] {x.low(), x.high()}, new double[] {g.tauInt(), g.tauInt()}, Style.REFERENCE,
                Style.DOTTED);
        windowMarker(figure, g.window(), y);
        return figure.xRange(x).yRange(y).legendAt(LegendPosition.OutsideS).plot();
    }

    private static void windowMarker(Figure figure, int window, AxisRange y) {
        figure.line("window W = " + window, new double[] {window, window}, new double[] {y.low(), y.high()},
                Style.MARKER_LINE, Style.DASHED);
    }

    private static double[] validRho(GammaResult g) {
        if (g == null) {
            throw new IllegalArgumentException("g (the GammaResult) must not be null");
        }
        double[] rho = g.rho();
        Check.finite(rho, "g.rho()", 1);
        if (Math.abs(rho[0] - 1) > RHO0_TOLERANCE) {
            throw new IllegalArgumentException("g.rho()[0] = " + rho[0] + " but a normalised autocorrelation has 1");
        }
        if (g.window() < 0 || g.window() >= rho.length) {
            throw new IllegalArgumentException("g.window() = " + g.window() + " is outside the lags 0.."
                    + (rho.length - 1) + " of g.rho()");
        }
        if (g.samples() < 1) {
            throw new IllegalArgumentException("g.samples() = " + g.samples() + " must be >= 1");
        }
        return rho;
    }

    private static double[] lags(int count) {
        double[] lags = new double[count];
        for (int t = 0; t < count; t++) {
            lags[t] = t;
        }
        return lags;
    }

    /** Half a lag beyond the first and last lag; at least [−0.5, 1.5] so that a lone ρ(0) is not squeezed. */
    private static AxisRange lagRange(int count) {
        return AxisRange.exact(-0.5, Math.max(count - 0.5, 1.5));
    }
}
