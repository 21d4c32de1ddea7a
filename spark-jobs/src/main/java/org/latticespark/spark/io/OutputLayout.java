package org.latticespark.spark.io;

import java.io.Serializable;

/**
 * Where a run's results go: {@code <output>/configurations} and {@code <output>/measurements}
 * (Parquet tables), {@code <output>/analysis} (summary.csv, summary.json, the campaign report
 * report.html and report.md, its images under plots/), {@code <output>/run.json}.
 */
public record OutputLayout(String root) implements Serializable {
    public static final String CONFIGURATIONS = "configurations";
    public static final String MEASUREMENTS = "measurements";
    public static final String ANALYSIS = "analysis";
    public static final String RUN_JSON = "run.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_MD = "report.md";
    /** The report's images: {@code plots/<ensemble>/<observable>-<kind>.{png,svg}} inside the analysis folder. */
    public static final String PLOTS = "plots";

    public String configurations() { return child(CONFIGURATIONS); }

    public String measurements() { return child(MEASUREMENTS); }

    public String analysis() { return child(ANALYSIS); }

    public String runJson() { return child(RUN_JSON); }

    /** The campaign report, {@code <output>/analysis/report.html}. */
    public String reportHtml() { return analysis() + "/" + REPORT_HTML; }

    /**
     * The outputs made from {@code output}, stale once it is replaced (run.json describes the run
     * that generated the configurations).
     */
    public java.util.List<String> derivedFrom(String output) {
        if (output.equals(configurations())) return java.util.List.of(measurements(), analysis(), runJson());
        if (output.equals(measurements())) return java.util.List.of(analysis());
        return java.util.List.of();
    }

    private String child(String name) {
        return root.endsWith("/") ? root + name : root + "/" + name;
    }
}
