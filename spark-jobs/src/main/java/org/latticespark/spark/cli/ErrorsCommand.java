package org.latticespark.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;
import org.latticespark.analysis.io.Column;
import org.latticespark.analysis.io.Series;
import org.latticespark.analysis.plot.Plot;
import org.latticespark.analysis.plot.Plots;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.io.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code latticespark errors FILE... [--column C]... [--skip N] [--s S] [--binning] [--plots DIR] [--csv | --json]}:
 * the Γ-method ({@link GammaMethod}) on columns of plain-text files written by any code, each FILE one replica of
 * one ensemble, and optionally a binning analysis whose error at the largest bin size is set against the Γ-method
 * error ({@link BinningReport}). A plain command: no Spark session, no run configuration.
 */
@Command(name = "errors", mixinStandardHelpOptions = true,
        description = {"Γ-method errors of columns of plain-text measurement files (no Spark).",
                "Each FILE is one replica (an independent Markov chain) of the same ensemble; every --column is "
                        + "analysed as a separate observable over all FILEs.",
                "Files: one value per line, or columns separated by blanks/tabs, commas or semicolons; lines "
                        + "starting with #, %% or // and blank lines are skipped; a first line without any number "
                        + "is a header of column names."})
final class ErrorsCommand implements Callable<Integer> {
    static final List<String> CSV_COLUMNS = List.of("observable", "value", "error", "error_of_error", "tau_int",
            "tau_int_error", "window", "samples", "replicas");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Measurement files, one per replica.")
    List<Path> files;

    @Option(names = "--column", paramLabel = "C", description = "Column to analyse: a number from 1 or a header "
            + "name; repeat for several observables. Default: 1.")
    List<String> columns;

    @Option(names = "--skip", paramLabel = "N", defaultValue = "0",
            description = "Drop the first N values of every file (thermalisation). Default: ${DEFAULT-VALUE}.")
    int skip;

    @Option(names = "--s", paramLabel = "S", defaultValue = "" + GammaMethod.DEFAULT_S,
            description = "Wolff's S for the automatic window. Default: ${DEFAULT-VALUE}.")
    double s;

