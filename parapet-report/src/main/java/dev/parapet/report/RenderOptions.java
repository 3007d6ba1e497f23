package dev.parapet.report;

import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.score.GateVerdict;
import dev.parapet.spi.CheckDescriptor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to render a report. {@code color}: emit ANSI colour codes (never when false). {@code width}: the column to
 * wrap text at, in characters; widths below {@link #MIN_WIDTH} are rendered as {@link #MIN_WIDTH}. {@code gate}:
 * the gate verdict to print at the end of the summary and include in JSON, or empty to leave it out.
 * {@code failOn}: the gate's {@code --fail-on} severity, which decides which findings are JUnit failures; empty
 * when the caller has none, and the JUnit format then fails on {@link #DEFAULT_FAIL_ON}. {@code gated}: the
 * fingerprints of the findings the gate judges when a baseline or suppressions narrowed it (known and suppressed
 * findings then are no JUnit failures); empty when every finding counts. {@code details}: the summary lists every
 * finding in full (evidence, remediation, reproduction) instead of one line each. {@code catalogue}: every installed
 * check, which SARIF describes as rules whether or not it found anything; empty means the checks found on the class
 * path. {@code specFile}: the API description file the scan read ({@code --spec FILE}), which SARIF locates results
 * in; empty when there was none or it was a URL.
 */
public record RenderOptions(boolean color, int width, Optional<GateVerdict> gate, Optional<Severity> failOn,
                            Optional<Set<String>> gated, boolean details, List<CheckDescriptor> catalogue,
                            Optional<Path> specFile) {

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
        gated = gated == null ? Optional.empty() : gated.map(Set::copyOf);
        catalogue = catalogue == null ? List.of() : List.copyOf(catalogue);
        specFile = specFile == null ? Optional.empty() : specFile;
    }

    /** Options with the short summary, the installed checks and no spec file. */
    public RenderOptions(boolean color, int width, Optional<GateVerdict> gate, Optional<Severity> failOn,
                         Optional<Set<String>> gated) {
        this(color, width, gate, failOn, gated, false, List.of(), Optional.empty());
    }

    /** Options where every finding counts for the gate. */
    public RenderOptions(boolean color, int width, Optional<GateVerdict> gate, Optional<Severity> failOn) {
        this(color, width, gate, failOn, Optional.empty());
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
        return new RenderOptions(color, width, gate, severity, gated, details, catalogue, specFile);
    }

    /**
     * These options with the gate narrowed to the findings whose fingerprints are in {@code fingerprints} (new
     * against the baseline and not suppressed); empty when the gate judges every finding.
     */
    public RenderOptions withGated(Optional<Set<String>> fingerprints) {
        return new RenderOptions(color, width, gate, failOn, fingerprints, details, catalogue, specFile);
    }

    /** These options with the summary's full listing ({@code --details}) or its short form. */
    public RenderOptions withDetails(boolean full) {
        return new RenderOptions(color, width, gate, failOn, gated, full, catalogue, specFile);
    }

    /** These options with the installed checks, for SARIF's rules. */
    public RenderOptions withCatalogue(List<CheckDescriptor> checks) {
        return new RenderOptions(color, width, gate, failOn, gated, details, checks, specFile);
    }

    /** These options with the API description file the scan read, for SARIF's locations. */
    public RenderOptions withSpecFile(Optional<Path> file) {
        return new RenderOptions(color, width, gate, failOn, gated, details, catalogue, file);
    }

    /** Whether {@code f} fails a JUnit test case: at or above the threshold, and judged by the gate. */
    boolean fails(Finding f) {
        return f.severity().atLeast(failureThreshold()) && gated.map(g -> g.contains(f.fingerprint())).orElse(true);
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
