package dev.parapet.model;

import java.time.Duration;

/**
 * One check's run in one scan: coverage evidence for the report. {@code requests} counts probes the check was
 * granted; {@code refusedOverBudget} counts probes it asked for beyond its budget (refused, never sent).
 */
public record CheckRun(String checkId, Category category, CheckStatus status, String reason, int findings,
                       int requests, int refusedOverBudget, Duration elapsed) {
    public CheckRun {
        reason = reason == null ? "" : reason;
    }
}
