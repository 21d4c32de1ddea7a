package org.latticespark.analysis.io;

/**
 * One column read from one file.
 *
 * @param column 1-based column number in the file
 * @param name   the column's name from the header line; null when the file has no header or the header has no
 *               name for this column
 * @param values the values in file order, after dropping the skipped ones; all finite. Not copied.
 */
public record Series(int column, String name, double[] values) {
    /** The header name, or {@code column N} without one. */
    public String label() {
        return name != null ? name : "column " + column;
    }
}
