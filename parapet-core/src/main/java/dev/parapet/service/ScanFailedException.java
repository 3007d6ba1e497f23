package dev.parapet.service;

import dev.parapet.model.ScanReport;

import java.util.Optional;

/**
 * The scan could not be done at all (target unreachable, DNS failure, TLS failure, nothing answered in time).
 * The message is one line that says what happened and what to try; {@link #report()} is, when the scan got as far as
 * its first request, the not-graded report that says why, for the outputs the user asked for.
 */
public final class ScanFailedException extends Exception {
    private final transient ScanReport report;

    public ScanFailedException(String message) {
        this(message, null);
    }

    public ScanFailedException(String message, ScanReport report) {
        super(message);
        this.report = report;
    }

    public Optional<ScanReport> report() {
        return Optional.ofNullable(report);
    }
}
