package org.latticespark.analysis.plot;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames VectorGraphics2D's element ids ("clip" + the clip shape's hashCode, which may be an identity hash)
 * to "clip1", "clip2", ... in order of first appearance, so that equal charts give equal SVG text.
 */
final class SvgIds {
    private static final Pattern REFERENCE = Pattern.compile("(id=\"|url\\(#|href=\"#)([A-Za-z]+)(-?\\d+)");

    private SvgIds() {
    }

    static String renumber(String svg) {
        Map<String, String> renamed = new HashMap<>();
        Matcher m = REFERENCE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (m.find()) {
            String id = m.group(2) + m.group(3);
            String name = renamed.computeIfAbsent(id, k -> m.group(2) + (renamed.size() + 1));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + name));
        }
        m.appendTail(out);
        return out.toString();
    }
}
