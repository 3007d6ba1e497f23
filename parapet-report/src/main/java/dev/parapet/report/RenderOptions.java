package dev.parapet.report;

import dev.parapet.model.Severity;
import dev.parapet.score.GateVerdict;

import java.util.Optional;

/**
 * How to render a report. {@code color}: emit ANSI colour codes (never when false). {@code width}: the column to
 * wrap text at, in characters; widths below {@link #MIN_WIDTH} are rendered as {@link #MIN_WIDTH}. {@code gate}:
 * the gate verdict to print at the end of the summary and include in JSON, or empty to leave it out.
 * {@code failOn}: the gate's {@code --fail-on} severity, which decides which findings are JUnit failures; empty
 * when the caller has none, and the JUnit format then fails on {@link #DEFAULT_FAIL_ON}.
 */
public record RenderOptions(boolean color, int width, Optional<GateVerdict> gate, Optional<Severity> failOn) {

    /** The narrowest layout the renderers produce; narrower terminals get lines of this width. */
    public static final int MIN_WIDTH = 40;

    /** The severity JUnit failures start at when no {@code --fail-on} is given: the gate's own default. */
    public static final Severity DEFAULT_FAIL_ON = Severity.HIGH;

    public RenderOptions {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive, was " + width);
        }
        gate = gate == null ? Optional.empty() : gate;
        failOn = failOn == null ? Optional.empty() : failOn;
    }

    /** Options without a {@code --fail-on} severity. */
    public RenderOptions(boolean color, int width, Optional<GateVerdict> gate) {
        this(color, width, gate, Optional.empty());
    }

    /** No colour, 100 columns, no gate line: the form for files and tests. */
    public static RenderOptions plain() {
        return new RenderOptions(false, 100, Optional.empty());
    }

    /** These options with the gate's {@code --fail-on} severity (empty when the gate does not judge findings). */
    public RenderOptions withFailOn(Optional<Severity> severity) {
        return new RenderOptions(color, width, gate, severity);
    }

    /** The severity from which a finding fails a JUnit test case. */
    Severity failureThreshold() {
        return failOn.orElse(DEFAULT_FAIL_ON);
    }

    /** The width renderers lay out to: {@code width}, but at least {@link #MIN_WIDTH}. */
    int layoutWidth() {
        return Math.max(width, MIN_WIDTH);
    }
}
