package org.latticespark.analysis.io;

import java.util.regex.Pattern;

/**
 * How the fields of a line are separated. A file uses one kind throughout, chosen from its first non-comment
 * line: a semicolon if it has one (so that {@code 1,5;2,5} is not split at the decimal commas), else a
 * comma, else runs of blanks and tabs. Semicolon and comma fields may be empty ({@code 1,,3} has three fields)
 * and are stripped of surrounding blanks; every field loses one pair of surrounding double quotes.
 */
enum Delimiter {
    SEMICOLON(";"), COMMA(","), WHITESPACE(null);

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private final String separator;

    Delimiter(String separator) {
        this.separator = separator;
    }

    static Delimiter of(String line) {
        if (line.indexOf(';') >= 0) {
            return SEMICOLON;
        }
        return line.indexOf(',') >= 0 ? COMMA : WHITESPACE;
    }

    /** Fields of a line that has no leading or trailing blanks. */
    String[] split(String stripped) {
        String[] fields = separator == null ? BLANKS.split(stripped) : stripped.split(Pattern.quote(separator), -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = unquote(fields[i].strip());
        }
        return fields;
    }

    private static String unquote(String f) {
        return f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"") ? f.substring(1, f.length() - 1).strip() : f;
    }
}
