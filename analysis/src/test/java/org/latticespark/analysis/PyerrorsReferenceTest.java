package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Same numbers as pyerrors. The reference values in {@code pyerrors/expected.csv} were computed with numpy by a
 * line-by-line transcription of pyerrors' {@code Obs.gamma_method}, {@code derived_observable} (exact gradient,
 * as its autograd gives) and {@code covariance} (fjosw/pyerrors, obs.py; pyerrors itself cannot be installed
 * here), on the data in {@code pyerrors/data.csv}: three replicas of lengths 500, 300 and 420 of two correlated
 * AR(1) observables x and y, and log(x/y). The covariance matrix is compared on replica 0 alone: with several
 * replicas our normalisation differs from pyerrors' on purpose (see {@link Obs#covariance}). The FFT there and our
 * direct sums differ only by rounding.
 */
class PyerrorsReferenceTest {
    private static final double RELATIVE = 1e-11;

    @Test
    void gammaMethodDerivedObservableAndCovarianceMatchPyerrors() throws IOException {
        Map<Integer, List<double[]>> rows = new TreeMap<>();
        for (String line : lines("pyerrors/data.csv")) {
            String[] f = line.split(",");
            rows.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        double[][] x = new double[rows.size()][];
        double[][] y = new double[rows.size()][];
        for (Map.Entry<Integer, List<double[]>> e : rows.entrySet()) {
            List<double[]> r = e.getValue();
            x[e.getKey()] = r.stream().mapToDouble(v -> v[0]).toArray();
            y[e.getKey()] = r.stream().mapToDouble(v -> v[1]).toArray();
        }
        Obs ox = Obs.primary("ens", x);
        Obs oy = Obs.primary("ens", y);
        Map<String, Obs> obs = Map.of("x", ox, "y", oy, "log_x_over_y", ox.dividedBy(oy).log());
        int covRow = 0;
        Obs x0 = Obs.primary("ens", new double[][] {x[0]});
        Obs y0 = Obs.primary("ens", new double[][] {y[0]});
        double[][] cov = Obs.covariance(List.of(x0, y0, x0.dividedBy(y0).log()), 2.0);
        int checked = 0;
        for (String line : lines("pyerrors/expected.csv")) {
            String[] f = line.split(",");
            if (f[0].equals("cov_replica0")) {
                for (int j = 0; j < 3; j++) {
                    close(Double.parseDouble(f[j + 1]), cov[covRow][j], "cov[" + covRow + "][" + j + "]");
                }
                covRow++;
                checked++;
                continue;
            }
            double s = Double.parseDouble(f[1]);
            ObsResult r = obs.get(f[0]).analyze(s);
            GammaResult g = r.on("ens");
            String what = f[0] + " S=" + s;
            close(Double.parseDouble(f[2]), r.value(), what + " value");
            close(Double.parseDouble(f[3]), r.error(), what + " dvalue");
            close(Double.parseDouble(f[4]), r.errorOfError(), what + " ddvalue");
            close(Double.parseDouble(f[5]), g.tauInt(), what + " tauint");
            close(Double.parseDouble(f[6]), g.tauIntError(), what + " dtauint");
            assertEquals(Integer.parseInt(f[7]), g.window(), what + " window");
            checked++;
        }
        assertEquals(9, checked);
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PyerrorsReferenceTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line);
                }
            }
        }
        return out;
    }
}
