package org.latticespark.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.spark.cli.CliRun.ok;
import static org.latticespark.spark.cli.FitCommandData.list;
import static org.latticespark.spark.cli.FitCommandData.observables;
import static org.latticespark.spark.cli.FitCommandData.range;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;
import org.latticespark.analysis.Obs;
import org.latticespark.analysis.fit.Cosh;
import org.latticespark.analysis.fit.Exponential;
import org.latticespark.analysis.fit.FitModel;
import org.latticespark.analysis.fit.FitOptions;
import org.latticespark.analysis.fit.ObsFit;
import org.latticespark.analysis.fit.ObsFitResult;
import org.latticespark.analysis.fit.Polynomial;
import org.latticespark.analysis.fit.TwoExponentials;
import org.latticespark.spark.analyze.report.ValueError;

/** {@code latticespark fit}: what it prints is {@link ObsFit} on the same data, bit for bit. */
class FitCommandTest {
    private static final FitCommandData.Correlator CORRELATOR =
            new FitCommandData.Correlator(1.3, 0.45, 24, 0.05, 0.7, 0.6);

    @TempDir
    Path dir;

    private double[][][] replicas;
    private final List<String> files = new ArrayList<>();

    /** Three replicas of different lengths, one file each. */
    private void writeReplicas(int... lengths) throws Exception {
        replicas = new double[lengths.length][][];
        for (int r = 0; r < lengths.length; r++) {
            replicas[r] = FitCommandData.columns(CORRELATOR, lengths[r], 100 + r);
            files.add(FitCommandData.write(dir.resolve("rep" + r + ".dat"), replicas[r]).toString());
        }
    }

    private JsonNode json(String... options) throws Exception {
        return new ObjectMapper().readTree(ok(args(options)).out());
    }

    private String[] args(String... options) {
        List<String> all = new ArrayList<>(List.of("fit"));
        all.addAll(files);
        all.addAll(List.of(options));
        return all.toArray(new String[0]);
    }

    /** Every number of the JSON output against the direct fit. */
    private static void assertSameFit(ObsFitResult direct, List<Obs> data, double[] x, double s, JsonNode root) {
        assertEquals(data.size(), root.get("points").intValue());
        JsonNode points = root.get("data");
        assertEquals(data.size(), points.size());
        for (int i = 0; i < data.size(); i++) {
            GammaResult g = data.get(i).analyze(s).on(FitCommand.ENSEMBLE);
            JsonNode p = points.get(i);
            assertEquals(x[i], p.get("x").doubleValue(), "x of point " + i);
            assertEquals(g.value(), p.get("value").doubleValue(), "value of point " + i);
            assertEquals(g.error(), p.get("error").doubleValue(), "error of point " + i);
            assertEquals(g.tauInt(), p.get("tau_int").doubleValue(), "tau_int of point " + i);
            assertEquals(g.tauIntError(), p.get("tau_int_error").doubleValue(), "tau_int_error of point " + i);
        }
        JsonNode parameters = root.get("parameters");
        List<String> names = direct.model().parameterNames();
        assertEquals(names.size(), parameters.size());
        double[] errors = direct.errors();
        double[][] covariance = direct.parameterCovariance();
        for (int a = 0; a < names.size(); a++) {
            JsonNode p = parameters.get(a);
            GammaResult g = direct.parameter(a).analyze(s).on(FitCommand.ENSEMBLE);
            assertEquals(names.get(a), p.get("name").asText());
            assertEquals(direct.parameter(a).value(), p.get("value").doubleValue(), names.get(a));
            assertEquals(direct.centralFit().parameter(a), p.get("value").doubleValue(), names.get(a));
            assertEquals(errors[a], p.get("error").doubleValue(), names.get(a));
            assertEquals(g.error(), errors[a], names.get(a) + ": Γ-method error of the parameter");
            assertEquals(ValueError.format(direct.parameter(a).value(), errors[a]), p.get("compact").asText());
            assertEquals(g.tauInt(), p.get("tau_int").doubleValue(), names.get(a));
            assertEquals(g.tauIntError(), p.get("tau_int_error").doubleValue(), names.get(a));
            for (int b = 0; b < names.size(); b++) {
                assertEquals(covariance[a][b], root.get("covariance").get(a).get(b).doubleValue(), "covariance");
            }
        }
        var c = direct.centralFit();
        assertEquals(c.correlated(), root.get("correlated").booleanValue());
        assertEquals(c.chiSquare(), root.get("chi2").doubleValue());
        assertEquals(c.dof(), root.get("dof").intValue());
        assertEquals(c.iterations(), root.get("iterations").intValue());
        assertNumberOrNull(c.chiSquarePerDof(), root.get("chi2_per_dof"));
        assertNumberOrNull(c.pValue(), root.get("p_value"));
        if (c.correlated()) {
            assertTrue(root.get("chi2_exp").isNull(), "no chi2_exp for a correlated fit");
            assertTrue(root.get("chi2_by_chi2_exp").isNull());
        } else {
            assertEquals(c.expectedChiSquare(), root.get("chi2_exp").doubleValue());
            assertEquals(c.chiSquareByExpected(), root.get("chi2_by_chi2_exp").doubleValue());
        }
    }

