package dev.parapet.model;

/** Cuts text to a bounded head, never inside a surrogate pair. Stateless. */
final class BodyWindow {

    private BodyWindow() {
    }

    /** The first {@code maxChars} characters of {@code text} (one fewer to keep a pair whole); the same instance when it fits. */
    static String head(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = Math.max(0, maxChars);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
