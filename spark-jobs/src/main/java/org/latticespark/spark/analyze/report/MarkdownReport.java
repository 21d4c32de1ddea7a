package org.latticespark.spark.analyze.report;

import java.util.List;

/**
 * Lays out the report as Markdown (GitHub flavour: pipe tables), with the same content as
 * {@link HtmlReport}; each plot is a PNG image linking to its SVG.
 */
final class MarkdownReport {
    private MarkdownReport() {}

    static String render(ReportModel m) {
        StringBuilder md = new StringBuilder();
        md.append("# LatticeSpark campaign report: ").append(text(m.run())).append("\n\n");
        item(md, "Run", m.run());
        if (!m.configFile().isEmpty()) item(md, "Configuration", m.configFile());
        item(md, "Ensembles", Integer.toString(m.sections().size()));
        item(md, "Observables", ReportText.observables(m));
        item(md, "Measurement stages", ReportText.stages(m));
        item(md, "Error analysis", ReportText.method(m));
        item(md, "Plots", ReportText.plots(m));
        md.append('\n').append(text(ReportText.LEGEND)).append("\n");
        if (!m.comparison().isEmpty()) comparison(md, m.comparison());
        for (ReportModel.Section s : m.sections()) section(md, s);
        return md.toString();
    }

    private static void comparison(StringBuilder md, List<List<String>> rows) {
        md.append("\n## Samplers\n\n").append(text(SamplerComparison.CAPTION)).append("\n\n|");
        for (String c : SamplerComparison.COLUMNS) md.append(' ').append(text(c)).append(" |");
        md.append("\n|---|---|").append("--:|".repeat(SamplerComparison.COLUMNS.size() - 2)).append('\n');
        for (List<String> r : rows) {
            md.append("| ").append(code(r.get(0)));
            for (String v : r.subList(1, r.size())) md.append(" | ").append(text(v));
            md.append(" |\n");
        }
    }

    private static void section(StringBuilder md, ReportModel.Section s) {
        md.append("\n## Ensemble ").append(code(s.ensemble())).append("\n\n");
        if (!s.remark().isEmpty()) md.append("*").append(text(s.remark())).append("*\n\n");
        if (!s.parameters().isEmpty()) {
            md.append("| Parameter | Value |\n|---|---|\n");
            for (ReportModel.Parameter p : s.parameters()) {
                md.append("| ").append(text(p.name())).append(" | ").append(text(p.value())).append(" |\n");
            }
            md.append('\n');
        }
        if (!s.lines().isEmpty()) {
            md.append('|');
            for (String c : ReportText.COLUMNS) md.append(' ').append(text(c)).append(" |");
            md.append("\n|---|--:|--:|--:|--:|--:|--:|---|\n");
            for (ReportModel.Line l : s.lines()) {
                md.append("| ").append(code(l.observable()));
                for (String v : new String[] {l.value(), l.tauInt(), l.window(), l.samples(), l.chains(), l.spacing(),
                        l.note()}) {
                    md.append(" | ").append(text(v));
                }
                md.append(" |\n");
            }
        }
        for (ReportModel.Line l : s.lines()) {
            if (l.images().isEmpty()) continue;
            md.append("\n### ").append(code(s.ensemble() + " / " + l.observable())).append("\n\n");
            for (ReportModel.Image i : l.images()) {
                String alt = s.ensemble() + " / " + l.observable() + ": " + i.kind().caption();
                md.append("[![").append(text(alt)).append("](").append(i.png()).append(")](").append(i.svg())
                        .append(")\n");
            }
        }
    }

    private static void item(StringBuilder md, String name, String value) {
        md.append("- **").append(text(name)).append(":** ").append(text(value)).append('\n');
    }

    /**
     * Plain text that Markdown shows as it is, also inside a table cell: markup characters are
     * backslash-escaped, {@code <} becomes an entity, line breaks become spaces.
     */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ("\\`*_[]|~".indexOf(ch) >= 0) {
                sb.append('\\').append(ch);
            } else if (ch == '<') {
                sb.append("&lt;");
            } else if (ch == '&') {
                sb.append("&amp;");
            } else if (ch < 0x20) {
                sb.append(' ');
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A name in a code span; {@code |} stays escaped because GitHub splits table cells on it first. */
    static String code(String s) {
        String clean = s.replace('\n', ' ').replace('\r', ' ').replace('`', '\'').replace("|", "\\|");
        return "`" + clean + "`";
    }
}
