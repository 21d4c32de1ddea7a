package org.latticespark.spark.analyze;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.latticespark.generation.flow.EffectiveSampleSize;
import org.latticespark.spark.measure.GenerationStage;

/**
 * The effective sample size per proposal of a flow ensemble, ESS/N = (Σw)²/(N Σw²) over the log weights
 * log w = −S − log q of all its proposals after thermalization (the {@code log_weight} rows of the generation
 * stage). Proposals are independent draws from the flow, so the error is a plain jackknife over
 * {@value #BLOCKS} blocks; τ_int is ½ by construction.
 */
public final class ProposalEss {
    public static final String OBSERVABLE = "ess_per_proposal";
    static final int BLOCKS = 20;

    private ProposalEss() {}

    /** One row per ensemble that has log weights, sorted by ensemble. */
    public static List<AnalyzedObservable> analyze(Dataset<Row> measurements) {
        List<Row> rows = measurements
                .filter(measurements.col("observable").equalTo(GenerationStage.LOG_WEIGHT))
                .select("ensemble", "chain", "index", "value")
                .orderBy("ensemble", "chain", "index")
                .collectAsList();
        List<AnalyzedObservable> out = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            String ensemble = rows.get(from).getString(0);
            int to = from;
            while (to < rows.size() && rows.get(to).getString(0).equals(ensemble)) to++;
            double[] lw = new double[to - from];
            java.util.Set<Integer> chains = new java.util.HashSet<>();
            for (int i = from; i < to; i++) {
                lw[i - from] = rows.get(i).getDouble(3);
                chains.add(rows.get(i).getInt(1));
            }
            out.add(row(ensemble, lw, chains.size()));
            from = to;
        }
        return out;
    }

    static AnalyzedObservable row(String ensemble, double[] logWeights, int chains) {
        int n = logWeights.length;
        double ess = EffectiveSampleSize.fraction(logWeights);
        SummaryRow row;
        if (n < 2 * BLOCKS || !Double.isFinite(ess)) {
            row = new SummaryRow(ensemble, OBSERVABLE, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, n,
                    chains, n < 2 * BLOCKS ? "fewer than " + 2 * BLOCKS + " proposals" : "non-finite log weights");
        } else {
            double[] leaveOut = new double[BLOCKS];
            double mean = 0;
            for (int b = 0; b < BLOCKS; b++) {
                int lo = (int) ((long) n * b / BLOCKS);
                int hi = (int) ((long) n * (b + 1) / BLOCKS);
                double[] rest = new double[n - (hi - lo)];
                System.arraycopy(logWeights, 0, rest, 0, lo);
                System.arraycopy(logWeights, hi, rest, lo, n - hi);
                leaveOut[b] = EffectiveSampleSize.fraction(rest);
                mean += leaveOut[b] / BLOCKS;
            }
            double var = 0;
            for (double v : leaveOut) var += (v - mean) * (v - mean);
            double error = Math.sqrt((BLOCKS - 1.0) / BLOCKS * var);
            row = new SummaryRow(ensemble, OBSERVABLE, ess, error, Double.NaN, 0.5, 0, 0, n, chains, "");
        }
        return new AnalyzedObservable(row, 1, List.of(), "");
    }
}
