package dev.parapet.checks.support;

/**
 * Cuts short, single-line evidence out of response text and masks secrets in it. Evidence is meant for humans
 * reading a report: at most {@link #MAX_EVIDENCE} characters, whitespace runs collapsed to one space. Stateless.
 */
public final class Snippets {

    /** The longest evidence a finding carries, in characters. */
    public static final int MAX_EVIDENCE = 300;

    private static final String MASK = "****";

    private Snippets() {
    }

    /**
     * The text around {@code [start, end)} with up to {@code radius} characters on each side, on one line, with
     * an ellipsis where the text was cut. A cut never splits a token (word, number, key, base64 run): the partial
     * token is dropped, so a secret next to the match is either whole (and can be masked) or absent.
     */
    public static String around(String text, int start, int end, int radius) {
        int from = Math.max(0, start - radius);
        int to = Math.min(text.length(), end + radius);
        while (from > 0 && from < start && isTokenChar(text.charAt(from - 1)) && isTokenChar(text.charAt(from))) {
            from++;
        }
        while (to < text.length() && to > end && isTokenChar(text.charAt(to)) && isTokenChar(text.charAt(to - 1))) {
            to--;
        }
        String cut = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
        return oneLine(cut, MAX_EVIDENCE);
    }

    /** Characters of words, numbers, tokens and base64: a cut inside a run of them drops the partial run. */
    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '.';
    }

    /** {@code text} with whitespace runs (including escaped {@code \n} and {@code \t}) collapsed, cut at {@code max}. */
    public static String oneLine(String text, int max) {
        String flat = text.replace("\\n", " ").replace("\\t", " ").replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** The first {@code keep} characters of {@code secret} followed by a mask; never more than half the secret. */
    public static String mask(String secret, int keep) {
        int shown = Math.min(keep, secret.length() / 2);
        return secret.substring(0, Math.max(0, shown)) + MASK;
    }

    /** {@code text} with {@code secret} replaced by {@link #mask(String, int)} wherever it occurs. */
    public static String maskIn(String text, String secret, int keep) {
        return secret.isEmpty() ? text : text.replace(secret, mask(secret, keep));
    }

    /** Joins evidence parts with "; " and keeps the result within {@link #MAX_EVIDENCE}. */
    public static String join(Iterable<String> parts) {
        return oneLine(String.join("; ", parts), MAX_EVIDENCE);
    }
}
