package dev.parapet.report;

import dev.parapet.score.GateVerdict;

import java.util.Optional;

/**
 * How to render a report. {@code color}: emit ANSI colour codes (never when false). {@code width}: the column to
 * wrap text at, in characters; widths below {@link #MIN_WIDTH} are rendered as {@link #MIN_WIDTH}. {@code gate}:
 * the gate verdict to print at the end of the summary and include in JSON, or empty to leave it out.
 */
public record RenderOptions(boolean color, int width, Optional<GateVerdict> gate) {

    /** The narrowest layout the renderers produce; narrower terminals get lines of this width. */
    public static final int MIN_WIDTH = 40;

    public RenderOptions {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive, was " + width);
        }
        gate = gate == null ? Optional.empty() : gate;
    }

    /** No colour, 100 columns, no gate line: the form for files and tests. */
    public static RenderOptions plain() {
        return new RenderOptions(false, 100, Optional.empty());
    }

    /** The width renderers lay out to: {@code width}, but at least {@link #MIN_WIDTH}. */
    int layoutWidth() {
        return Math.max(width, MIN_WIDTH);
    }
}
