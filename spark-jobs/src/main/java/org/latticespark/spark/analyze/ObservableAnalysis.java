package org.latticespark.spark.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

/**
 * Builds the replicas of one observable and runs the Γ method. Samples are sorted by (chain,
 * index, source) first, so the result does not depend on the order Spark delivers them in; values
 * with several sources (noise vectors) are averaged per configuration in source order.
 */
public final class ObservableAnalysis {
    private ObservableAnalysis() {}

    public static SummaryRow analyze(String ensemble, String observable, Iterable<Sample> samples, double s) {
        List<Sample> sorted = new ArrayList<>();
        for (Sample x : samples) sorted.add(x);
        sorted.sort(Comparator.comparingInt(Sample::chain).thenComparingLong(Sample::index)
                .thenComparingInt(Sample::source));
        double[][] replicas = replicas(sorted);
        long n = 0;
        for (double[] r : replicas) n += r.length;
        try {
            GammaResult g = GammaMethod.analyze(replicas, s);
            return new SummaryRow(ensemble, observable, g.value(), g.error(), g.errorOfError(), g.tauInt(),
                    g.tauIntError(), g.window(), g.samples(), g.replicas(), "");
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return new SummaryRow(ensemble, observable, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    -1, n, replicas.length, "not analysed: " + why);
        }
    }

    /** One replica per chain (chains in increasing order), values in index order, sources averaged. */
    static double[][] replicas(List<Sample> sorted) {
        List<double[]> out = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            Sample first = sorted.get(i);
            double sum = 0;
            int count = 0;
            int j = i;
            while (j < sorted.size() && sorted.get(j).chain() == first.chain() && sorted.get(j).index() == first.index()) {
                sum += sorted.get(j).value();
                count++;
                j++;
            }
            current.add(count == 1 ? sum : sum / count);
            boolean chainEnds = j == sorted.size() || sorted.get(j).chain() != first.chain();
            if (chainEnds) {
                double[] r = new double[current.size()];
                for (int k = 0; k < r.length; k++) r[k] = current.get(k);
                out.add(r);
                current.clear();
            }
            i = j;
        }
        return out.toArray(new double[0][]);
    }
}
