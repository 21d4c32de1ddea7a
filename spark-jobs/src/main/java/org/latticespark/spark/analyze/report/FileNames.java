package org.latticespark.spark.analyze.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns names into file and anchor names that are safe everywhere: only {@code A-Z a-z 0-9 _ . -},
 * no leading dot, and unique within one instance even on case-insensitive file systems (a clash
 * gets {@code -2}, {@code -3}, ...). Names are handed out in call order, so the same sequence of
 * names always gives the same file names.
 */
final class FileNames {
    private final Set<String> used = new HashSet<>();

    String unique(String name) {
        String base = safe(name);
        String candidate = base;
        for (int k = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); k++) candidate = base + "-" + k;
        return candidate;
    }

    static String safe(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean ok = ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9'
                    || ch == '_' || ch == '-' || ch == '.' && i > 0;
            sb.append(ok ? ch : '_');
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }
}
