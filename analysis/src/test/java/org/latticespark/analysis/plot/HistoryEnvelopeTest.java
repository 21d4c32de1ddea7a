package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;
import org.latticespark.analysis.Ar1;

/** {@link Plots#HISTORY_ENVELOPE_ABOVE} and {@link Plots#HISTORY_ENVELOPE_BUCKETS} are what the history draws. */
class HistoryEnvelopeTest {
    /** The replica lines in drawing order: the series with a line colour of the replica cycle. */
    private static List<double[]> replicaLines(Plot p, int replicas) {
        List<double[]> lines = new ArrayList<>();
        for (XYSeries s : p.chart().getSeriesCollection()) {
            for (int r = 0; r < replicas; r++) {
                if (Style.cycle(r).equals(s.getLineColor())) {
                    lines.add(s.getYData());
                }
            }
        }
        assertEquals(replicas, lines.size(), "one line per replica");
        return lines;
    }

    @Test
    void valuesQuotedInTheDocumentation() {
        assertEquals(2000, Plots.HISTORY_ENVELOPE_ABOVE);
        assertEquals(1000, Plots.HISTORY_ENVELOPE_BUCKETS);
    }

    @Test
    void atTheThresholdEverySampleIsDrawn() {
        double[] y = Ar1.series(0.7, Plots.HISTORY_ENVELOPE_ABOVE, 41);
        double[] drawn = replicaLines(Plots.history("t", "y", new double[][] {y}), 1).get(0);
        assertArrayEquals(y, drawn);
    }

    /** One sample more, and also 3000 (between the threshold and twice it): the envelope of the buckets. */
    @Test
    void aboveTheThresholdTheEnvelopeIsDrawn() {
        for (int n : new int[] {Plots.HISTORY_ENVELOPE_ABOVE + 1, 3000, 4000, 4001}) {
            double[] y = Ar1.series(0.7, n, 42 + n);
            double[] drawn = replicaLines(Plots.history("t", "y", new double[][] {y}), 1).get(0);
            assertTrue(drawn.length < n && drawn.length <= 2 * Plots.HISTORY_ENVELOPE_BUCKETS, n + ": " + drawn.length);
            assertEquals(Decimation.minMax(new double[n], y, Plots.HISTORY_ENVELOPE_BUCKETS)[1].length, drawn.length, "" + n);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : y) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double drawnMin = Double.POSITIVE_INFINITY;
            double drawnMax = Double.NEGATIVE_INFINITY;
            for (double v : drawn) {
                drawnMin = Math.min(drawnMin, v);
                drawnMax = Math.max(drawnMax, v);
            }
            assertEquals(min, drawnMin, "" + n);
            assertEquals(max, drawnMax, "" + n);
        }
    }

    /** Each replica is judged on its own length. */
    @Test
    void onlyTheLongReplicaIsThinned() {
        double[] shortOne = Ar1.series(0.7, 500, 43);
        double[] longOne = Ar1.series(0.7, 2500, 44);
        List<double[]> drawn = replicaLines(Plots.history("t", "y", new double[][] {shortOne, longOne}), 2);
        assertArrayEquals(shortOne, drawn.get(0));
        assertTrue(drawn.get(1).length < longOne.length, "" + drawn.get(1).length);
    }
}
