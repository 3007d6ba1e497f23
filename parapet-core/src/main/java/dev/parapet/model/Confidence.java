package dev.parapet.model;

import java.util.Locale;

/**
 * How sure Parapet is that a finding is real, independent of its severity.
 * {@code TENTATIVE}: one signal; {@code FIRM}: two independent signals or a difference against a control request;
 * {@code CONFIRMED}: the defect was demonstrated (the artefact it leaks was read back).
 */
public enum Confidence {
    TENTATIVE, FIRM, CONFIRMED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
