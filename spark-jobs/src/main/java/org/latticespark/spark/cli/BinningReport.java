package org.latticespark.spark.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latticespark.analysis.GammaResult;
import org.latticespark.analysis.plot.Plot;
import org.latticespark.analysis.plot.Plots;
import org.latticespark.analysis.resample.BinningAnalysis;
import org.latticespark.analysis.resample.BinningResult;
import org.latticespark.spark.InvalidInputException;

/**
 * The {@code errors --binning} part for one observable: {@link BinningAnalysis#of(double[][])} (bin sizes 1, 2,
 * 4, ... while at least {@link BinningAnalysis#DEFAULT_MIN_BINS} bins remain), and the error at the largest of
 * those bin sizes set against the Γ-method error. No delete-one-bin jackknife is shown: it equals err(b) exactly
 * (see {@link BinningAnalysis}), so it would check nothing.
 */
record BinningReport(BinningResult binning) {

    /**
     * @param label    the observable, for messages
     * @param where    which FILEs, for messages (see {@link MeasurementFiles#where})
     * @param replicas after --skip; every replica at least 2 long (the Γ-method has checked that)
     * @throws InvalidInputException if bin size 2 leaves fewer than {@link BinningAnalysis#DEFAULT_MIN_BINS}
     *                               bins (then there is nothing to bin) or the data are constant
     */
    static BinningReport of(String label, String where, double[][] replicas) {
        long samples = 0;
        long pairs = 0;
        for (double[] r : replicas) {
            samples += r.length;
            pairs += r.length / 2;
        }
        if (pairs < BinningAnalysis.DEFAULT_MIN_BINS) {
            throw new InvalidInputException(label + where + ": too short for --binning: bin size 2 leaves " + pairs
                    + " bin(s) of the " + samples + " samples, the binning analysis needs at least "
                    + BinningAnalysis.DEFAULT_MIN_BINS + "; leave out --binning for the Gamma method alone");
        }
        try {
            return new BinningReport(BinningAnalysis.of(replicas));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(label + where + ": --binning: " + e.getMessage(), e);
        }
    }

    /**
     * A heading, one row per bin size, and a line setting err(b) ± d(err(b)) at the largest b against the
     * Γ-method error ± its error of error, with the ratio err(b) / Γ-method error.
     */
    String text(String observable, GammaResult gamma) {
        StringBuilder sb = new StringBuilder("binning analysis of ").append(observable)
                .append(" (tau(b) = (error(b) / error(1))^2 / 2):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"b", "bins", "error", "d(error)", "tau(b)", "d(tau(b))"});
        BinningResult r = binning;
        for (int i = 0; i < r.binSizes().length; i++) {
            rows.add(new String[] {Integer.toString(r.binSizes()[i]), Integer.toString(r.bins()[i]),
                    fmt("%.3g", r.errors()[i]), fmt("%.2g", r.errorsOfErrors()[i]), fmt("%.2f", r.tauInt()[i]),
                    fmt("%.2f", r.tauIntErrors()[i])});
        }
        sb.append(TextTable.align(rows));
        int last = r.binSizes().length - 1;
        sb.append("largest bin size b = ").append(r.binSizes()[last]).append(" (").append(r.bins()[last])
                .append(" bins): error ").append(fmt("%.3g", r.errors()[last])).append(" +- ")
                .append(fmt("%.2g", r.errorsOfErrors()[last])).append("; Gamma method: ")
                .append(fmt("%.3g", gamma.error())).append(" +- ").append(fmt("%.2g", gamma.errorOfError()))
                .append("; ratio ").append(fmt("%.2f", r.errors()[last] / gamma.error())).append('\n');
        return sb.toString();
    }

    /** One object per bin size, full precision. */
    List<Object> binningJson() {
        List<Object> rows = new ArrayList<>();
        BinningResult r = binning;
        for (int i = 0; i < r.binSizes().length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bin_size", r.binSizes()[i]);
            m.put("bins", r.bins()[i]);
            m.put("error", r.errors()[i]);
            m.put("error_of_error", r.errorsOfErrors()[i]);
            m.put("tau_int", r.tauInt()[i]);
            m.put("tau_int_error", r.tauIntErrors()[i]);
            rows.add(m);
        }
        return rows;
    }

    /** Error against bin size, the Γ-method error ± its error as the reference band. */
    Plot plot(String observable, GammaResult gamma) {
        return Plots.binning(observable + ": binning", binning.binSizes(), binning.errors(), gamma.error(),
                gamma.errorOfError());
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
