package org.latticespark.analysis.plot;

import org.knowm.xchart.style.Styler.LegendPosition;

/** Error of the mean against bin size, with an optional reference error and its band. */
final class BinningPlot {
    private BinningPlot() {
    }

    static Plot of(String title, int[] binSizes, double[] errors, double reference, double referenceError) {
        Check.text(title, "title");
        if (binSizes == null) {
            throw new IllegalArgumentException("binSizes must not be null");
        }
        double[] sizes = new double[binSizes.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = binSizes[i];
        }
        Check.finite(sizes, "binSizes", 1);
        Check.positive(sizes, "binSizes");
        Check.increasing(sizes, "binSizes");
        Check.finite(errors, "errors", 1);
        Check.sameLength(sizes, "binSizes", errors, "errors");
        Check.nonNegative(errors, "errors");
        boolean hasReference = !Double.isNaN(reference);
        boolean hasBand = hasReference && !Double.isNaN(referenceError);
        if (hasReference) {
            Check.finite(reference, "reference");
        }
        if (hasBand && !(referenceError >= 0 && Double.isFinite(referenceError))) {
            throw new IllegalArgumentException("referenceError = " + referenceError
                    + " must be NaN (no band) or finite and >= 0");
        }
        AxisRange x = new Bounds().include(sizes).logarithmic();
        Bounds ys = new Bounds().include(0).include(errors);
        Figure figure = new Figure(title, "bin size", "error of the mean");
        if (hasReference) {
            double[] ends = {x.low(), x.high()};
            String label = "reference " + (hasBand ? ValueFormat.withError(reference, referenceError)
                    : ValueFormat.withError(reference, 0));
            if (hasBand) {
                double low = reference - referenceError;
                double high = reference + referenceError;
                figure.band(null, ends, new double[] {low, low}, new double[] {high, high},
                        Style.translucent(Style.REFERENCE, 0.2), Style.REFERENCE);
                ys.include(low).include(high);
            }
            figure.line(label, ends, new double[] {reference, reference}, Style.REFERENCE, Style.DASHED);
            figure.legendAt(LegendPosition.OutsideS);
        }
        figure.pointsAndLine(hasReference ? "binned error" : null, sizes, errors, Style.DATA);
        return figure.xRange(x).yRange(ys.linear()).plot();
    }
}