    private static void assertNumberOrNull(double expected, JsonNode node) {
        if (Double.isNaN(expected)) {
            assertTrue(node.isNull(), "expected null, got " + node);
        } else {
            assertEquals(expected, node.doubleValue());
        }
    }

    @Test
    void coshFitUncorrelatedAndCorrelated() throws Exception {
        writeReplicas(700, 500, 600);
        int skip = 30;
        double s = 1.5;
        int[] fileColumns = range(5, 14);
        double[] t = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        List<Obs> data = observables(replicas, fileColumns, skip);
        for (boolean correlated : new boolean[] {false, true}) {
            ObsFitResult direct = ObsFit.fit(data, t, new Cosh(24), correlated, FitOptions.defaults(), s);
            List<String> options = new ArrayList<>(List.of("--columns", "5-14", "--x", list(t), "--model", "cosh:24",
                    "--skip", "" + skip, "--s", "" + s, "--json"));
            if (correlated) options.add("--correlated");
            JsonNode root = json(options.toArray(new String[0]));
            assertSameFit(direct, data, t, s, root);
            assertEquals(List.of("C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12"),
                    texts(root.get("data"), "column"));
            assertEquals(files, texts(root.get("files"), null));
            assertEquals("cosh:24", root.get("model").asText());
            assertEquals(new Cosh(24).name(), root.get("model_name").asText());
            assertEquals(skip, root.get("skip").intValue());
            assertEquals(s, root.get("s").doubleValue());
            assertEquals(3, root.get("replicas").intValue());
            assertEquals(700 + 500 + 600 - 3 * skip, root.get("samples").longValue());
        }
        ObsFitResult uncorrelated = ObsFit.fit(data, t, new Cosh(24), false, FitOptions.defaults(), s);
        assertTrue(uncorrelated.parameter(1).analyze(s).on(FitCommand.ENSEMBLE).tauInt() > 1,
                "autocorrelated test data: " + uncorrelated);
    }

    @Test
    void csvHasOneFullPrecisionRowPerParameter() throws Exception {
        writeReplicas(800);
        double[] t = {2, 3, 4, 5, 6, 7, 8};
        ObsFitResult direct = ObsFit.fit(observables(replicas, range(4, 10), 0), t, new Exponential(), false);
        String[] csv = ok(args("--columns", "C2,C3,C4,C5,C6,C7,C8", "--x", list(t), "--model", "exp", "--csv"))
                .out().split("\n");
        assertEquals(String.join(",", FitReport.CSV_COLUMNS), csv[0]);
        assertEquals(3, csv.length);
        var c = direct.centralFit();
        for (int a = 0; a < 2; a++) {
            double value = direct.parameter(a).value();
            double error = direct.errors()[a];
            GammaResult g = direct.parameter(a).analyze().on(FitCommand.ENSEMBLE);
            assertEquals(String.join(",", List.of(List.of("A", "E").get(a), "" + value, "" + error,
                    ValueError.format(value, error), "" + g.tauInt(), "" + g.tauIntError(), "exp", "false", "7", "5",
                    "" + c.chiSquare(), "" + c.chiSquarePerDof(), "" + c.pValue(), "" + c.expectedChiSquare(),
                    "" + c.chiSquareByExpected())), csv[a + 1]);
        }
    }

