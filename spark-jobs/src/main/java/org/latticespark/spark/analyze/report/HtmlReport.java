package org.latticespark.spark.analyze.report;

import java.util.List;

/**
 * Lays out the report as one static HTML page with inline CSS and no script. The markup is also
 * well-formed XML (polyglot XHTML: every element closed, attributes quoted, only the five XML
 * entities), so tools can parse it with an XML parser.
 */
final class HtmlReport {
    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: #1f2328; max-width: 1200px; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; }
            h1 { font-size: 1.7em; border-bottom: 2px solid #d0d7de; padding-bottom: .3em; }
            h2 { font-size: 1.35em; margin-top: 2.2em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
            h3 { font-size: 1.05em; margin: 1.6em 0 .5em; }
            .name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1.2em; }
            dl.meta dt { font-weight: 600; color: #57606a; }
            dl.meta dd { margin: 0; }
            p.legend { font-size: .9em; color: #57606a; max-width: 60em; }
            nav ul { padding-left: 1.2em; }
            table { border-collapse: collapse; margin: .8em 0 1.2em; font-size: .95em; }
            th, td { padding: .3em .8em; border-bottom: 1px solid #d8dee4; text-align: left; vertical-align: top; }
            thead th { border-bottom: 2px solid #afb8c1; background: #f6f8fa; }
            table.params th { font-weight: 600; color: #57606a; }
            table.results td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;
                                   font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            table.results thead th.num { text-align: right; }
            table.results tbody tr:nth-child(even) { background: #f9fafb; }
            tr.failed td { color: #8c959f; }
            tr.failed td.note { color: #cf222e; }
            td.note { max-width: 30em; }
            p.remark { color: #9a6700; }
            .plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 1em; }
            figure { margin: 0; }
            figure img { width: 100%; height: auto; border: 1px solid #d8dee4; border-radius: 4px; }
            figcaption { font-size: .85em; color: #57606a; text-align: center; margin-top: .2em; }
            """;

    private HtmlReport() {}

    static String render(ReportModel m) {
        StringBuilder h = new StringBuilder();
        String title = "LatticeSpark campaign report: " + m.run();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<dl class=\"meta\">\n");
        meta(h, "Run", m.run());
        if (!m.configFile().isEmpty()) meta(h, "Configuration", m.configFile());
        meta(h, "Ensembles", Integer.toString(m.sections().size()));
        meta(h, "Observables", ReportText.observables(m));
        meta(h, "Measurement stages", ReportText.stages(m));
        meta(h, "Error analysis", ReportText.method(m));
        meta(h, "Plots", ReportText.plots(m));
        h.append("</dl>\n");
        h.append("<p class=\"legend\">").append(esc(ReportText.LEGEND)).append("</p>\n");
        h.append("<nav>\n<ul>\n");
        for (ReportModel.Section s : m.sections()) {
            h.append("<li><a href=\"#").append(esc(s.anchor())).append("\">").append(esc(s.ensemble()))
                    .append("</a></li>\n");
        }
        h.append("</ul>\n</nav>\n");
        if (!m.comparison().isEmpty()) comparison(h, m.comparison());
        for (ReportModel.Section s : m.sections()) section(h, s);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void comparison(StringBuilder h, List<List<String>> rows) {
        h.append("<section id=\"samplers\">\n<h2>Samplers</h2>\n<p class=\"legend\">")
                .append(esc(SamplerComparison.CAPTION)).append("</p>\n<table class=\"results\">\n<thead>\n<tr>");
        for (int i = 0; i < SamplerComparison.COLUMNS.size(); i++) {
            h.append(i >= 2 ? "<th class=\"num\">" : "<th>").append(esc(SamplerComparison.COLUMNS.get(i))).append("</th>");
        }
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (List<String> r : rows) {
            h.append("<tr><td class=\"name\">").append(esc(r.get(0))).append("</td><td>").append(esc(r.get(1)))
                    .append("</td>");
            for (String v : r.subList(2, r.size())) h.append("<td class=\"num\">").append(esc(v)).append("</td>");
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void section(StringBuilder h, ReportModel.Section s) {
        h.append("<section id=\"").append(esc(s.anchor())).append("\">\n");
        h.append("<h2>Ensemble <span class=\"name\">").append(esc(s.ensemble())).append("</span></h2>\n");
        if (!s.remark().isEmpty()) h.append("<p class=\"remark\">").append(esc(s.remark())).append("</p>\n");
        if (!s.parameters().isEmpty()) {
            h.append("<table class=\"params\">\n<tbody>\n");
            for (ReportModel.Parameter p : s.parameters()) {
                h.append("<tr><th scope=\"row\">").append(esc(p.name())).append("</th><td>").append(esc(p.value()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        if (!s.lines().isEmpty()) {
            h.append("<table class=\"results\">\n<thead>\n<tr>");
            for (int i = 0; i < ReportText.COLUMNS.size(); i++) {
                boolean num = i >= 1 && i <= 6;
                h.append(num ? "<th class=\"num\">" : "<th>").append(esc(ReportText.COLUMNS.get(i))).append("</th>");
            }
            h.append("</tr>\n</thead>\n<tbody>\n");
            for (ReportModel.Line l : s.lines()) row(h, l);
            h.append("</tbody>\n</table>\n");
        }
        for (ReportModel.Line l : s.lines()) {
            if (l.images().isEmpty()) continue;
            h.append("<div class=\"observable\" id=\"").append(esc(l.anchor())).append("\">\n");
            h.append("<h3><span class=\"name\">").append(esc(s.ensemble())).append(" / ").append(esc(l.observable()))
                    .append("</span></h3>\n<div class=\"plots\">\n");
            for (ReportModel.Image i : l.images()) {
                String alt = s.ensemble() + " / " + l.observable() + ": " + i.kind().caption();
                h.append("<figure><a href=\"").append(esc(i.svg())).append("\"><img src=\"").append(esc(i.png()))
                        .append("\" alt=\"").append(esc(alt)).append("\" /></a><figcaption>")
                        .append(esc(i.kind().caption())).append("</figcaption></figure>\n");
            }
            h.append("</div>\n</div>\n");
        }
        h.append("</section>\n");
    }

    private static void row(StringBuilder h, ReportModel.Line l) {
        h.append(l.failed() ? "<tr class=\"failed\">" : "<tr>").append("<td class=\"name\">");
        if (l.images().isEmpty()) {
            h.append(esc(l.observable()));
        } else {
            h.append("<a href=\"#").append(esc(l.anchor())).append("\">").append(esc(l.observable())).append("</a>");
        }
        h.append("</td>");
        for (String v : new String[] {l.value(), l.tauInt(), l.window(), l.samples(), l.chains(), l.spacing()}) {
            h.append("<td class=\"num\">").append(esc(v)).append("</td>");
        }
        h.append("<td class=\"note\">").append(esc(l.note())).append("</td></tr>\n");
    }

    private static void meta(StringBuilder h, String name, String value) {
        h.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    /** Text for element content and quoted attributes. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch < 0x20 && ch != '\n' && ch != '\t' ? ' ' : ch);
            }
        }
        return sb.toString();
    }
}
