package dev.parapet.model;

import java.util.Locale;

/** Why an operation or input point of the surface was not tested. */
public enum Untested {
    /** The scan's request budget ({@code --max-requests}) was planned or spent before it was reached. */
    BUDGET("request budget"),
    /** The scan's time budget ({@code --max-time}) ran out, or the scan was stopped, before it was reached. */
    TIME("time budget"),
    /** The scan's mode does not send what testing it takes (a body in safe mode, anything in passive mode). */
    MODE("mode"),
    /** It looks as if calling it changes the target, so safe mode leaves it alone. */
    STATE_CHANGING("looks state-changing"),
    /** Its probes were sent, but none was answered (timeouts, resets, refused connections). */
    UNANSWERED("not answered"),
    /** A check failed inside Parapet while testing it. */
    ERRORED("check error"),
    /** No selected check applies to it. */
    NO_CHECK("no check applies");

    private final String label;

    Untested(String label) {
        this.label = label;
    }

    /** {@code request budget}, {@code looks state-changing}: how reports name the reason. */
    public String label() {
        return label;
    }

    /** {@code budget}, {@code state-changing}: the JSON id. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
