package dev.parapet.model;

import java.time.Duration;

/**
 * One check's run in one scan: coverage evidence for the report. {@code requests} counts probes the check was
 * granted; {@code refusedOverBudget} counts probes it asked for beyond its budget (refused, never sent).
 * {@code budget} is the most probes the engine would grant it in this scan: its descriptor's budget, plus, for an
 * input-testing check, its per-input costs times the input points planned for it. {@code inputsApplicable} and
 * {@code inputsTested} count the input points it applies to and those it tested (both 0 for a check that does not
 * test inputs).
 */
public record CheckRun(String checkId, Category category, CheckStatus status, String reason, int findings,
                       int requests, int refusedOverBudget, Duration elapsed, int budget, int inputsApplicable,
                       int inputsTested) {
    public CheckRun {
        reason = reason == null ? "" : reason;
    }

    /** A run without input accounting, whose budget is what it used. */
    public CheckRun(String checkId, Category category, CheckStatus status, String reason, int findings,
                    int requests, int refusedOverBudget, Duration elapsed) {
        this(checkId, category, status, reason, findings, requests, refusedOverBudget, elapsed, requests, 0, 0);
    }

    /** Whether it tests input points (the engine handed it some, or found none it applies to). */
    public boolean testsInputs() {
        return inputsApplicable > 0;
    }

    /** The same run with another status and reason (an engine verdict on how it ended). */
    public CheckRun withStatus(CheckStatus newStatus, String newReason) {
        return new CheckRun(checkId, category, newStatus, newReason, findings, requests, refusedOverBudget, elapsed,
                budget, inputsApplicable, inputsTested);
    }
}
