package org.latticespark.analysis.plot;

import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;

/** Data with error bars on a logarithmic y axis, for correlators. */
final class LogDataPlot {
    private LogDataPlot() {
    }

    static Plot of(String title, String xLabel, String yLabel, double[] x, double[] y, double[] dy) {
        Check.text(title, "title");
        Check.text(xLabel, "xLabel");
        Check.text(yLabel, "yLabel");
        DataPoints data = DataPoints.of(x, y, dy);
        int shown = 0;
        for (double v : y) {
            shown += v > 0 ? 1 : 0;
        }
        if (shown == 0) {
            throw new IllegalArgumentException("y has no value > 0, so nothing can be shown on a logarithmic axis");
        }
        double[] px = new double[shown];
        double[] py = new double[shown];
        double[] low = new double[shown];
        double[] high = new double[shown];
        Bounds ys = new Bounds();
        for (int i = 0, k = 0; i < y.length; i++) {
            if (y[i] > 0) {
                px[k] = x[i];
                py[k] = y[i];
                low[k] = data.low()[i] > 0 ? data.low()[i] : Double.NaN;
                high[k] = data.high()[i];
                ys.include(py[k]).include(low[k]).include(high[k]);
                k++;
            }
        }
        AxisRange xr = new Bounds().include(x).linear();
        Figure figure = new Figure(title, xLabel, yLabel);
        figure.errorBars(px, py, low, high, xr.capHalfWidth(), Style.DATA);
        figure.points(null, px, py, Style.DATA);
        int hidden = y.length - shown;
        if (hidden > 0) {
            figure.line(hidden + (hidden == 1 ? " point" : " points") + " with y ≤ 0 not shown",
                    new double[] {Double.NaN}, new double[] {Double.NaN}, Style.TEXT, SeriesLines.NONE);
            figure.legendAt(LegendPosition.OutsideS);
        }
        return figure.xRange(xr).yRange(ys.logarithmic()).plot();
    }
}
