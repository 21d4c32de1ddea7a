package org.latticespark.spark.analyze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latticespark.spark.analyze.AnalyzedObservable;
import org.latticespark.spark.analyze.SummaryRow;

class ResultWarningsTest {
    private static SummaryRow row(double tauInt, long samples, int chains) {
        return new SummaryRow("e", "o", 1.0, 0.1, 0.01, tauInt, 0.1, 3, samples, chains, "");
    }

    @Test
    void warnsBelowOneHundredTauIntPerChain() {
        assertEquals("", ResultWarnings.warning(row(2.0, 800, 4)));
        assertEquals("chains of 199 samples, fewer than 100 τ_int = 200: the error is rough",
                ResultWarnings.warning(row(2.0, 796, 4)));
        SummaryRow failed = new SummaryRow("e", "o", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1,
                3, 1, "not analysed: too few");
        assertEquals("", ResultWarnings.warning(failed));
    }

    @Test
    void constantSeriesIsFlagged() {
        SummaryRow constant = new SummaryRow("e", "accepted", 1.0, 0.0, 0.0, 0.5, 0.0, 0, 400, 4, "");
        assertEquals("every sample is equal: error 0 by convention, no uncertainty estimate",
                ResultWarnings.warning(constant));
    }

    @Test
    void reportShowsTheWarningWithThePlotNote() {
        AnalyzedObservable a = new AnalyzedObservable(row(22.05, 800, 4), 2, List.of(), "plots not drawn: odd");
        ReportModel m = CampaignReport.model(CampaignReportTest.config(), List.of(a));
        String note = m.sections().stream().filter(s -> s.ensemble().equals("e")).findFirst().orElseThrow()
                .lines().get(0).note();
        assertTrue(note.startsWith("chains of 200 samples, fewer than 100 τ_int = 2205"), note);
        assertTrue(note.endsWith("; plots not drawn: odd"), note);
    }
}
