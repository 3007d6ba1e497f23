package dev.parapet.config;

import dev.parapet.model.Severity;

import java.util.Optional;

/**
 * When a scan fails the build. {@code threshold}: fail when the overall score is below it (or when no category could
 * be assessed). {@code failOn}: fail when any finding is at or above this severity; empty turns that test off.
 */
public record Gate(Optional<Integer> threshold, Optional<Severity> failOn) {

    public static final Gate DEFAULT = new Gate(Optional.empty(), Optional.of(Severity.HIGH));
}
