package dev.parapet.model;

import java.util.Locale;

/** How bad a finding is if real. Ordered from least to most severe; {@code compareTo} follows that order. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case id used in every output and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses an id case-insensitively; throws {@link IllegalArgumentException} naming the valid ids. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (valid: info, low, medium, high, critical)");
    }
}
