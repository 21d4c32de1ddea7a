package org.latticespark.spark.io;

import java.util.Collection;
import java.util.Map;

/**
 * A small canonical JSON writer: maps keep their iteration order (use LinkedHashMap), doubles are
 * written in Java's shortest round-trip form, non-finite numbers as null. Enough for run.json,
 * summary.json and the parameters column; parsing goes through Typesafe Config's JSON syntax.
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, -1, 0);
        return sb.toString();
    }

    /** Indented with two spaces, for files people read. */
    public static String pretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 2, 0);
        return sb.append('\n').toString();
    }

    private static void write(Object v, StringBuilder sb, int indent, int level) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(s, sb);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                newline(sb, indent, level + 1);
                quote(String.valueOf(e.getKey()), sb);
                sb.append(indent >= 0 ? ": " : ":");
                write(e.getValue(), sb, indent, level + 1);
            }
            if (!m.isEmpty()) newline(sb, indent, level);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            writeArray(c.toArray(), sb, indent, level);
        } else if (v instanceof int[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            writeArray(boxed, sb, -1, level);
        } else if (v instanceof double[] a) {
            Object[] boxed = new Object[a.length];
            for (int i = 0; i < a.length; i++) boxed[i] = a[i];
            writeArray(boxed, sb, -1, level);
        } else if (v instanceof Object[] a) {
            writeArray(a, sb, indent, level);
        } else {
            quote(v.toString(), sb);
        }
    }

    private static void writeArray(Object[] a, StringBuilder sb, int indent, int level) {
        boolean scalars = true;
        for (Object o : a) scalars &= !(o instanceof Map || o instanceof Collection || o instanceof Object[]);
        int inner = scalars ? -1 : indent;
        sb.append('[');
        for (int i = 0; i < a.length; i++) {
            if (i > 0) sb.append(inner >= 0 ? "," : (indent >= 0 ? ", " : ","));
            newline(sb, inner, level + 1);
            write(a[i], sb, indent, level + 1);
        }
        if (a.length > 0) newline(sb, inner, level);
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent < 0) return;
        sb.append('\n');
        sb.append(" ".repeat(indent * level));
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