    @Test
    void tableShowsModelDataParametersAndChiSquare() throws Exception {
        writeReplicas(600, 600);
        double[] t = {4, 5, 6, 7, 8, 9, 10};
        List<Obs> data = observables(replicas, range(6, 12), 0);
        ObsFitResult direct = ObsFit.fit(data, t, new Cosh(24), false);
        String out = ok(args("--columns", "6-12", "--x", list(t), "--model", "cosh:24")).out();
        List<String> lines = List.of(out.split("\n"));
        assertEquals("model: cosh:24 = " + new Cosh(24).name(), lines.get(0));
        assertEquals("fit:   uncorrelated, 7 data points, 2 parameters, dof = 5", lines.get(1));
        assertEquals("data:  2 file(s) as replicas, 1200 samples, --skip 0, S = 2.0", lines.get(2));
        GammaResult c4 = data.get(0).analyze().on(FitCommand.ENSEMBLE);
        assertEquals(List.of("C4", "4", fmt("%.8g", c4.value()), fmt("%.3g", c4.error()),
                ValueError.format(c4.value(), c4.error()), fmt("%.2f", c4.tauInt())), cells(lines.get(5)));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("parameter")).findFirst().orElseThrow());
        assertEquals(List.of("parameter", "value", "error", "compact", "tau_int", "d(tau_int)"),
                List.of(lines.get(header).split("\\s+")));
        for (int a = 0; a < 2; a++) {
            double value = direct.parameter(a).value();
            double error = direct.errors()[a];
            GammaResult g = direct.parameter(a).analyze().on(FitCommand.ENSEMBLE);
            assertEquals(List.of(List.of("A", "E").get(a), fmt("%.8g", value), fmt("%.3g", error),
                    ValueError.format(value, error), fmt("%.2f", g.tauInt()), fmt("%.2f", g.tauIntError())),
                    cells(lines.get(header + 1 + a)));
        }
        var c = direct.centralFit();
        assertTrue(out.contains(String.format(Locale.ROOT, "chi2 = %.4g, dof = 5, chi2/dof = %.4g, p-value = %.3g%n",
                c.chiSquare(), c.chiSquarePerDof(), c.pValue())), out);
        assertTrue(out.contains(String.format(Locale.ROOT, "chi2_exp = %.4g, chi2/chi2_exp = %.3g%n",
                c.expectedChiSquare(), c.chiSquareByExpected())), out);
        String correlated = ok(args("--columns", "6-12", "--x", list(t), "--model", "cosh:24", "--correlated")).out();
        assertTrue(correlated.contains("fit:   correlated,"), correlated);
        assertTrue(!correlated.contains("chi2_exp"), "no chi2_exp for a correlated fit: " + correlated);
    }

    /** A continuum extrapolation in a²: columns chosen by header name, x given, a linear and a quadratic fit. */
    @Test
    void polynomialExtrapolation() throws Exception {
        double[] aSquared = {0.0036, 0.0064, 0.01, 0.0144, 0.0196};
        int n = 900;
        double[][] columns = new double[aSquared.length][];
        for (int i = 0; i < aSquared.length; i++) {
            double[] noise = CliRun.ar1(0.5, 0, n, 40 + i);
            double exact = 0.7 + 3 * aSquared[i];
            columns[i] = new double[n];
            for (int k = 0; k < n; k++) columns[i][k] = exact + 0.01 * noise[k];
        }
        files.add(CliRun.write(dir.resolve("m.csv"), "m_a60,m_a80,m_a100,m_a120,m_a140", ",", columns).toString());
        replicas = new double[][][] {columns};
        List<Obs> data = observables(replicas, range(1, 5), 0);
        for (int degree : new int[] {0, 1, 2}) {
            String model = degree == 0 ? "const" : "poly:" + degree;
            FitModel expected = degree == 0 ? Polynomial.constant() : Polynomial.ofDegree(degree);
            for (boolean correlated : new boolean[] {false, true}) {
                ObsFitResult direct = ObsFit.fit(data, aSquared, expected, correlated);
                List<String> options = new ArrayList<>(List.of("--columns", "m_a60,m_a80,m_a100,m_a120,m_a140", "--x",
                        list(aSquared), "--model", model, "--json"));
                if (correlated) options.add("--correlated");
                JsonNode root = json(options.toArray(new String[0]));
                assertSameFit(direct, data, aSquared, GammaMethod.DEFAULT_S, root);
                assertEquals(expected.name(), root.get("model_name").asText());
            }
        }
    }

    @Test
    void defaultXCountsFromZeroAndGuessIsPassedOn() throws Exception {
        writeReplicas(900);
        List<Obs> data = observables(replicas, range(2, 13), 0);
        double[] t = new double[12];
        Arrays.setAll(t, i -> i);
        assertSameFit(ObsFit.fit(data, t, new Cosh(24), false), data, t, GammaMethod.DEFAULT_S,
                json("--columns", "2-13", "--model", "cosh:24", "--json"));

        FitOptions guess = FitOptions.defaults().withInitialGuess(1.2, 0.5, 0.3, 1.1);
        ObsFitResult direct = ObsFit.fit(data, t, new TwoExponentials(), true, guess);
        assertSameFit(direct, data, t, GammaMethod.DEFAULT_S,
                json("--columns", "2-13", "--model", "exp2", "--guess", "1.2, 0.5, 0.3, 1.1", "--correlated", "--json"));
    }

    @Test
    void zeroDegreesOfFreedomLeaveChiSquarePerDofUndefined() throws Exception {
        writeReplicas(500);
        List<Obs> data = observables(replicas, new int[] {5, 7}, 0);
        double[] t = {3, 5};
        JsonNode root = json("--columns", "5,7", "--x", "3,5", "--model", "exp", "--json");
        assertSameFit(ObsFit.fit(data, t, new Exponential(), false), data, t, GammaMethod.DEFAULT_S, root);
        assertEquals(0, root.get("dof").intValue());
        String out = ok(args("--columns", "5,7", "--x", "3,5", "--model", "exp")).out();
        assertTrue(out.contains("dof = 0, chi2/dof = undefined, p-value = undefined"), out);
    }

    @Test
    void listedInTheHelp() {
        assertTrue(ok("--help").out().contains("fit"));
        String help = ok("fit", "--help").out();
        for (String option : List.of("--columns", "--model", "--x", "--correlated", "--skip", "--s", "--guess",
                "--plot", "--csv", "--json", "FILE", "cosh:T", "poly:D", "exp2")) {
            assertTrue(help.contains(option), option + " not in: " + help);
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(field == null ? n.asText() : n.get(field).asText()));
        return list;
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split("\\s{2,}"));
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
