package org.latticespark.spark.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latticespark.spark.analyze.report.PlotKind;
import org.latticespark.spark.analyze.report.RenderedPlot;

class ObservableAnalysisTest {
    @Test
    void replicasPerChainInIndexOrderWithSourcesAveraged() {
        List<Sample> s = new ArrayList<>(List.of(
                new Sample(1, 20, 0, 5.0), new Sample(0, 12, 1, 3.0), new Sample(0, 10, 0, 1.0),
                new Sample(0, 12, 0, 2.0), new Sample(1, 30, 0, 6.0), new Sample(0, 10, 1, 2.0)));
        s.sort(java.util.Comparator.comparingInt(Sample::chain).thenComparingLong(Sample::index)
                .thenComparingInt(Sample::source));
        double[][] r = ObservableAnalysis.replicas(s);
        assertEquals(2, r.length);
        assertArrayEquals(new double[] {1.5, 2.5}, r[0]);
        assertArrayEquals(new double[] {5.0, 6.0}, r[1]);
    }

    @Test
    void resultDoesNotDependOnTheOrderOfTheSamples() {
        Random rnd = new Random(7);
        List<Sample> s = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 200; i++) {
                for (int src = 0; src < 2; src++) s.add(new Sample(c, i, src, rnd.nextGaussian()));
            }
        }
        SummaryRow a = ObservableAnalysis.analyze("e", "o", s, 2.0);
        Collections.shuffle(s, new Random(1));
        SummaryRow b = ObservableAnalysis.analyze("e", "o", s, 2.0);
        assertTrue(a.ok(), a.toString());
        assertEquals(a, b);
        assertEquals(600, a.samples(), "sources averaged: one value per configuration");
        assertEquals(3, a.chains());
    }

    @Test
    void failureBecomesARowSayingWhy() {
        SummaryRow r = ObservableAnalysis.analyze("e", "o", List.of(new Sample(0, 1, 0, 1.0)), 2.0);
        assertFalse(r.ok());
        assertTrue(r.note().startsWith("not analysed: "), r.note());
        assertTrue(Double.isNaN(r.value()));
        Summary sum = new Summary(2.0, List.of(r));
        assertTrue(sum.table().contains("not analysed"), sum.table());
        assertTrue(sum.csv().lines().skip(1).findFirst().orElseThrow().startsWith("e,o,,,,,,,1,1,not analysed"), sum.csv());
        assertTrue(sum.json().contains("\"value\": null"), sum.json());
    }

    @Test
    void spacingIsTheCommonIndexStep() {
        assertEquals(4, ObservableAnalysis.spacing(new long[][] {{10, 14, 18}, {6, 10}}));
        assertEquals(-1, ObservableAnalysis.spacing(new long[][] {{10, 14, 18}, {6, 8}}), "steps differ");
        assertEquals(-1, ObservableAnalysis.spacing(new long[][] {{1, 2, 4}}), "irregular chain");
        assertEquals(0, ObservableAnalysis.spacing(new long[][] {{3}, {5}}), "no step at all");
    }

    @Test
    void plotsAreDrawnInKindOrderOnlyWhenAskedAndTheAnalysisWorked() {
        Random rnd = new Random(11);
        List<Sample> s = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 100; i++) s.add(new Sample(c, 5 + 3L * i, 0, rnd.nextGaussian()));
        }
        AnalyzedObservable with = ObservableAnalysis.analyze("e", "o", s, 2.0, true);
        AnalyzedObservable without = ObservableAnalysis.analyze("e", "o", s, 2.0, false);
        assertEquals(with.row(), without.row(), "plots do not change the numbers");
        assertEquals(3, with.spacing());
        assertTrue(without.plots().isEmpty());
        assertEquals(List.of(PlotKind.values()), with.plots().stream().map(RenderedPlot::kind).toList());
        for (RenderedPlot p : with.plots()) {
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(p.png(), 4), p.kind().toString());
            assertTrue(new String(p.svg(), java.nio.charset.StandardCharsets.UTF_8).contains("<svg"), p.kind().toString());
        }
        assertEquals("", with.plotNote());

        AnalyzedObservable failed = ObservableAnalysis.analyze("e", "o", List.of(new Sample(0, 1, 0, 1.0)), 2.0, true);
        assertFalse(failed.row().ok());
        assertTrue(failed.plots().isEmpty());
    }
}
