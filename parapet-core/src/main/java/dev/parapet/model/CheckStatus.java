package dev.parapet.model;

import java.util.Locale;

/** How a check's run ended, as reported per check in every output. */
public enum CheckStatus {
    /** Ran to completion; its findings (possibly none) count. */
    COMPLETED,
    /**
     * Ran, but did not test everything it applies to (the scan's request budget or time ran out first); its
     * findings count, its silence does not: the reason and the run's counts say how much was tested.
     */
    PARTIAL,
    /** Did not apply to this target; the reason says why. */
    NOT_APPLICABLE,
    /** Failed inside Parapet; never counted as a finding. */
    ERRORED,
    /** Stopped by the scan's time budget or an interrupt before it finished. */
    INTERRUPTED,
    /** Not selected for this scan. */
    SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
