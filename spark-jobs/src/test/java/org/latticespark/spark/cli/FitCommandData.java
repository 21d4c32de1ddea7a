package org.latticespark.spark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.latticespark.analysis.Obs;

/**
 * Synthetic correlator files for {@code latticespark fit}: column 1 the configuration number, column 2 + t the
 * correlator C(t) = A (exp(-E t) + exp(-E (T - t))) for t = 0..T-1 plus Gaussian noise of relative size
 * {@code noise}, correlated between time slices (coefficient {@code rhoT}^|t - t'|) and AR(1) in Monte Carlo
 * time with coefficient {@code phi}; header {@code cfg C0 C1 ...}.
 */
final class FitCommandData {
    private FitCommandData() {}

    record Correlator(double amplitude, double energy, int period, double noise, double rhoT, double phi) {
        double exact(int t) {
            return amplitude * (Math.exp(-energy * t) + Math.exp(-energy * (period - t)));
        }
    }

    /** {@code [1 + T][configurations]}: the configuration numbers, then C(t) for t = 0..T-1. */
    static double[][] columns(Correlator c, int configurations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = c.period();
        double[][] columns = new double[n + 1][configurations];
        double[] state = correlatedInT(c, random);
        double innovation = Math.sqrt(1 - c.phi() * c.phi());
        for (int i = 0; i < configurations; i++) {
            if (i > 0) {
                double[] kick = correlatedInT(c, random);
                for (int t = 0; t < n; t++) state[t] = c.phi() * state[t] + innovation * kick[t];
            }
            columns[0][i] = i;
            for (int t = 0; t < n; t++) columns[t + 1][i] = c.exact(t) * (1 + c.noise() * state[t]);
        }
        return columns;
    }

    /** Unit-variance Gaussians with correlation rhoT^|t - t'|. */
    private static double[] correlatedInT(Correlator c, SplittableRandom random) {
        double[] z = new double[c.period()];
        double innovation = Math.sqrt(1 - c.rhoT() * c.rhoT());
        z[0] = random.nextGaussian();
        for (int t = 1; t < z.length; t++) z[t] = c.rhoT() * z[t - 1] + innovation * random.nextGaussian();
        return z;
    }

    static String header(int period) {
        StringBuilder h = new StringBuilder("cfg");
        for (int t = 0; t < period; t++) h.append(" C").append(t);
        return h.toString();
    }

    static Path write(Path file, double[][] columns) throws IOException {
        return CliRun.write(file, header(columns.length - 1), " ", columns);
    }

    /**
     * What the command should fit, built directly: for each file column number {@code c} (from 1) the primary
     * observable on ensemble "files" whose replica r is that column of {@code replicas[r]} without its first
     * {@code skip} values.
     */
    static List<Obs> observables(double[][][] replicas, int[] fileColumns, int skip) {
        List<Obs> obs = new ArrayList<>();
        for (int c : fileColumns) {
            double[][] values = new double[replicas.length][];
            for (int r = 0; r < replicas.length; r++) {
                double[] column = replicas[r][c - 1];
                values[r] = Arrays.copyOfRange(column, skip, column.length);
            }
            obs.add(Obs.primary(FitCommand.ENSEMBLE, values));
        }
        return obs;
    }

    /** from, from + 1, ..., to. */
    static int[] range(int from, int to) {
        int[] r = new int[to - from + 1];
        Arrays.setAll(r, i -> from + i);
        return r;
    }

    /** The numbers comma-separated, as options take them. */
    static String list(double... values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) sb.append(sb.length() == 0 ? "" : ",").append(v);
        return sb.toString();
    }
}
