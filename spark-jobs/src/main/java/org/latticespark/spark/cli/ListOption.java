package org.latticespark.spark.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latticespark.analysis.io.Column;
import org.latticespark.spark.InvalidInputException;

/** Comma-separated option values: column lists with ranges, and lists of numbers. */
final class ListOption {
    private static final Pattern RANGE = Pattern.compile("\\+?([0-9]+)\\s*-\\s*\\+?([0-9]+)");
    /** Far more data points than any fit can use; guards against a typo like 1-100000000. */
    static final int MAX_COLUMNS = 10_000;

    private ListOption() {}

    /**
     * {@code 2-17}, {@code 2,4,6}, {@code C0,C1} or a mix: numbers from 1 or header names ({@link Column#parse}),
     * and ranges {@code a-b} of numbers, a &lt;= b, both ends included. No column may be given twice; at most
     * {@value #MAX_COLUMNS} columns.
     */
    static List<Column> columns(String option, String spec) {
        Set<Column> result = new LinkedHashSet<>();
        for (String item : items(option, spec)) {
            Matcher range = RANGE.matcher(item);
            if (range.matches()) {
                int from = number(option, spec, range.group(1));
                int to = number(option, spec, range.group(2));
                if (from > to) {
                    throw new InvalidInputException(option + " '" + spec + "': range " + item + " goes down; write "
                            + to + "-" + from);
                }
                if (to - from >= MAX_COLUMNS) {
                    throw new InvalidInputException(option + " '" + spec + "': range " + item + " has more than "
                            + MAX_COLUMNS + " columns");
                }
                for (int n = from; n <= to; n++) add(option, spec, result, column(option, spec, Integer.toString(n)));
            } else {
                add(option, spec, result, column(option, spec, item));
            }
        }
        return List.copyOf(result);
    }

    /** Finite numbers. */
    static double[] numbers(String option, String spec) {
        List<String> items = items(option, spec);
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Double.parseDouble(items.get(i));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(option + " '" + spec + "': '" + items.get(i) + "' is not a number", e);
            }
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(option + " '" + spec + "': '" + items.get(i) + "' is not finite");
            }
        }
        return values;
    }

    private static List<String> items(String option, String spec) {
        List<String> items = new ArrayList<>();
        for (String item : spec.split(",", -1)) {
            if (item.isBlank()) {
                throw new InvalidInputException(option + " '" + spec + "': empty entry; separate entries by single commas");
            }
            items.add(item.strip());
        }
        return items;
    }

    private static int number(String option, String spec, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option + " '" + spec + "': column number " + digits + " is too large", e);
        }
    }

    private static Column column(String option, String spec, String item) {
        try {
            return Column.parse(item);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + " '" + spec + "': " + e.getMessage(), e);
        }
    }

    private static void add(String option, String spec, Set<Column> result, Column column) {
        if (!result.add(column)) {
            throw new InvalidInputException(option + " '" + spec + "': " + column + " is given twice");
        }
        if (result.size() > MAX_COLUMNS) {
            throw new InvalidInputException(option + " '" + spec + "': more than " + MAX_COLUMNS + " columns");
        }
    }
}
