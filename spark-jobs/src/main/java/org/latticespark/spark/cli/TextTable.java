package org.latticespark.spark.cli;

import java.util.List;

/** Plain-text tables for people: columns two blanks apart, the first left-aligned, the others right-aligned. */
final class TextTable {
    private TextTable() {}

    /** One line per row, each ending in a newline, no trailing blanks; every row has as many cells as the first. */
    static String align(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] l : rows) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] l : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                if (i > 0) line.append("  ");
                String fill = " ".repeat(width[i] - l[i].length());
                line.append(i == 0 ? l[i] + fill : fill + l[i]);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** A CSV field: quoted (RFC 4180) only when it holds a comma, quote or newline. */
    static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
