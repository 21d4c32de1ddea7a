package org.latticespark.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;
import org.latticespark.analysis.Obs;
import org.latticespark.analysis.fit.FitException;
import org.latticespark.analysis.fit.FitOptions;
import org.latticespark.analysis.fit.ObsFit;
import org.latticespark.analysis.fit.ObsFitResult;
import org.latticespark.analysis.io.Column;
import org.latticespark.analysis.io.Series;
import org.latticespark.spark.InvalidInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code latticespark fit FILE... --columns SPEC --model MODEL [--x LIST] [--correlated] [--skip N] [--s S]
 * [--guess LIST] [--plot PATH] [--csv | --json]}: a χ² fit ({@link ObsFit}) to columns of plain-text files, each
 * column one data point (a primary observable over all FILEs, the replicas of one ensemble), with parameter
 * errors from the Γ-method, autocorrelations included. A plain command: no Spark session, no run configuration.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Chi-squared fit to columns of plain-text measurement files (no Spark), e.g. a correlator "
                + "C(t) with one column per time slice.",
                "Each FILE is one replica (an independent Markov chain) of the same ensemble, one line per "
                        + "configuration; every selected column is one data point, its error from the Γ-method over "
                        + "all FILEs. Parameter errors include autocorrelations and the correlations between the "
                        + "points (linear propagation, as pyerrors' least_squares).",
                "Files as for 'errors': columns separated by blanks/tabs, commas or semicolons; lines starting "
                        + "with #, %% or // skipped; a first line without any number is a header of column names."})
final class FitCommand implements Callable<Integer> {
    /** The name under which the FILEs form one ensemble of every {@link Obs}. */
    static final String ENSEMBLE = "files";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Measurement files, one per replica.")
    List<Path> files;

