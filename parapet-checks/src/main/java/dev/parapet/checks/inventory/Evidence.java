package dev.parapet.checks.inventory;

/** Keeps evidence snippets short enough to read in a report row. */
final class Evidence {

    /** The most characters of evidence a finding carries. */
    static final int MAX_CHARS = 300;

    private Evidence() {
    }

    static String cap(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 3) + "...";
    }
}
