package org.latticespark.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An XYChart in the common {@link Style}, filled series by series in drawing order. Axis ranges are always
 * set explicitly (XChart's automatic ranges ignore error bars drawn as separate series).
 */
final class Figure {
    private final XYChart chart;
    private final String title;
    private int unnamed;
    private boolean legend;

    Figure(String title, String xLabel, String yLabel) {
        this.title = title;
        chart = new XYChart(Style.WIDTH, Style.HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        XYStyler s = chart.getStyler();
        s.setChartTitleVisible(!title.isBlank());
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(Style.TITLE_FONT);
        s.setChartTitlePadding(10);
        s.setChartFontColor(Style.TEXT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartPadding(14);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Style.FRAME);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(Style.GRID);
        s.setPlotGridLinesStroke(Style.THIN);
        s.setPlotTicksMarksVisible(false);
        s.setPlotContentSize(1.0);
        s.setPlotMargin(0);
        s.setAxisTitleFont(Style.AXIS_TITLE_FONT);
        s.setAxisTitlePadding(8);
        s.setAxisTickLabelsFont(Style.TICK_FONT);
        s.setAxisTickLabelsColor(Style.TEXT);
        s.setAxisTickMarksColor(Style.FRAME);
        s.setAxisTickPadding(6);
        s.setAxisTickMarkLength(5);
        s.setAxisTicksLineVisible(false);
        s.setLegendVisible(false);
        s.setLegendFont(Style.LEGEND_FONT);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        s.setLegendBorderColor(Style.GRID);
        s.setLegendPadding(8);
        s.setLegendSeriesLineLength(28);
        s.setMarkerSize(Style.MARKER_SIZE);
        s.setAntiAlias(true);
        s.setXAxisTickMarkSpacingHint(Style.WIDTH / AxisRange.TICK_HINT_FRACTION);
        s.setYAxisTickMarkSpacingHint(Style.HEIGHT / AxisRange.TICK_HINT_FRACTION);
        // XChart 4 puts x ticks on the data values themselves when these and the axis ends are equally
        // spaced (e.g. samples 1..N), giving steps like 267; a NaN among the x (and y) values prevents that.
        add(null, new double[] {Double.NaN}, new double[] {Double.NaN}, XYSeriesRenderStyle.Scatter)
                .setMarker(SeriesMarkers.NONE);
    }

    /** A polyline; NaN in {@code y} breaks it. {@code label} null keeps it out of the legend. */
    XYSeries line(String label, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries series = add(label, x, y, XYSeriesRenderStyle.Line);
        series.setLineColor(color);
        series.setLineStyle(stroke);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /** Filled circles without connecting lines. */
    XYSeries points(String label, double[] x, double[] y, Color color) {
        XYSeries series = add(label, x, y, XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setLineStyle(SeriesLines.NONE);
        return series;
    }

    /** Filled circles joined by a line. */
    XYSeries pointsAndLine(String label, double[] x, double[] y, Color color) {
        XYSeries series = add(label, x, y, XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setLineColor(color);
        series.setLineStyle(Style.LINE);
        return series;
    }

    /** Vertical error bars from {@code low[i]} to {@code high[i]} with caps; a NaN end is drawn without bar or cap. */
    void errorBars(double[] x, double[] y, double[] low, double[] high, double capHalfWidth, Color color) {
        double[][] segments = ErrorBars.segments(x, y, low, high, capHalfWidth);
        if (segments[0].length > 0) {
            line(null, segments[0], segments[1], color, Style.THIN);
        }
    }

    /** A filled region between {@code low} and {@code high} over increasing {@code x}; edge colours the legend box. */
    XYSeries band(String label, double[] x, double[] low, double[] high, Color fill, Color edge) {
        int n = x.length;
        double[] px = new double[2 * n + 1];
        double[] py = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = high[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = low[i];
        }
        px[2 * n] = px[0];
        py[2 * n] = py[0];
        XYSeries series = add(label, px, py, XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(fill);
        series.setLineColor(edge);
        series.setLineStyle(SeriesLines.NONE);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    Figure xRange(AxisRange range) {
        XYStyler s = chart.getStyler();
        s.setXAxisMin(range.low());
        s.setXAxisMax(range.high());
        s.setXAxisLogarithmic(range.logarithmic());
        s.setXAxisDecimalPattern(range.decimalPattern());
        return this;
    }

    Figure yRange(AxisRange range) {
        XYStyler s = chart.getStyler();
        s.setYAxisMin(range.low());
        s.setYAxisMax(range.high());
        s.setYAxisLogarithmic(range.logarithmic());
        s.setYAxisDecimalPattern(range.decimalPattern());
        return this;
    }

    Figure legendAt(LegendPosition position) {
        chart.getStyler().setLegendPosition(position);
        chart.getStyler().setLegendLayout(position == LegendPosition.OutsideS
                ? LegendLayout.Horizontal : LegendLayout.Vertical);
        return this;
    }

    Plot plot() {
        chart.getStyler().setLegendVisible(legend);
        return new Plot(chart, title);
    }

    /** Copies x and y: XChart keeps the arrays, and the Plot must not change if the caller's arrays do. */
    private XYSeries add(String label, double[] x, double[] y, XYSeriesRenderStyle style) {
        XYSeries series = chart.addSeries(label == null ? "\u2063" + unnamed++ : label, x.clone(), y.clone());
        series.setXYSeriesRenderStyle(style);
        series.setShowInLegend(label != null);
        legend |= label != null;
        return series;
    }
}
