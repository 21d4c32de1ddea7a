package org.latticespark.spark.analyze.report;

import java.util.List;

/**
 * The content of the campaign report, every number already formatted, for {@link HtmlReport} and
 * {@link MarkdownReport} to lay out. Paths are relative to the analysis folder.
 *
 * @param configFile the configuration's file name (no folder, so that the report does not depend on
 *                   where the run was started)
 * @param comparison the rows of the φ⁴ sampler comparison ({@link SamplerComparison}), empty when there is none
 */
record ReportModel(String run, String configFile, String s, List<String> stages, boolean plots, int observables,
                   int failed, List<List<String>> comparison, List<Section> sections) {

    record Parameter(String name, String value) {}

    /**
     * One ensemble.
     *
     * @param parameters empty when the configuration does not know the ensemble
     * @param remark     a sentence about the section as a whole (unknown ensemble, no measurements), or empty
     */
    record Section(String ensemble, String anchor, List<Parameter> parameters, String remark, List<Line> lines) {}

    /** One row of the results table; its images (possibly none) follow the table. */
    record Line(String observable, String anchor, String value, String tauInt, String window, String samples,
                String chains, String spacing, String note, boolean failed, List<Image> images) {}

    /** A plot: PNG thumbnail, SVG full size. */
    record Image(PlotKind kind, String png, String svg, RenderedPlot plot) {}
}
