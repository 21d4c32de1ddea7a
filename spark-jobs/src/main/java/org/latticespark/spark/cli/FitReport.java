package org.latticespark.spark.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latticespark.analysis.GammaResult;
import org.latticespark.analysis.fit.FitResult;
import org.latticespark.analysis.fit.ObsFitResult;
import org.latticespark.spark.analyze.report.ValueError;
import org.latticespark.spark.io.Json;

/**
 * What {@code latticespark fit} prints: as a table, CSV or JSON. Parameter errors are {@link ObsFitResult#errors()},
 * τ_int that of each parameter's fluctuations on the one ensemble; χ²_exp and χ²/χ²_exp only for an uncorrelated
 * fit (for a correlated one χ²_exp = dof by construction). CSV and JSON give full precision (shortest round-trip
 * form); quantities that are not defined (χ²/dof and p-value for dof = 0, χ²_exp of a correlated fit) are empty
 * in CSV and null in JSON.
 *
 * @param parameters the Γ-method result of each parameter, in the model's order
 */
record FitReport(List<Path> files, int skip, double s, FitModelOption model, List<DataPoint> data, ObsFitResult fit,
                 List<GammaResult> parameters) {
    static final List<String> CSV_COLUMNS = List.of("parameter", "value", "error", "compact", "tau_int",
            "tau_int_error", "model", "correlated", "points", "dof", "chi2", "chi2_per_dof", "p_value", "chi2_exp",
            "chi2_by_chi2_exp");

    /** One data point: a column at x, with its Γ-method result over all files. */
    record DataPoint(String column, double x, GammaResult gamma) {}

    private FitResult central() {
        return fit.centralFit();
    }

    /** χ²_exp where it is reported, else NaN. */
    double expectedChiSquare() {
        return central().correlated() ? Double.NaN : central().expectedChiSquare();
    }

    double chiSquareByExpected() {
        return central().correlated() ? Double.NaN : central().chiSquareByExpected();
    }

    String table() {
        FitResult c = central();
        GammaResult first = data.get(0).gamma();
        StringBuilder sb = new StringBuilder();
        sb.append("model: ").append(model.text()).append(" = ").append(model.model().name()).append('\n');
        sb.append(String.format(Locale.ROOT, "fit:   %s, %d data points, %d parameters, dof = %d%n",
                c.correlated() ? "correlated" : "uncorrelated", data.size(), fit.parameters().size(), c.dof()));
        sb.append(String.format(Locale.ROOT, "data:  %d file(s) as replicas, %d samples, --skip %d, S = %s%n%n",
                first.replicas(), first.samples(), skip, s));

        List<String[]> points = new ArrayList<>();
        points.add(new String[] {"column", "x", "value", "error", "compact", "tau_int"});
        for (DataPoint p : data) {
            GammaResult g = p.gamma();
            points.add(new String[] {p.column(), plain(p.x()), fmt("%.8g", g.value()), fmt("%.3g", g.error()),
                    ValueError.format(g.value(), g.error()), fmt("%.2f", g.tauInt())});
        }
        sb.append(TextTable.align(points)).append('\n');

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"parameter", "value", "error", "compact", "tau_int", "d(tau_int)"});
        double[] errors = fit.errors();
        for (int a = 0; a < errors.length; a++) {
            GammaResult g = parameters.get(a);
            double value = fit.parameter(a).value();
            rows.add(new String[] {c.parameterNames().get(a), fmt("%.8g", value), fmt("%.3g", errors[a]),
                    ValueError.format(value, errors[a]), fmt("%.2f", g.tauInt()), fmt("%.2f", g.tauIntError())});
        }
        sb.append(TextTable.align(rows)).append('\n');

        sb.append(String.format(Locale.ROOT, "chi2 = %.4g, dof = %d, chi2/dof = %s, p-value = %s%n", c.chiSquare(),
                c.dof(), defined("%.4g", c.chiSquarePerDof()), defined("%.3g", c.pValue())));
        if (!c.correlated()) {
            sb.append(String.format(Locale.ROOT, "chi2_exp = %s, chi2/chi2_exp = %s%n",
                    defined("%.4g", expectedChiSquare()), defined("%.3g", chiSquareByExpected())));
        }
        return sb.toString();
    }

    String csv() {
        FitResult c = central();
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        double[] errors = fit.errors();
        for (int a = 0; a < errors.length; a++) {
            GammaResult g = parameters.get(a);
            double value = fit.parameter(a).value();
            List<String> row = List.of(TextTable.csvText(c.parameterNames().get(a)), number(value), number(errors[a]),
                    ValueError.format(value, errors[a]), number(g.tauInt()), number(g.tauIntError()),
                    TextTable.csvText(model.text()), Boolean.toString(c.correlated()), Integer.toString(data.size()),
                    Integer.toString(c.dof()), number(c.chiSquare()), number(c.chiSquarePerDof()), number(c.pValue()),
                    number(expectedChiSquare()), number(chiSquareByExpected()));
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    String json() {
        FitResult c = central();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", files.stream().map(Path::toString).toList());
        root.put("skip", skip);
        root.put("s", s);
        root.put("model", model.text());
        root.put("model_name", model.model().name());
        root.put("correlated", c.correlated());
        root.put("points", data.size());
        root.put("replicas", data.get(0).gamma().replicas());
        root.put("samples", data.get(0).gamma().samples());
        List<Object> points = new ArrayList<>();
        for (DataPoint p : data) {
            GammaResult g = p.gamma();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", p.column());
            m.put("x", p.x());
            m.put("value", g.value());
            m.put("error", g.error());
            m.put("tau_int", g.tauInt());
            m.put("tau_int_error", g.tauIntError());
            points.add(m);
        }
        root.put("data", points);
        List<Object> rows = new ArrayList<>();
        double[] errors = fit.errors();
        for (int a = 0; a < errors.length; a++) {
            GammaResult g = parameters.get(a);
            double value = fit.parameter(a).value();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.parameterNames().get(a));
            m.put("value", value);
            m.put("error", errors[a]);
            m.put("compact", ValueError.format(value, errors[a]));
            m.put("tau_int", g.tauInt());
            m.put("tau_int_error", g.tauIntError());
            rows.add(m);
        }
        root.put("parameters", rows);
        root.put("covariance", fit.parameterCovariance());
        root.put("chi2", c.chiSquare());
        root.put("dof", c.dof());
        root.put("chi2_per_dof", c.chiSquarePerDof());
        root.put("p_value", c.pValue());
        root.put("chi2_exp", expectedChiSquare());
        root.put("chi2_by_chi2_exp", chiSquareByExpected());
        root.put("iterations", c.iterations());
        return Json.pretty(root);
    }

    /** The shortest decimal that reads back as x, without exponent: 3, 0.25, 0.0001. */
    static String plain(double x) {
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String defined(String format, double v) {
        return Double.isFinite(v) ? fmt(format, v) : "undefined";
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
