package org.latticespark.spark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latticespark.analysis.fit.FitCurve;
import org.latticespark.analysis.fit.FitModel;
import org.latticespark.analysis.fit.ObsFitResult;
import org.latticespark.analysis.plot.Plot;
import org.latticespark.analysis.plot.Plots;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.analyze.report.ValueError;

/**
 * The {@code --plot PATH} files of {@code latticespark fit}: PATH.{png,svg}, data with the fitted curve and its
 * ±1σ band ({@link FitCurve}) over the fit range, and for correlator models PATH-log.{png,svg}, the data on a log
 * scale. All are rendered before any is written, and each is written to a temporary file in its folder and then
 * renamed, so a failure leaves no partial plot behind.
 */
final class FitPlotFiles {
    /** Longer titles would not fit the 800 px wide plot; they leave out the parameters. */
    private static final int MAX_TITLE = 80;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FitPlotFiles() {}

    /** PATH without a .png or .svg extension, checked not to be a folder. */
    static Path base(Path given) {
        String name = given.getFileName() == null ? "" : given.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png") || lower.endsWith(".svg")) name = name.substring(0, name.length() - 4);
        if (name.isEmpty() || name.equals(".") || name.equals("..") || Files.isDirectory(given)) {
            throw new InvalidInputException("--plot " + given + ": give a file name without extension, e.g. out/fit; "
                    + "PATH.png and PATH.svg are written");
        }
        return given.resolveSibling(name);
    }

    /** The files' contents, by path; the log plot is left out when no data point is &gt; 0. */
    static Map<Path, byte[]> render(Path base, FitReport report) {
        List<FitReport.DataPoint> data = report.data();
        int n = data.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = data.get(i).x();
            y[i] = data.get(i).gamma().value();
            dy[i] = data.get(i).gamma().error();
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            xMin = Math.min(xMin, v);
            xMax = Math.max(xMax, v);
        }
        if (xMin == xMax) {
            xMin -= 0.5;
            xMax += 0.5;
        }
        ObsFitResult fit = report.fit();
        FitModel model = fit.model();
        double[] p = fit.centralFit().parameters();
        String xLabel = report.model().decaying() ? "t" : "x";
        String yLabel = report.model().decaying() ? "C(t)" : "y";
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try {
            Plot curve = Plots.fit(title(report), xLabel, yLabel, x, y, dy, t -> model.value(t, p),
                    t -> fit.curve(new double[] {t}).error()[0], xMin, xMax);
            put(files, base, curve);
            boolean positive = false;
            for (double v : y) positive |= v > 0;
            if (report.model().decaying() && positive) {
                Plot log = Plots.logData(report.model().text() + ": data", xLabel, yLabel, x, y, dy);
                put(files, base.resolveSibling(base.getFileName() + "-log"), log);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--plot " + base + ": cannot draw the fit: " + e.getMessage(), e);
        }
        return files;
    }

    private static String title(FitReport report) {
        ObsFitResult fit = report.fit();
        String head = report.model().text() + (fit.centralFit().correlated() ? " correlated:" : " uncorrelated:");
        StringBuilder parameters = new StringBuilder();
        double[] errors = fit.errors();
        for (int a = 0; a < errors.length; a++) {
            parameters.append(' ').append(fit.model().parameterNames().get(a)).append(" = ")
                    .append(ValueError.format(fit.parameter(a).value(), errors[a])).append(',');
        }
        double perDof = fit.centralFit().chiSquarePerDof();
        String chi = Double.isFinite(perDof) ? String.format(Locale.ROOT, " χ²/dof = %.3g", perDof) : " dof = 0";
        String full = head + parameters + chi;
        return full.length() <= MAX_TITLE ? full : head + chi;
    }

    private static void put(Map<Path, byte[]> files, Path base, Plot plot) {
        files.put(base.resolveSibling(base.getFileName() + ".png"), plot.png());
        files.put(base.resolveSibling(base.getFileName() + ".svg"), plot.svg());
    }

    /** Writes every file (temporary name, then rename) and returns their paths; base for messages. */
    static List<Path> write(Path base, Map<Path, byte[]> files) {
        Map<Path, Path> temporary = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                Path target = f.getKey();
                Path folder = target.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                Path tmp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
                temporary.put(tmp, target);
                Files.write(tmp, f.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            for (Map.Entry<Path, Path> t : temporary.entrySet()) move(t.getKey(), t.getValue());
        } catch (IOException e) {
            for (Path tmp : temporary.keySet()) deleteQuietly(tmp);
            if (e instanceof FileSystemException) {
                throw new InvalidInputException("--plot " + base + ": cannot write the plots (" + e.getMessage() + ")", e);
            }
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(files.keySet());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the temporary file has a hidden name and is harmless
        }
    }
}
