package org.latticespark.analysis.plot;

import java.util.Arrays;

/** Error bars as one polyline broken by NaN, so that a whole set is a single chart series. */
final class ErrorBars {
    private ErrorBars() {
    }

    /**
     * Segments for bars from {@code low[i]} to {@code high[i]} at {@code x[i]}, each end with a horizontal cap of
     * half-width {@code capHalfWidth} (in x units). A NaN end gets neither bar nor cap on its side of
     * {@code y[i]}.
     *
     * @return {x, y} coordinates, NaN between pieces
     */
    static double[][] segments(double[] x, double[] y, double[] low, double[] high, double capHalfWidth) {
        double[] px = new double[9 * x.length];
        double[] py = new double[9 * x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            double bottom = Double.isNaN(low[i]) ? y[i] : low[i];
            double top = Double.isNaN(high[i]) ? y[i] : high[i];
            if (bottom == top) {
                continue;
            }
            k = segment(px, py, k, x[i], bottom, x[i], top);
            if (!Double.isNaN(low[i])) {
                k = segment(px, py, k, x[i] - capHalfWidth, bottom, x[i] + capHalfWidth, bottom);
            }
            if (!Double.isNaN(high[i])) {
                k = segment(px, py, k, x[i] - capHalfWidth, top, x[i] + capHalfWidth, top);
            }
        }
        return new double[][] {Arrays.copyOf(px, k), Arrays.copyOf(py, k)};
    }

    private static int segment(double[] px, double[] py, int k, double x0, double y0, double x1, double y1) {
        px[k] = x0;
        py[k++] = y0;
        px[k] = x1;
        py[k++] = y1;
        px[k] = Double.NaN;
        py[k++] = Double.NaN;
        return k;
    }
}
