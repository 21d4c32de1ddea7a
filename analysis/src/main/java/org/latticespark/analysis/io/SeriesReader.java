package org.latticespark.analysis.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads columns of numbers from a plain-text measurement file, as other codes write them: one value per line,
 * or several columns separated by blanks/tabs, commas or semicolons (see {@link Delimiter}; one kind per file).
 *
 * <h2>Format</h2>
 * <ul>
 *   <li>Blank lines, and lines whose first non-blank characters are {@code #}, {@code %} or {@code //}, are
 *       skipped. A leading UTF-8 byte order mark is ignored. The file must be UTF-8 (ASCII is).</li>
 *   <li>Header: the first other line is taken as a header of column names when none of its fields is a
 *       number; otherwise it is the first data line. Columns can be selected by name only when there is a
 *       header. A first line with names and numbers whose next line has a number where it had a name (a header
 *       with numeric names such as {@code conf 0 1 2}, or a corrupt first data line) is refused rather than
 *       guessed.</li>
 *   <li>Every later line is a data line with at least as many fields as the highest selected column; extra
 *       fields, and fields not selected, are not read. Selected fields must be numbers as {@link NumberField}
 *       accepts them (e.g. {@code -0.2}, {@code 1.5e-3}, {@code 1.5D-03}).</li>
 *   <li>{@code skip} drops the first {@code skip} data lines (thermalisation). Selected values of the kept lines
 *       must be finite: NaN and infinities ({@code nan}, {@code inf}, overflowing {@code 1e400}) are refused,
 *       because the Γ-method cannot use them; in dropped lines they are allowed.</li>
 * </ul>
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message starts with the file, and with the line
 * number ({@code file:line:}) when one line is at fault: a missing or unreadable file, a non-numeric or
 * non-finite field, a line with too few columns, an unknown or ambiguous column name, a column selected twice,
 * and no values left after skipping.
 */
public final class SeriesReader {
    private SeriesReader() {
    }

    /** One column; see {@link #read(Path, List, int)}. */
    public static Series read(Path file, Column column, int skip) {
        return read(file, List.of(column), skip).get(0);
    }

    /**
     * Several columns of the same lines, in the order of {@code columns}.
     *
     * @param skip number of leading data lines to drop, &gt;= 0
     * @return one {@link Series} per column, all of the same length &gt;= 1
     */
    public static List<Series> read(Path file, List<Column> columns, int skip) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException(file + ": no columns selected");
        }
        for (Column c : columns) {
            if (c == null) {
                throw new IllegalArgumentException(file + ": a selected column is null");
            }
        }
        if (skip < 0) {
            throw new IllegalArgumentException(file + ": skip must be >= 0, got " + skip);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, not a file");
        }
        Parse parse = new Parse(file, columns, skip);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                parse.line(line);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse.result();
    }

    /** The state of reading one file. */
    private static final class Parse {
        private final Path file;
        private final List<Column> columns;
        private final int skip;
        private final DoubleList[] values;
        private int lineNumber;
        private Delimiter delimiter;
        private String[] header;
        private String[] firstData;
        private int firstDataLine;
        private int[] indices;
        private long dataLines;

        Parse(Path file, List<Column> columns, int skip) {
            this.file = file;
            this.columns = columns;
            this.skip = skip;
            this.values = new DoubleList[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = new DoubleList();
            }
        }

        void line(String line) {
            lineNumber++;
            String text = (lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("%") || text.startsWith("//")) {
                return;
            }
            if (delimiter == null) {
                delimiter = Delimiter.of(text);
                String[] fields = delimiter.split(text);
                if (isHeader(fields)) {
                    header = fields;
                    indices = resolve();
                    return;
                }
                indices = resolve();
                firstData = fields;
                firstDataLine = lineNumber;
            }
            String[] fields = delimiter.split(text);
            if (dataLines == 1 && header == null) {
                refuseAmbiguousFirstLine(fields);
            }
            data(fields);
        }

        /**
         * A first line with names and numbers ({@code conf 0 1 2 3}, time slices as column names) followed by a line
         * with a number where it had a name is either a header with numeric names or a corrupt first data line;
         * reading it as data would silently add a wrong sample, so it is refused.
         */
        private void refuseAmbiguousFirstLine(String[] second) {
            for (int i = 0; i < Math.min(firstData.length, second.length); i++) {
                if (!NumberField.isNumber(firstData[i]) && NumberField.isNumber(second[i])) {
                    throw new IllegalArgumentException(file + ":" + firstDataLine + ": the first line mixes names and "
                            + "numbers (column " + (i + 1) + " is '" + firstData[i] + "', the next line has a number "
                            + "there): if it is a header, comment it out with # (then select columns by number) or give "
                            + "every column a name that is not a number; if it is data, fix column " + (i + 1));
                }
            }
        }

        private static boolean isHeader(String[] fields) {
            for (String f : fields) {
                if (NumberField.isNumber(f)) {
                    return false;
                }
            }
            return true;
        }

        private int[] resolve() {
            int[] result = new int[columns.size()];
            for (int c = 0; c < result.length; c++) {
                result[c] = index(columns.get(c));
                for (int d = 0; d < c; d++) {
                    if (result[d] == result[c]) {
                        throw new IllegalArgumentException(file + ": column " + (result[c] + 1) + " is selected twice (as "
                                + columns.get(d) + " and " + columns.get(c) + ")");
                    }
                }
            }
            return result;
        }

        private int index(Column column) {
            if (!column.isNamed()) {
                return column.number() - 1;
            }
            if (header == null) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": " + column + " is selected by name, but "
                        + "the file has no header line (line " + lineNumber + " is data); select it by number");
            }
            int found = -1;
            for (int i = 0; i < header.length; i++) {
                if (header[i].equals(column.name())) {
                    if (found >= 0) {
                        throw new IllegalArgumentException(file + ":" + lineNumber + ": the header names columns "
                                + (found + 1) + " and " + (i + 1) + " '" + column.name() + "'; select one by number");
                    }
                    found = i;
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": no column named '" + column.name()
                        + "' in the header; it has " + String.join(", ", quoted(header)));
            }
            return found;
        }

        private static List<String> quoted(String[] names) {
            List<String> q = new ArrayList<>();
            for (String n : names) {
                q.add("'" + n + "'");
            }
            return q;
        }

        private void data(String[] fields) {
            dataLines++;
            boolean kept = dataLines > skip;
            for (int c = 0; c < indices.length; c++) {
                int i = indices[c];
                if (i >= fields.length) {
                    throw new IllegalArgumentException(at(i) + "the line has only " + fields.length + " column(s)");
                }
                double v;
                try {
                    v = NumberField.parse(fields[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(at(i) + (fields[i].isEmpty() ? "empty field, expected a number"
                            : "'" + fields[i] + "' is not a number"), e);
                }
                if (kept && !Double.isFinite(v)) {
                    throw new IllegalArgumentException(at(i) + "value '" + fields[i] + "' is not finite (" + v
                            + "); the Γ-method needs finite numbers");
                }
                if (kept && !values[c].add(v)) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": too many values for one array");
                }
            }
        }

        private String at(int index) {
            String name = name(index);
            return file + ":" + lineNumber + ": column " + (index + 1) + (name == null ? "" : " ('" + name + "')") + ": ";
        }

        private String name(int index) {
            return header != null && index < header.length && !header[index].isEmpty() ? header[index] : null;
        }

        List<Series> result() {
            if (dataLines == 0) {
                throw new IllegalArgumentException(file + ": no data lines" + (header == null ? "" : " after the header"));
            }
            if (dataLines <= skip) {
                throw new IllegalArgumentException(file + ": " + dataLines + " data line(s), skipping " + skip
                        + " leaves no values");
            }
            List<Series> result = new ArrayList<>();
            for (int c = 0; c < indices.length; c++) {
                result.add(new Series(indices[c] + 1, name(indices[c]), values[c].toArray()));
            }
            return result;
        }
    }
}
