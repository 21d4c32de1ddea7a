package org.latticespark.spark.analyze.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latticespark.generation.ChainConfig;
import org.latticespark.spark.analyze.AnalyzedObservable;
import org.latticespark.spark.analyze.ProposalEss;
import org.latticespark.spark.analyze.SummaryRow;
import org.latticespark.spark.config.RunConfig;

/**
 * The φ⁴ ensembles of a run side by side, one row per ensemble: sampler, acceptance, ESS/N of a flow's proposals,
 * and the integrated autocorrelation times of the main observables with 2τ_int(|M|), the updates per effectively
 * independent |M|. All from the analysis, so the report stays the same bytes for the same data (the seconds an
 * update costs are in the generate log and run.json).
 */
final class SamplerComparison {
    static final List<String> COLUMNS = List.of("ensemble", "sampler", "acceptance", "ESS/N", "τ_int |M|",
            "τ_int V M²", "τ_int C(1)", "updates per independent |M|");
    static final String CAPTION = "φ⁴ samplers compared: τ_int in updates (trajectories, or flow proposals); "
            + "ESS/N = (Σw)²/(N Σw²) of the flow's importance weights w = e^{−S}/q.";

    private SamplerComparison() {}

    /** The table's rows (formatted cells); empty without φ⁴ ensembles. */
    static List<List<String>> rows(RunConfig config, List<AnalyzedObservable> results) {
        Map<String, SummaryRow> byKey = new HashMap<>();
        for (AnalyzedObservable a : results) byKey.put(a.row().ensemble() + "/" + a.row().observable(), a.row());
        List<List<String>> rows = new ArrayList<>();
        for (ChainConfig c : config.ensembles()) {
            if (!c.isScalar()) continue;
            String e = c.ensemble;
            String sampler = c.algorithm == ChainConfig.Algorithm.FLOW
                    ? "flow (" + c.flow.layers + " layers, " + c.flow.trainingSteps + " steps)"
                    : c.algorithm.name().toLowerCase(Locale.ROOT) + " (" + c.steps + " steps, τ = "
                            + c.trajectoryLength + ")";
            SummaryRow absM = byKey.get(e + "/abs_magnetization");
            rows.add(List.of(e, sampler, value(byKey.get(e + "/accepted")),
                    value(byKey.get(e + "/" + ProposalEss.OBSERVABLE)), tau(absM),
                    tau(byKey.get(e + "/volume_magnetization_sq")), tau(byKey.get(e + "/two_point_t1")),
                    absM == null || !absM.ok() ? "–" : ValueError.format(2 * absM.tauInt(), 2 * absM.tauIntError())));
        }
        return rows;
    }

    private static String value(SummaryRow r) {
        return r == null || !r.ok() ? "–" : ValueError.format(r.value(), r.error());
    }

    private static String tau(SummaryRow r) {
        return r == null || !r.ok() ? "–" : ValueError.format(r.tauInt(), r.tauIntError());
    }
}
