package org.latticespark.spark.analyze.report;

/** The plots drawn for each analysed observable, with their file-name suffix and caption. */
public enum PlotKind {
    HISTORY("history", "Monte Carlo history"),
    RHO("rho", "autocorrelation ρ(t)"),
    TAU_INT("tauint", "τ_int versus window W"),
    HISTOGRAM("hist", "histogram");

    private final String suffix;
    private final String caption;

    PlotKind(String suffix, String caption) {
        this.suffix = suffix;
        this.caption = caption;
    }

    /** The file-name part: {@code <observable>-<suffix>.png}. */
    public String suffix() { return suffix; }

    public String caption() { return caption; }
}