    @Option(names = "--columns", required = true, paramLabel = "SPEC", description = "The data points: columns "
            + "numbered from 1 or header names, comma-separated, and ranges, e.g. 2-17, 2,4,6 or C3,C4,C5. "
            + "The choice of columns (and --x) is the fit range.")
    String columns;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "const: c0; poly:D: c0 + c1*x "
            + "+ ... + cD*x^D; exp: A*exp(-E*t); cosh:T: A*(exp(-E*t) + exp(-E*(T-t))) with T the periodic time "
            + "extent; exp2: A0*exp(-E0*t) + A1*exp(-E1*t).")
    String model;

    @Option(names = "--x", paramLabel = "LIST", description = "The x (or t) of each data point, comma-separated, as "
            + "many as --columns selects. Default: 0,1,2,...")
    String x;

    @Option(names = "--correlated", description = "Correlated fit, chi2 = r^T C^-1 r with the estimated covariance "
            + "C of the points (it must be invertible: many more configurations than points). Default: "
            + "uncorrelated, chi2 = sum (r_i/sigma_i)^2, with the expected chi2 of Bruno and Sommer.")
    boolean correlated;

    @Option(names = "--skip", paramLabel = "N", defaultValue = "0",
            description = "Drop the first N values of every file (thermalisation). Default: ${DEFAULT-VALUE}.")
    int skip;

    @Option(names = "--s", paramLabel = "S", defaultValue = "" + GammaMethod.DEFAULT_S,
            description = "Wolff's S for the automatic window. Default: ${DEFAULT-VALUE}.")
    double s;

    @Option(names = "--guess", paramLabel = "LIST", description = "Initial parameters, comma-separated, in the "
            + "model's order (e.g. A,E). Default: estimated from the data.")
    String guess;

    @Option(names = "--plot", paramLabel = "PATH", description = "Write the data and the fitted curve with its "
            + "±1σ band as PATH.png and PATH.svg, and for exp, cosh and exp2 the data on a log scale as "
            + "PATH-log.png and PATH-log.svg (folders created, existing files replaced).")
    Path plot;

    @ArgGroup(exclusive = true)
    Format format;

    static final class Format {
        @Option(names = "--csv", description = "Print CSV (one row per parameter) instead of a table.")
        boolean csv;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;
    }

    @Override
    public Integer call() {
        MeasurementFiles.checkOptions(files, skip, s);
        FitModelOption fitModel = FitModelOption.parse(model);
        List<Column> selected = ListOption.columns("--columns", columns);
        double[] xs = xValues(selected.size());
        FitOptions options = fitOptions(fitModel);
        int k = fitModel.model().parameterCount();
        if (selected.size() < k) {
            throw new InvalidInputException("--columns '" + columns + "' selects " + selected.size() + " data point(s) "
                    + "but --model " + fitModel.text() + " has " + k + " parameters " + fitModel.model().parameterNames()
                    + "; a fit needs at least as many points as parameters (dof = n - k >= 0)");
        }
        Path plotBase = plot == null ? null : FitPlotFiles.base(plot);

        List<Obs> obs = new ArrayList<>();
        List<FitReport.DataPoint> data = new ArrayList<>();
        readData(selected, xs, obs, data);
        ObsFitResult result = fit(obs, xs, fitModel, options, data.get(0).gamma().samples());
        List<GammaResult> parameters = new ArrayList<>();
        for (Obs p : result.parameters()) parameters.add(p.analyze(s).on(ENSEMBLE));
        FitReport report = new FitReport(files, skip, s, fitModel, data, result, parameters);

        List<Path> written = plotBase == null ? List.of()
                : FitPlotFiles.write(plotBase, FitPlotFiles.render(plotBase, report));
        PrintWriter out = spec.commandLine().getOut();
        if (format != null && format.csv) {
            out.print(report.csv());
        } else if (format != null && format.json) {
            out.print(report.json());
        } else {
            out.print(report.table());
            if (plotBase != null) out.println("plots: " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
        out.flush();
        return 0;
    }

    private double[] xValues(int n) {
        if (x == null) {
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) xs[i] = i;
            return xs;
        }
        double[] xs = ListOption.numbers("--x", x);
        if (xs.length != n) {
            throw new InvalidInputException("--x has " + xs.length + " value(s) but --columns '" + columns + "' selects "
                    + n + " column(s); give one x per data point");
        }
        return xs;
    }

    private FitOptions fitOptions(FitModelOption fitModel) {
        if (guess == null) return FitOptions.defaults();
        double[] p = ListOption.numbers("--guess", guess);
        List<String> names = fitModel.model().parameterNames();
        if (p.length != names.size()) {
            throw new InvalidInputException("--guess has " + p.length + " value(s) but --model " + fitModel.text()
                    + " has " + names.size() + " parameters " + String.join(", ", names));
        }
        return FitOptions.defaults().withInitialGuess(p);
    }

    /** Column c of every file as data point c: its observable into obs, its Γ-method result and x into data. */
    private void readData(List<Column> selected, double[] xs, List<Obs> obs, List<FitReport.DataPoint> data) {
        List<List<Series>> read = MeasurementFiles.read(files, selected, skip);
        for (int c = 0; c < selected.size(); c++) {
            MeasurementFiles.Replicas column = MeasurementFiles.replicas(selected.get(c), files, read, c);
            Obs o = primary(column);
            obs.add(o);
            data.add(new FitReport.DataPoint(column.label(), xs[c], analyze(column.label(), o)));
        }
    }

    private Obs primary(MeasurementFiles.Replicas column) {
        try {
            return Obs.primary(ENSEMBLE, column.values());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(column.label() + MeasurementFiles.where(files) + ": " + e.getMessage(), e);
        }
    }

    /** The Γ-method on one data point; it must have an error, else it cannot be weighted. */
    private GammaResult analyze(String label, Obs o) {
        GammaResult g;
        try {
            g = o.analyze(s).on(ENSEMBLE);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(label + MeasurementFiles.where(files) + ": " + e.getMessage(), e);
        }
        if (!(g.error() > 0)) {
            throw new InvalidInputException(label + MeasurementFiles.where(files) + ": the values do not fluctuate "
                    + "(error 0); a fit needs an error on every data point");
        }
        return g;
    }

    private ObsFitResult fit(List<Obs> obs, double[] xs, FitModelOption fitModel, FitOptions options, long samples) {
        String what = "--model " + fitModel.text() + (correlated ? " --correlated" : "");
        try {
            return ObsFit.fit(obs, xs, fitModel.model(), correlated, options, s);
        } catch (FitException e) {
            throw new InvalidInputException(what + ": the fit failed: " + e.getMessage()
                    + (guess == null ? "; try --guess" : ""), e);
        } catch (IllegalArgumentException e) {
            String hint = "";
            if (correlated && e.getMessage().contains("not positive definite")) {
                hint = "; data points are counted from 0 in --columns order. The covariance of the " + obs.size()
                        + " points is estimated from " + samples + " samples; an invertible estimate needs many more "
                        + "samples than points, and no point that is a linear combination of others";
            }
            throw new InvalidInputException(what + ": " + e.getMessage() + hint, e);
        }
    }
}
