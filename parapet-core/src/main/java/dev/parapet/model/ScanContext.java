package dev.parapet.model;

import java.util.Locale;

/** What the API is for; shifts the category weights of the score (see docs/scoring.md). */
public enum ScanContext {
    DEFAULT, FINANCIAL, MEDICAL, PUBLIC, INTERNAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScanContext parse(String text) {
        for (ScanContext c : values()) {
            if (c.id().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown context '" + text
                + "' (valid: default, financial, medical, public, internal)");
    }
}
