package org.latticespark.spark.analyze.report;

import java.util.List;
import org.latticespark.analysis.plot.Plots;

/** The sentences and headings both layouts share. */
final class ReportText {
    static final List<String> COLUMNS = List.of("Observable", "Value", "τ_int", "W", "N", "Chains", "Spacing", "Note");

    static final String LEGEND = "Value: mean over all samples with its error on the last digits, "
            + "0.59644(33) = 0.59644 ± 0.00033, autocorrelations included. "
            + "τ_int: integrated autocorrelation time 1/2 + Σ_{t=1..W} ρ(t) (0.5 for uncorrelated samples), "
            + "bias-corrected, with its error, in units of the spacing. "
            + "W: summation window, chosen automatically. "
            + "N: samples over all chains (values of several sources averaged per configuration). "
            + "Spacing: updates between successive samples of a chain. "
            + "Note: why a result is missing, or a warning: chains shorter than 100 τ_int (then error and τ_int are "
            + "rough estimates, the error more likely too small than too large), or every sample equal (error 0).";

    private ReportText() {}

    static String observables(ReportModel m) {
        return m.observables() + (m.failed() == 0 ? "" : " (" + m.failed() + " not analysed)");
    }

    static String stages(ReportModel m) {
        return (m.stages().isEmpty() ? "" : String.join(", ", m.stages()) + ", ") + "generation (update history)";
    }

    static String method(ReportModel m) {
        return "Γ method (U. Wolff, Comput. Phys. Commun. 156 (2004) 143), one replica per chain, S = " + m.s();
    }

    static String plots(ReportModel m) {
        if (!m.plots()) return "off (analyze.plots = false)";
        return "PNG previews link to SVG; a chain of more than " + Plots.HISTORY_ENVELOPE_ABOVE
                + " samples is drawn in the history as the min/max envelope of " + Plots.HISTORY_ENVELOPE_BUCKETS
                + " buckets of consecutive samples (title: min/max envelope)";
    }
}