    @Option(names = "--binning", description = "Also a binning analysis of every observable: the error of the "
            + "mean for bin sizes b = 1, 2, 4, ... (bins within each FILE, the last values of a FILE that do not fill "
            + "a bin dropped) while at least 32 bins remain, tau(b) = (error(b) / error(1))^2 / 2, and the "
            + "error at the largest b next to the Γ-method error with their ratio. Needs at least 32 bins of size 2 "
            + "(exit status 2 otherwise). --plots adds <observable>-binning, --json a \"binning\" array per "
            + "observable; --csv output stays the same.")
    boolean binning;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write <observable>-history, -autocorrelation, "
            + "-tauint and -histogram (and -binning with --binning) as PNG and SVG into DIR (created if missing; "
            + "existing plots are replaced). The history's x axis counts data lines from 1, skipped ones included.")
    Path plots;

    @ArgGroup(exclusive = true)
    Format format;

    static final class Format {
        @Option(names = "--csv", description = "Print CSV instead of a table.")
        boolean csv;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;
    }

    /** One analysed observable; binning is null without --binning. */
    record Result(String observable, double[][] replicas, GammaResult gamma, BinningReport binning) {}

    @Override
    public Integer call() {
        checkOptions();
        List<Column> selected = selectedColumns();
        if (plots != null) createPlotFolder();
        List<List<Series>> read = MeasurementFiles.read(files, selected, skip);
        List<Result> results = new ArrayList<>();
        for (int c = 0; c < selected.size(); c++) {
            results.add(analyze(selected.get(c), read, c));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != null && format.csv) {
            out.print(csv(results));
        } else if (format != null && format.json) {
            out.print(json(results));
        } else {
            out.print(table(results));
            for (Result r : results) {
                if (r.binning() != null) out.print("\n" + r.binning().text(r.observable(), r.gamma()));
            }
        }
        out.flush();
        if (plots != null) {
            int written = writePlots(results);
            if (format == null) out.printf(Locale.ROOT, "plots: %d files in %s%n", written, plots);
        }
        out.flush();
        return 0;
    }

    private void checkOptions() {
        MeasurementFiles.checkOptions(files, skip, s);
    }

    private List<Column> selectedColumns() {
        if (columns == null || columns.isEmpty()) return List.of(Column.number(1));
        List<Column> result = new ArrayList<>();
        for (String c : columns) {
            Column column;
            try {
                column = Column.parse(c);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--column '" + c + "': " + e.getMessage(), e);
            }
            if (result.contains(column)) throw new InvalidInputException("--column '" + c + "' is given twice");
            result.add(column);
        }
        return result;
    }

    /** The c-th selected column of every file as the replicas of one observable. */
    private Result analyze(Column column, List<List<Series>> read, int c) {
        MeasurementFiles.Replicas data = MeasurementFiles.replicas(column, files, read, c);
        String where = MeasurementFiles.where(files);
        GammaResult gamma;
        try {
            gamma = GammaMethod.analyze(data.values(), s);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(data.label() + where + ": " + e.getMessage(), e);
        }
        BinningReport binned = binning ? BinningReport.of(data.label(), where, data.values()) : null;
        return new Result(data.label(), data.values(), gamma, binned);
    }

    static String table(List<Result> results) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"observable", "value", "error", "d(error)", "tau_int", "d(tau_int)", "W", "N", "R"});
        for (Result r : results) {
            GammaResult g = r.gamma();
            lines.add(new String[] {r.observable(), fmt("%.8g", g.value()), fmt("%.3g", g.error()),
                    fmt("%.2g", g.errorOfError()), fmt("%.2f", g.tauInt()), fmt("%.2f", g.tauIntError()),
                    Integer.toString(g.window()), Long.toString(g.samples()), Integer.toString(g.replicas())});
        }
        return TextTable.align(lines);
    }

    /** Full precision (shortest round-trip form), one row per observable. */
    static String csv(List<Result> results) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Result r : results) {
            GammaResult g = r.gamma();
            sb.append(TextTable.csvText(r.observable())).append(',').append(g.value()).append(',').append(g.error())
                    .append(',').append(g.errorOfError()).append(',').append(g.tauInt()).append(',')
                    .append(g.tauIntError()).append(',').append(g.window()).append(',').append(g.samples()).append(',')
                    .append(g.replicas()).append('\n');
        }
        return sb.toString();
    }

    String json(List<Result> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", files.stream().map(Path::toString).toList());
        root.put("skip", skip);
        root.put("s", s);
        List<Object> rows = new ArrayList<>();
        for (Result r : results) {
            GammaResult g = r.gamma();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("observable", r.observable());
            m.put("value", g.value());
            m.put("error", g.error());
            m.put("error_of_error", g.errorOfError());
            m.put("tau_int", g.tauInt());
            m.put("tau_int_error", g.tauIntError());
            m.put("window", g.window());
            m.put("samples", g.samples());
            m.put("replicas", g.replicas());
            if (r.binning() != null) m.put("binning", r.binning().binningJson());
            rows.add(m);
        }
        root.put("results", rows);
        return Json.pretty(root);
    }

    private void createPlotFolder() {
        try {
            Files.createDirectories(plots);
        } catch (FileSystemException e) {
            throw new InvalidInputException("--plots " + plots + ": cannot create the folder (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int writePlots(List<Result> results) {
        List<String> names = plotNames(results.stream().map(Result::observable).toList());
        int written = 0;
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            String o = r.observable();
            double[] all = concat(r.replicas());
            Map<String, Plot> kinds = new LinkedHashMap<>();
            kinds.put("history", Plots.history(o + ": history", o, r.replicas(), lineNumbers(r.replicas())));
            kinds.put("autocorrelation", Plots.autocorrelation(o + ": autocorrelation", r.gamma()));
            kinds.put("tauint", Plots.tauInt(o + ": tau_int", r.gamma()));
            kinds.put("histogram", Plots.histogram(o + ": histogram", o, all, 0));
            if (r.binning() != null) kinds.put("binning", r.binning().plot(o, r.gamma()));
            for (Map.Entry<String, Plot> p : kinds.entrySet()) {
                Path target = plots.resolve(names.get(i) + "-" + p.getKey());
                try {
                    p.getValue().write(target);
                } catch (FileSystemException e) {
                    throw new InvalidInputException("--plots " + plots + ": cannot write " + target + " ("
                            + e.getMessage() + ")", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written += 2;
            }
        }
        return written;
    }

    /** File-name safe, distinct stems: other characters become '_', repeats get _2, _3, ... */
    static List<String> plotNames(List<String> observables) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String o : observables) {
            String base = o.replaceAll("[^A-Za-z0-9._-]+", "_");
            if (base.isEmpty() || base.startsWith(".")) base = "_" + base;
            String name = base;
            for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) name = base + "_" + k;
            names.add(name);
        }
        return names;
    }

    /** History x axis: the number of each value's data line in its file, counting the skipped ones, from 1. */
    private long[][] lineNumbers(double[][] replicas) {
        long[][] x = new long[replicas.length][];
        for (int r = 0; r < x.length; r++) {
            x[r] = new long[replicas[r].length];
            for (int i = 0; i < x[r].length; i++) x[r][i] = skip + 1L + i;
        }
        return x;
    }

    private static double[] concat(double[][] replicas) {
        int n = 0;
        for (double[] r : replicas) n += r.length;
        double[] all = new double[n];
        int at = 0;
        for (double[] r : replicas) {
            System.arraycopy(r, 0, all, at, r.length);
            at += r.length;
        }
        return all;
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
