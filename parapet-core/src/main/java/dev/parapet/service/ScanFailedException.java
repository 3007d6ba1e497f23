package dev.parapet.service;

/**
 * The scan could not be done at all (target unreachable, DNS failure, TLS failure, nothing answered in time).
 * The message is one line that says what happened and what to try.
 */
public final class ScanFailedException extends Exception {
    public ScanFailedException(String message) {
        super(message);
    }
}
