package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latticespark.analysis.Ar1;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;

/**
 * Renders a demo set from AR(1) data into {@code <build dir>/plot-demo/} for looking at by eye; checks only
 * that every file is written.
 */
class PlotDemoTest {
    @Test
    void rendersDemoSet() throws IOException, URISyntaxException {
        Path dir = buildDirectory().resolve("plot-demo");
        double phi = 0.8;
        double[][] replicas = {
            Ar1.series(phi, 1500, 1), Ar1.series(phi, 1200, 2), Ar1.series(phi, 2000, 3),
        };
        double[] thermalising = replicas[0].clone();
        for (int i = 0; i < thermalising.length; i++) {
            thermalising[i] += 6 * Math.exp(-i / 80.0);
        }
        GammaResult g = GammaMethod.analyze(replicas);

        write(dir, "history", Plots.history("Plaquette, 3 replicas", "⟨P⟩", new double[][] {
            thermalising, replicas[1], replicas[2]}));
        write(dir, "history-single-long", Plots.history("One long chain (decimated)", "x",
                new double[][] {Ar1.series(0.99, 50_000, 4)}));
        long[][] configurations = new long[2][400];
        for (int i = 0; i < 400; i++) {
            configurations[0][i] = 10_000 + 10L * i;
            configurations[1][i] = 12_000 + 10L * i;
        }
        write(dir, "history-indices", Plots.history("Topological charge, configurations every 10", "Q",
                new double[][] {Ar1.series(0.95, 400, 12), Ar1.series(0.95, 400, 13)}, configurations));
        write(dir, "rho", Plots.autocorrelation("Autocorrelation, AR(1) φ = 0.8", g));
        write(dir, "tauint", Plots.tauInt("Integrated autocorrelation time, AR(1) φ = 0.8", g));
        write(dir, "histogram", Plots.histogram("Distribution of samples", "x", concat(replicas), 0));

        GammaResult constant = GammaMethod.analyze(new double[][] {{2, 2, 2, 2, 2, 2}});
        write(dir, "rho-constant", Plots.autocorrelation("Constant series", constant));
        write(dir, "tauint-constant", Plots.tauInt("Constant series", constant));

        write(dir, "fit", exponentialFit());
        write(dir, "binning", binning(replicas[2], GammaMethod.analyze(new double[][] {replicas[2]})));
        write(dir, "log-correlator", correlator());
    }

    private static Plot exponentialFit() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 16;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] dy = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t;
            dy[t] = 0.02 + 0.05 * Math.exp(-0.3 * t);
            y[t] = 2 * Math.exp(-0.3 * t) + dy[t] * random.nextGaussian();
        }
        return Plots.fit("Effective mass fit", "t / a", "C(t)", x, y, dy, t -> 2 * Math.exp(-0.3 * t),
                t -> 0.06 * Math.exp(-0.3 * t) * (1 + 0.3 * t), -0.5, 15.5);
    }

    private static Plot binning(double[] series, GammaResult g) {
        int[] sizes = {1, 2, 4, 8, 16, 32, 64, 128};
        double[] errors = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            int bins = series.length / sizes[s];
            double[] means = new double[bins];
            double mean = 0;
            for (int b = 0; b < bins; b++) {
                for (int i = 0; i < sizes[s]; i++) {
                    means[b] += series[b * sizes[s] + i] / sizes[s];
                }
                mean += means[b] / bins;
            }
            double sum = 0;
            for (double m : means) {
                sum += (m - mean) * (m - mean);
            }
            errors[s] = Math.sqrt(sum / (bins - 1) / bins);
        }
        return Plots.binning("Binning analysis", sizes, errors, g.error(), g.errorOfError());
    }

    private static Plot correlator() {
        SplittableRandom random = new SplittableRandom(6);
        int n = 48;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] dy = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t;
            double exact = Math.cosh(0.3 * (t - n / 2.0)) / Math.cosh(0.3 * n / 2.0);
            dy[t] = 0.03 * exact + 1.5e-3;
            y[t] = exact + dy[t] * random.nextGaussian();
        }
        return Plots.logData("Pion correlator", "t / a", "C(t)", x, y, dy);
    }

    private static double[] concat(double[][] replicas) {
        int n = 0;
        for (double[] r : replicas) {
            n += r.length;
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] r : replicas) {
            System.arraycopy(r, 0, all, k, r.length);
            k += r.length;
        }
        return all;
    }

    private static void write(Path dir, String name, Plot plot) throws IOException {
        plot.write(dir.resolve(name));
        assertTrue(Files.size(dir.resolve(name + ".png")) > 0, name + ".png");
        assertTrue(Files.size(dir.resolve(name + ".svg")) > 0, name + ".svg");
    }

    /** The build output folder (whatever -DbuildDirName says): the parent of test-classes. */
    static Path buildDirectory() throws URISyntaxException {
        return Path.of(PlotDemoTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
