package org.latticespark.analysis.io;

import java.util.Objects;

/**
 * Which column of a measurement file to read: a 1-based column number, or a name from the file's
 * header line.
 */
public final class Column {
    private final int number;
    private final String name;

    private Column(int number, String name) {
        this.number = number;
        this.name = name;
    }

    /** The column with the given 1-based number. */
    public static Column number(int oneBased) {
        if (oneBased < 1) {
            throw new IllegalArgumentException("column numbers start at 1, got " + oneBased);
        }
        return new Column(oneBased, null);
    }

    /** The column whose header name is exactly {@code name} (after trimming the header field). */
    public static Column named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
        return new Column(0, name.strip());
    }

    /**
     * A column as typed by a user: an integer ({@code 3}, {@code +3}) is a 1-based number, anything else a
     * header name. A header name that looks like an integer can therefore not be selected by name.
     */
    public static Column parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("column must be a number (from 1) or a header name, got an empty string");
        }
        String t = text.strip();
        if (t.matches("[+-]?[0-9]+")) {
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column number " + t + " is too large", e);
            }
            return number(n);
        }
        return named(t);
    }

    public boolean isNamed() {
        return name != null;
    }

    /** The 1-based number; 0 for a column selected by name. */
    public int number() {
        return number;
    }

    /** The header name; null for a column selected by number. */
    public String name() {
        return name;
    }

    /** {@code column 3} or {@code column 'plaq'}, for messages. */
    @Override
    public String toString() {
        return isNamed() ? "column '" + name + "'" : "column " + number;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && c.number == number && Objects.equals(c.name, name);
    }

    @Override
    public int hashCode() {
        return 31 * number + Objects.hashCode(name);
    }
}
