package org.latticespark.spark.analyze.report;

import java.util.Locale;
import org.latticespark.spark.analyze.SummaryRow;

/**
 * Warnings for the report's note column. A constant series (every sample equal, e.g. an acceptance of 100 %)
 * has error 0 by convention (as pyerrors), which says nothing about the true uncertainty. Chains short compared
 * with their autocorrelation time: the Γ-method error,
 * its τ_int and especially the error of τ_int are only asymptotically right; with fewer than about
 * 100 τ_int samples per chain the window is a sizeable part of the chain and, since every chain is
 * centred on its own mean (pyerrors' convention), slow modes are partly absorbed into the chain means,
 * so the error tends to come out low. A rule of thumb, not a test: the result is still shown.
 */
final class ResultWarnings {
    static final double MIN_SAMPLES_PER_TAU = 100;

    private ResultWarnings() {}

    /** A warning for the report's note column, or "" when there is nothing to say or the row failed. */
    static String warning(SummaryRow r) {
        if (!r.ok() || r.chains() <= 0) return "";
        if (r.error() == 0 && r.window() == 0) {
            return "every sample is equal: error 0 by convention, no uncertainty estimate";
        }
        double perChain = (double) r.samples() / r.chains();
        if (perChain >= MIN_SAMPLES_PER_TAU * r.tauInt()) return "";
        return String.format(Locale.ROOT, "chains of %.0f samples, fewer than %.0f τ_int = %.0f: the error is rough",
                perChain, MIN_SAMPLES_PER_TAU, MIN_SAMPLES_PER_TAU * r.tauInt());
    }
}
