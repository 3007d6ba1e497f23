package dev.parapet.engine;

import dev.parapet.spi.InputLocation;
import dev.parapet.spi.ValueShape;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges what an input's value is for from its name, documented type, format and description, and its values
 * (see {@link SurfaceVocabulary}). Values come from the target or the document, so every test here is a linear
 * scan over at most {@link #MAX_VALUE} characters, never a backtracking regex. Stateless and thread-safe.
 */
final class ShapeClassifier {

    /** Values longer than this are judged on their start: shapes are about what a value is, not all of it. */
    static final int MAX_VALUE = 256;

    private final SurfaceVocabulary vocabulary;

    ShapeClassifier(SurfaceVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Set<ValueShape> classify(InputLocation location, String name, String type, String format, String description,
                             List<String> values) {
        Set<ValueShape> out = EnumSet.noneOf(ValueShape.class);
        if (location == InputLocation.XML) {
            out.add(ValueShape.XML_DOCUMENT);
            out.add(ValueShape.FREE_TEXT);
            return out;
        }
        String squashed = SurfaceVocabulary.squashed(name);
        List<String> words = SurfaceVocabulary.words(name);
        String fmt = format == null ? "" : format.toLowerCase(Locale.ROOT);
        String desc = description == null ? "" : " " + description.toLowerCase(Locale.ROOT) + " ";
        for (var e : vocabulary.shapes().entrySet()) {
            SurfaceVocabulary.Rules r = e.getValue();
            boolean byName = r.names().contains(squashed) || words.stream().anyMatch(r.words()::contains);
            boolean byFormat = !fmt.isEmpty() && r.formats().contains(fmt);
            boolean byDescription = desc.length() > 2 && r.description().stream().anyMatch(desc::contains);
            if (byName || byFormat || byDescription) {
                out.add(e.getKey());
            }
        }
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        switch (t) {
            case "integer", "number" -> out.add(ValueShape.NUMERIC);
            case "boolean" -> {
                out.add(ValueShape.BOOLEAN);
                out.remove(ValueShape.FREE_TEXT);
            }
            default -> {
            }
        }
        if (location == InputLocation.PATH) {
            out.add(ValueShape.IDENTIFIER);
        }
        for (String raw : values) {
            byValue(raw.length() > MAX_VALUE ? raw.substring(0, MAX_VALUE) : raw, out);
        }
        boolean stringLike = t.isEmpty() || t.equals("string");
        if (stringLike && !out.contains(ValueShape.BOOLEAN) && (values.isEmpty() || values.stream().anyMatch(
                v -> !v.isEmpty() && !isNumber(v) && !isBoolean(v)))) {
            out.add(ValueShape.FREE_TEXT);
        }
        return out;
    }

    private static void byValue(String v, Set<ValueShape> out) {
        if (v.isEmpty()) {
            return;
        }
        if (isNumber(v)) {
            out.add(ValueShape.NUMERIC);
        }
        if (isBoolean(v)) {
            out.add(ValueShape.BOOLEAN);
        }
        if (isUuid(v)) {
            out.add(ValueShape.IDENTIFIER);
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
            out.add(ValueShape.URL);
        }
        if (!lower.contains("://") && looksLikeFile(v)) {
            out.add(ValueShape.FILE);
        }
        int at = v.indexOf('@');
        if (at > 0 && v.indexOf('.', at) > at + 1 && v.indexOf(' ') < 0 && !lower.contains("://")) {
            out.add(ValueShape.EMAIL);
        }
        if (lower.equals("asc") || lower.equals("desc")) {
            out.add(ValueShape.SQL_NAME);
        }
        if (isDate(v)) {
            out.add(ValueShape.DATE);
        }
        if (isIpv4(v)) {
            out.add(ValueShape.HOST);
        }
    }

    static boolean isNumber(String v) {
        if (v.isEmpty() || v.length() > 40) {
            return false;
        }
        int i = v.charAt(0) == '-' ? 1 : 0;
        boolean digit = false;
        boolean dot = false;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    private static boolean isBoolean(String v) {
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }

    static boolean isUuid(String v) {
        if (v.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = v.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code report.pdf}, {@code docs/terms.txt}, {@code ../x}: a name with a short extension, or a relative path of
     * word segments. Plain words and numbers are not files.
     */
    static boolean looksLikeFile(String v) {
        if (v.length() > 200 || v.indexOf(' ') >= 0) {
            return false;
        }
        int dot = v.lastIndexOf('.');
        int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
        boolean extension = dot > slash + 1 && dot < v.length() - 1 && v.length() - dot - 1 <= 5
                && allWordChars(v.substring(dot + 1)) && !isNumber(v);
        boolean pathLike = slash > 0 && slash < v.length() - 1 && v.chars().filter(c -> c == '/' || c == '\\').count() >= 1
                && allPathChars(v);
        return (extension && allPathChars(v)) || pathLike;
    }

    private static boolean allWordChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean allPathChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '/' || c == '\\'
                    || c == '~')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDate(String v) {
        return v.length() >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && isNumber(v.substring(0, 4))
                && isNumber(v.substring(5, 7)) && isNumber(v.substring(8, 10));
    }

    private static boolean isIpv4(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !isNumber(p) || p.contains(".") || p.startsWith("-")) {
                return false;
            }
        }
        return true;
    }
}
