package org.latticespark.spark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.latticespark.analysis.io.Column;
import org.latticespark.analysis.io.Series;
import org.latticespark.analysis.io.SeriesReader;
import org.latticespark.spark.InvalidInputException;

/**
 * The FILE arguments of the plain-text commands ({@code errors}, {@code fit}): each FILE one replica of one
 * ensemble, read with {@link SeriesReader}. Problems become {@link InvalidInputException}s naming the file.
 */
final class MeasurementFiles {
    private MeasurementFiles() {}

    /** One selected column over all files: replica r is the column of the r-th FILE. */
    record Replicas(String label, double[][] values) {}

    /** The options every such command has: --skip, --s, and no FILE twice. */
    static void checkOptions(List<Path> files, int skip, double s) {
        if (skip < 0) throw new InvalidInputException("--skip " + skip + ": must be >= 0");
        if (!(s > 0) || Double.isInfinite(s)) throw new InvalidInputException("--s " + s + ": S must be finite and > 0");
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (!seen.add(f.toAbsolutePath().normalize())) {
                throw new InvalidInputException(f + ": given twice; each FILE must be a different replica");
            }
        }
    }

    /** {@code read.get(r).get(c)}: column c of file r. */
    static List<List<Series>> read(List<Path> files, List<Column> columns, int skip) {
        List<List<Series>> read = new ArrayList<>();
        for (Path f : files) {
            try {
                read.add(SeriesReader.read(f, columns, skip));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
        }
        return read;
    }

    /**
     * The c-th selected column of every file, labelled by its header name, which must then be the same in
     * every file that has one, else {@code column N}.
     */
    static Replicas replicas(Column column, List<Path> files, List<List<Series>> read, int c) {
        double[][] values = new double[files.size()][];
        String name = null;
        Path named = null;
        for (int r = 0; r < values.length; r++) {
            Series series = read.get(r).get(c);
            values[r] = series.values();
            if (series.name() == null) continue;
            if (name != null && !name.equals(series.name())) {
                throw new InvalidInputException(column + " is named '" + name + "' in " + named + " but '"
                        + series.name() + "' in " + files.get(r) + "; are these replicas of the same observable?");
            }
            if (name == null) {
                name = series.name();
                named = files.get(r);
            }
        }
        return new Replicas(name != null ? name : read.get(0).get(c).label(), values);
    }

    /** Where a per-observable problem lies: {@code " in FILE"}, or which replica is which FILE. */
    static String where(List<Path> files) {
        if (files.size() == 1) return " in " + files.get(0);
        List<String> names = files.stream().map(Path::toString).toList();
        return " (replica r is the r-th FILE, from 0: " + String.join(", ", names) + ")";
    }
}
