package dev.parapet.model;

import java.util.Locale;

/**
 * How many active probes a check that has tiers may send to one endpoint ({@code --tier}). {@code QUICK} is the
 * cheapest useful set, {@code STANDARD} the default, {@code DEEP} every probe the check knows.
 */
public enum ProbeTier {
    QUICK, STANDARD, DEEP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProbeTier parse(String text) {
        for (ProbeTier t : values()) {
            if (t.id().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + text + "' (valid: quick, standard, deep)");
    }
}
