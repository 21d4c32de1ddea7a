package org.latticespark.spark.analyze;

import java.io.Serializable;
import java.util.List;
import org.latticespark.spark.analyze.report.RenderedPlot;

/**
 * What an executor sends back for one (ensemble, observable): the summary row, the spacing of its
 * samples, and its rendered plots (the raw series stay on the executor).
 *
 * @param spacing   the Monte Carlo index step between successive samples of a chain, the same in every
 *                  chain (the unit of τ_int); 0 when no chain has two samples, -1 when steps differ
 * @param plots     the rendered plots; empty when plots are off, the analysis failed, or drawing failed
 * @param plotNote  why drawing failed; empty otherwise
 */
public record AnalyzedObservable(SummaryRow row, long spacing, List<RenderedPlot> plots, String plotNote)
        implements Serializable {
    public AnalyzedObservable {
        plots = List.copyOf(plots);
    }
}
