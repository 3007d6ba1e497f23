package dev.parapet.report;

import java.util.ArrayList;
import java.util.List;

/** Plain-text layout helpers: wrapping, truncation and padding, measured in chars. Stateless. */
final class Text {

    static final String ELLIPSIS = "…";

    private Text() {
    }

    /**
     * {@code s} with every control character other than line feed and tab shown as a visible escape such as
     * {@code \x1b}, and every Unicode bidirectional override (U+202A to U+202E, U+2066 to U+2069) as its code point
     * in the same backslash-u form Java uses, so text quoted from a target cannot move the cursor, recolour or
     * reorder what the user reads.
     */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control || bidi) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(control ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Replaces every run of whitespace (line breaks included) with one space and trims. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    /** {@code s} cut to at most {@code width} chars, ending in an ellipsis when it was cut. */
    static String truncate(String s, int width) {
        if (s.length() <= width) {
            return s;
        }
        return width <= 1 ? s.substring(0, Math.max(0, width)) : s.substring(0, width - 1) + ELLIPSIS;
    }

    /** {@code s} truncated to {@code width} and padded with spaces to exactly {@code width}. */
    static String cell(String s, int width) {
        String t = truncate(s, width);
        return t + " ".repeat(width - t.length());
    }

    /**
     * Word-wraps {@code text} (whitespace collapsed) into lines of at most {@code width} chars; a word longer than
     * the width is broken. Returns at least one line (empty for empty text).
     */
    static List<String> wrap(String text, int width) {
        int w = Math.max(1, width);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : oneLine(text).split(" ")) {
            while (word.length() > w) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, w));
                word = word.substring(w);
            }
            if (line.isEmpty()) {
                line.append(word);
            } else if (line.length() + 1 + word.length() <= w) {
                line.append(' ').append(word);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** At most {@code max} wrapped lines; the last one ends in an ellipsis when text was left out. */
    static List<String> wrap(String text, int width, int max) {
        List<String> all = wrap(text, width);
        if (all.size() <= max) {
            return all;
        }
        List<String> kept = new ArrayList<>(all.subList(0, max));
        String last = kept.get(max - 1);
        kept.set(max - 1, (last.length() < width ? last : last.substring(0, Math.max(0, width - 1))) + ELLIPSIS);
        return kept;
    }

    /**
     * A labelled block: {@code label} padded to {@code labelWidth} after {@code indent} spaces, then {@code value}
     * wrapped into the remaining width, continuation lines aligned under the value. Each line ends in a newline.
     */
    static String labelled(int indent, String label, int labelWidth, String value, int width) {
        String pad = " ".repeat(indent + labelWidth);
        StringBuilder sb = new StringBuilder();
        List<String> lines = wrap(value, width - indent - labelWidth);
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 ? " ".repeat(indent) + cell(label, labelWidth) : pad).append(lines.get(i)).append('\n');
        }
        return sb.toString();
    }

    /** {@code n} followed by the noun, pluralised with an "s" unless {@code n} is 1. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Joins {@code parts} with {@code " · "}, starting a new line (indented by {@code indent}) instead of a
     * separator wherever the next part would pass {@code width}. Ends with a newline.
     */
    static String joinWrapped(List<String> parts, int width, int indent) {
        return joinWrapped(parts, parts, width, indent);
    }

    /**
     * As {@link #joinWrapped(List, int, int)}, laid out by the lengths of {@code parts} but writing the matching
     * element of {@code painted} (the same text with colour codes) in each place.
     */
    static String joinWrapped(List<String> parts, List<String> painted, int width, int indent) {
        StringBuilder sb = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (lineLength == 0) {
                lineLength = part.length();
            } else if (lineLength + 3 + part.length() <= width) {
                sb.append(" · ");
                lineLength += 3 + part.length();
            } else {
                sb.append('\n').append(" ".repeat(indent));
                lineLength = indent + part.length();
            }
            sb.append(painted.get(i));
        }
        return sb.append('\n').toString();
    }
}
