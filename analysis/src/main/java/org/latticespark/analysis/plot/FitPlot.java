package org.latticespark.analysis.plot;

import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.style.Styler.LegendPosition;

/** Data with error bars and a model curve, optionally with its ±1σ band. */
final class FitPlot {
    static final int CURVE_POINTS = 400;

    private FitPlot() {
    }

    static Plot of(String title, String xLabel, String yLabel, double[] x, double[] y, double[] dy,
                   DoubleUnaryOperator curve, DoubleUnaryOperator curveBand, double xMin, double xMax) {
        Check.text(title, "title");
        Check.text(xLabel, "xLabel");
        Check.text(yLabel, "yLabel");
        DataPoints data = DataPoints.of(x, y, dy);
        if (curve == null) {
            throw new IllegalArgumentException("curve must not be null");
        }
        Check.finite(xMin, "xMin");
        Check.finite(xMax, "xMax");
        if (!(xMax > xMin)) {
            throw new IllegalArgumentException("need xMin < xMax, got xMin = " + xMin + ", xMax = " + xMax);
        }
        double[] cx = new double[CURVE_POINTS];
        double[] cy = new double[CURVE_POINTS];
        double[] band = curveBand == null ? null : new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            cx[i] = i == CURVE_POINTS - 1 ? xMax : xMin + (xMax - xMin) * i / (CURVE_POINTS - 1);
            cy[i] = curve.applyAsDouble(cx[i]);
            if (!Double.isFinite(cy[i])) {
                throw new IllegalArgumentException("curve(" + cx[i] + ") = " + cy[i] + " is not finite");
            }
            if (band != null) {
                band[i] = curveBand.applyAsDouble(cx[i]);
                if (!(band[i] >= 0) || Double.isInfinite(band[i])) {
                    throw new IllegalArgumentException("curveBand(" + cx[i] + ") = " + band[i]
                            + " is not a finite value >= 0");
                }
            }
        }
        double[] low = cy.clone();
        double[] high = cy.clone();
        if (band != null) {
            for (int i = 0; i < CURVE_POINTS; i++) {
                low[i] -= band[i];
                high[i] += band[i];
            }
        }
        AxisRange xr = new Bounds().include(x).include(xMin).include(xMax).linear();
        AxisRange yr = new Bounds().include(data.low()).include(data.high()).include(low).include(high).linear();

        Figure figure = new Figure(title, xLabel, yLabel);
        if (band != null) {
            figure.band("fit ± 1σ", cx, low, high, Style.translucent(Style.MODEL, 0.2), Style.MODEL);
        }
        figure.line("fit", cx, cy, Style.MODEL, Style.LINE);
        figure.errorBars(x, y, data.low(), data.high(), xr.capHalfWidth(), Style.DATA);
        figure.points("data", x, y, Style.DATA);
        return figure.xRange(xr).yRange(yr).legendAt(LegendPosition.OutsideS).plot();
    }
}
