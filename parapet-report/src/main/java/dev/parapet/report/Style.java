package dev.parapet.report;

import dev.parapet.model.Grade;
import dev.parapet.model.Severity;

/**
 * Applies ANSI colour when enabled and is the identity otherwise, so renderers lay text out once and colour it
 * last. Colour never changes a line's visible width. Immutable.
 */
final class Style {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BLUE = "\u001b[34m";
    private static final String MAGENTA = "\u001b[35m";
    private static final String CYAN = "\u001b[36m";

    private final boolean color;

    Style(boolean color) {
        this.color = color;
    }

    private String paint(String codes, String text) {
        return color && !text.isEmpty() ? codes + text + RESET : text;
    }

    String bold(String text) {
        return paint(BOLD, text);
    }

    String dim(String text) {
        return paint(DIM, text);
    }

    String good(String text) {
        return paint(BOLD + GREEN, text);
    }

    String bad(String text) {
        return paint(BOLD + RED, text);
    }

    String warning(String text) {
        return paint(BOLD + YELLOW, text);
    }

    String severity(Severity s, String text) {
        return switch (s) {
            case CRITICAL -> paint(BOLD + MAGENTA, text);
            case HIGH -> paint(BOLD + RED, text);
            case MEDIUM -> paint(YELLOW, text);
            case LOW -> paint(CYAN, text);
            case INFO -> paint(BLUE, text);
        };
    }

    String grade(Grade g, String text) {
        return switch (g) {
            case A, B -> good(text);
            case C -> warning(text);
            case D, F -> bad(text);
        };
    }
}
