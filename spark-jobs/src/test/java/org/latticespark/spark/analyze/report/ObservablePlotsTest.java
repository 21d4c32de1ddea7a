package org.latticespark.spark.analyze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latticespark.analysis.plot.Plots;

/** The history title and the report sentence follow {@link Plots#HISTORY_ENVELOPE_ABOVE}. */
class ObservablePlotsTest {
    private static double[][] chains(int... lengths) {
        double[][] c = new double[lengths.length][];
        for (int i = 0; i < lengths.length; i++) c[i] = new double[lengths[i]];
        return c;
    }

    @Test
    void titleSaysEnvelopeExactlyWhenAChainIsLongerThanTheThreshold() {
        int above = Plots.HISTORY_ENVELOPE_ABOVE;
        assertEquals("e / o: history", ObservablePlots.historyTitle("e / o", chains(above)));
        assertEquals("e / o: history", ObservablePlots.historyTitle("e / o", chains(10, above, above)));
        // Between the threshold and twice it (once documented as the threshold) the chain is thinned as well.
        for (int n : new int[] {above + 1, 3000, 2 * above, 2 * above + 1}) {
            assertEquals("e / o: history (min/max envelope)", ObservablePlots.historyTitle("e / o", chains(n)), "" + n);
        }
        assertEquals("e / o: history (min/max envelope)", ObservablePlots.historyTitle("e / o", chains(100, 3000)));
    }

    @Test
    void reportSentenceStatesTheThresholdAndBucketsOfThePlotPackage() {
        ReportModel on = new ReportModel("r", "r.conf", "2.0", List.of(), true, 0, 0, List.of(), List.of());
        assertEquals("PNG previews link to SVG; a chain of more than 2000 samples is drawn in the history as the "
                + "min/max envelope of 1000 buckets of consecutive samples (title: min/max envelope)", ReportText.plots(on));
        ReportModel off = new ReportModel("r", "r.conf", "2.0", List.of(), false, 0, 0, List.of(), List.of());
        assertEquals("off (analyze.plots = false)", ReportText.plots(off));
    }
}
