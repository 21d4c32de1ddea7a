package org.latticespark.spark.analyze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latticespark.spark.io.Json;

/** The analysis results of a run, as a printed table, CSV and JSON. */
public record Summary(double s, List<SummaryRow> rows) {
    public static final List<String> COLUMNS = List.of("ensemble", "observable", "value", "error", "error_of_error",
            "tau_int", "tau_int_error", "window", "samples", "chains", "note");

    public Summary {
        rows = List.copyOf(rows);
    }

    /** An aligned text table for the console. */
    public String table() {
        String[] head = {"ensemble", "observable", "value", "error", "tau_int", "d(tau_int)", "window", "N", "chains", ""};
        List<String[]> lines = new ArrayList<>();
        lines.add(head);
        for (SummaryRow r : rows) {
            if (r.ok()) {
                lines.add(new String[] {r.ensemble(), r.observable(), fmt("%.8g", r.value()), fmt("%.3g", r.error()),
                        fmt("%.2f", r.tauInt()), fmt("%.2f", r.tauIntError()), Integer.toString(r.window()),
                        Long.toString(r.samples()), Integer.toString(r.chains()), ""});
            } else {
                lines.add(new String[] {r.ensemble(), r.observable(), "-", "-", "-", "-", "-",
                        Long.toString(r.samples()), Integer.toString(r.chains()), r.note()});
            }
        }
        int[] width = new int[head.length];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                if (i > 0) line.append("  ");
                boolean left = i < 2 || i == l.length - 1;
                line.append(left ? pad(l[i], width[i], true) : pad(l[i], width[i], false));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    public String csv() {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (SummaryRow r : rows) {
            sb.append(csvText(r.ensemble())).append(',').append(csvText(r.observable())).append(',')
                    .append(num(r.value())).append(',').append(num(r.error())).append(',')
                    .append(num(r.errorOfError())).append(',').append(num(r.tauInt())).append(',')
                    .append(num(r.tauIntError())).append(',').append(r.ok() ? Integer.toString(r.window()) : "")
                    .append(',').append(r.samples()).append(',').append(r.chains()).append(',')
                    .append(csvText(r.note())).append('\n');
        }
        return sb.toString();
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("s", s);
        List<Object> results = new ArrayList<>();
        for (SummaryRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ensemble", r.ensemble());
            m.put("observable", r.observable());
            m.put("value", r.value());
            m.put("error", r.error());
            m.put("error_of_error", r.errorOfError());
            m.put("tau_int", r.tauInt());
            m.put("tau_int_error", r.tauIntError());
            m.put("window", r.ok() ? r.window() : null);
            m.put("samples", r.samples());
            m.put("chains", r.chains());
            m.put("note", r.note());
            results.add(m);
        }
        root.put("results", results);
        return Json.pretty(root);
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String pad(String s, int w, boolean left) {
        if (s.length() >= w) return s;
        String fill = " ".repeat(w - s.length());
        return left ? s + fill : fill + s;
    }
}
