package dev.parapet.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start and end tags of an HTML page, with their attributes, read by one forward pass over at most
 * {@code maxChars} characters (no regular expression, linear time): comments are skipped, attribute values may be
 * double-, single- or un-quoted, names are lower-cased, entities {@code &amp;} and {@code &quot;} in values are
 * decoded. The text of {@code script}, {@code style} and {@code textarea} elements is kept as the tag's
 * {@code text} and never read as tags. Malformed markup ends a tag at the next {@code >}. Stateless.
 */
final class HtmlTags {

    /**
     * One tag. {@code name} is lower case and starts with {@code /} for an end tag; {@code text} is the raw content
     * of a {@code script}, {@code style}, {@code textarea} or {@code option} element (an option's up to the next
     * tag), else empty.
     */
    record Tag(String name, Map<String, String> attributes, String text) {
        String attr(String key) {
            return attributes.getOrDefault(key, "");
        }

        boolean has(String key) {
            return attributes.containsKey(key);
        }
    }

    private HtmlTags() {
    }

    /** The tags of {@code html} in order, at most {@code maxTags}. */
    static List<Tag> of(String html, int maxChars, int maxTags) {
        List<Tag> out = new ArrayList<>();
        int end = Math.min(html.length(), maxChars);
        int i = html.indexOf('<');
        while (i >= 0 && i < end && out.size() < maxTags) {
            if (html.startsWith("<!--", i)) {
                int close = html.indexOf("-->", i + 4);
                i = close < 0 ? -1 : html.indexOf('<', close + 3);
                continue;
            }
            int j = i + 1;
            boolean closing = j < end && html.charAt(j) == '/';
            if (closing) {
                j++;
            }
            int nameStart = j;
            while (j < end && (Character.isLetterOrDigit(html.charAt(j)) || html.charAt(j) == '-')) {
                j++;
            }
            if (j == nameStart) {
                i = html.indexOf('<', i + 1);
                continue;
            }
            String name = html.substring(nameStart, j).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = new LinkedHashMap<>();
            j = attributes(html, j, end, attributes);
            String text = "";
            int next = j;
            if (!closing && (name.equals("script") || name.equals("style") || name.equals("textarea"))) {
                int close = indexOfIgnoreCase(html, "</" + name, j, end);
                int stop = close < 0 ? end : close;
                text = html.substring(Math.min(j, stop), stop);
                next = stop;
            } else if (!closing && name.equals("option")) {
                int lt = html.indexOf('<', j);
                text = html.substring(j, lt < 0 || lt > end ? end : lt).trim();
            }
            out.add(new Tag(closing ? "/" + name : name, attributes, text));
            i = next >= end ? -1 : html.indexOf('<', next);
        }
        return out;
    }

    /** Reads attributes from {@code i} up to the tag's {@code >}; returns the index after it. */
    private static int attributes(String html, int i, int end, Map<String, String> into) {
        int j = i;
        while (j < end) {
            char c = html.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (Character.isWhitespace(c) || c == '/') {
                j++;
                continue;
            }
            int nameStart = j;
            while (j < end && !Character.isWhitespace(html.charAt(j)) && "=>/".indexOf(html.charAt(j)) < 0) {
                j++;
            }
            String name = html.substring(nameStart, j).toLowerCase(Locale.ROOT);
            while (j < end && Character.isWhitespace(html.charAt(j))) {
                j++;
            }
            String value = "";
            if (j < end && html.charAt(j) == '=') {
                j++;
                while (j < end && Character.isWhitespace(html.charAt(j))) {
                    j++;
                }
                if (j < end && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                    char quote = html.charAt(j);
                    int close = html.indexOf(quote, j + 1);
                    int stop = close < 0 || close > end ? end : close;
                    value = html.substring(j + 1, stop);
                    j = stop + 1;
                } else {
                    int start = j;
                    while (j < end && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>') {
                        j++;
                    }
                    value = html.substring(start, j);
                }
            }
            if (!name.isEmpty() && into.size() < 64) {
                into.putIfAbsent(name, decode(value));
            }
        }
        return end;
    }

    private static String decode(String v) {
        return v.indexOf('&') < 0 ? v : v.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static int indexOfIgnoreCase(String text, String needle, int from, int end) {
        int n = needle.length();
        for (int k = text.indexOf('<', from); k >= 0 && k + n <= end; k = text.indexOf('<', k + 1)) {
            if (text.regionMatches(true, k, needle, 0, n)) {
                return k;
            }
        }
        return -1;
    }
}
