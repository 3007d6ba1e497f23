package dev.parapet.engine;

import java.util.Optional;

/**
 * Cuts one JSON object (or array) out of surrounding text, such as the spec swagger-ui-express writes into
 * {@code swagger-ui-init.js} as {@code "swaggerDoc": {...}}: a single forward pass that matches braces and brackets
 * while skipping string literals (double- or single-quoted, with backslash escapes) and JavaScript comments, so a
 * brace inside a description never ends the object. Linear in the characters read, never more than
 * {@code maxChars} of them, nesting at most {@link #MAX_DEPTH} deep. Stateless.
 */
final class JsonObjectText {

    static final int MAX_DEPTH = 256;

    private JsonObjectText() {
    }

    /**
     * The text from {@code start} (which must hold '{' or '[') to its matching closer, inclusive; empty when the
     * text there does not open an object, does not close within {@code maxChars} characters, nests deeper than
     * {@link #MAX_DEPTH} or closes with the wrong bracket.
     */
    static Optional<String> at(String text, int start, int maxChars) {
        if (start < 0 || start >= text.length() || text.charAt(start) != '{' && text.charAt(start) != '[') {
            return Optional.empty();
        }
        char[] stack = new char[MAX_DEPTH];
        int depth = 0;
        int end = (int) Math.min(text.length(), (long) start + maxChars);
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\'' -> i = skipString(text, i, end);
                case '/' -> i = skipComment(text, i, end);
                case '{', '[' -> {
                    if (depth == MAX_DEPTH) {
                        return Optional.empty();
                    }
                    stack[depth++] = c == '{' ? '}' : ']';
                    i++;
                }
                case '}', ']' -> {
                    if (depth == 0 || stack[depth - 1] != c) {
                        return Optional.empty();
                    }
                    depth--;
                    i++;
                    if (depth == 0) {
                        return Optional.of(text.substring(start, i));
                    }
                }
                default -> i++;
            }
            if (i < 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The index after the string literal opening at {@code i}, or -1 when it does not close before {@code end}. */
    private static int skipString(String text, int i, int end) {
        char quote = text.charAt(i);
        int j = i + 1;
        while (j < end) {
            char c = text.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else if (c == '\n' && quote == '\'') {
                return -1;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** The index after a comment opening at {@code i}, or {@code i + 1} when the slash opens none. */
    private static int skipComment(String text, int i, int end) {
        if (i + 1 >= end) {
            return i + 1;
        }
        char next = text.charAt(i + 1);
        if (next == '/') {
            int nl = text.indexOf('\n', i + 2);
            return nl < 0 || nl >= end ? end : nl + 1;
        }
        if (next == '*') {
            int close = text.indexOf("*/", i + 2);
            return close < 0 || close + 2 > end ? -1 : close + 2;
        }
        return i + 1;
    }
}
