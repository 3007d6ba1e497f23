package dev.parapet.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a scan earned a grade. A grade is a promise that the API was tested: a scan is {@link State#GRADED} only
 * when the engine saw evidence of that (see {@code dev.parapet.score.Grading} for the rule and its thresholds).
 * Otherwise it is {@link State#NOT_GRADED}, with the first {@link Reason} that applied, a one-line {@code detail}
 * naming what was seen, and {@code advice} saying what to do. Findings of an ungraded scan still count; its score
 * is provisional and no output shows it as a grade.
 */
public record Verdict(State state, Reason reason, String detail, String advice) {

    /** A scan with the evidence a grade needs. */
    public static final Verdict GRADED = new Verdict(State.GRADED, null, "", "");

    public enum State {
        GRADED, NOT_GRADED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Why a scan was not graded, in the order the rule tries them. */
    public enum Reason {
        /** The target did not answer the scan's first request: nothing was scanned. */
        UNREACHABLE("unreachable"),
        /** The target answered, then stopped answering for good mid-scan. */
        TARGET_DIED("target-died"),
        /** The user stopped the scan (Ctrl-C, or a client cancelling it). */
        STOPPED_BY_USER("stopped-by-user"),
        /** The scan's time budget ran out before the checks finished. */
        TIME_BUDGET("time-budget"),
        /** The scan was stopped early for another reason. */
        STOPPED("stopped"),
        /** Most answers were throttling: 429, or 503 with {@code Retry-After}. */
        THROTTLED("throttled"),
        /** Most answers were gateway errors (502, 503, 504): a proxy in front of a backend that is down. */
        GATEWAY_ERRORS("gateway-errors"),
        /** No API-like answer or description was found: nothing the checks could test as an API. */
        NO_API("no-api"),
        /** No check ran to completion. */
        NOTHING_COMPLETED("nothing-completed"),
        /** The input-testing checks tested too few of the input points they apply to. */
        TOO_FEW_INPUTS("too-few-inputs");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        /** {@code throttled}, {@code no-api}: the JSON id. */
        public String id() {
            return id;
        }

        public static Reason ofId(String id) {
            for (Reason r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown not-graded reason '" + id + "'");
        }
    }

    public Verdict {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        advice = advice == null ? "" : advice;
        if ((state == State.NOT_GRADED) != (reason != null)) {
            throw new IllegalArgumentException("a reason is present exactly when the scan is not graded");
        }
    }

    public static Verdict notGraded(Reason reason, String detail, String advice) {
        return new Verdict(State.NOT_GRADED, Objects.requireNonNull(reason, "reason"), detail, advice);
    }

    public boolean graded() {
        return state == State.GRADED;
    }

    /** {@code every one of 82 answers was 429 Too Many Requests; lower --rate …}: one line, for the terminal. */
    public String line() {
        return advice.isEmpty() ? detail : detail + "; " + advice;
    }

    /** {@code NOT GRADED (every one of 82 answers was 429 …)}: the headline of an ungraded scan. */
    public String headline() {
        return "NOT GRADED (" + detail + ")";
    }

    /**
     * The verdict of a report that carries none (a report of schema 1.2 or older, or one built without the
     * engine's evidence): not graded when the scan was stopped early or no check completed, graded otherwise.
     */
    public static Verdict inferred(boolean complete, String incompleteReason, List<CheckRun> checks) {
        if (!complete) {
            String why = incompleteReason == null || incompleteReason.isEmpty() ? "the scan stopped early"
                    : incompleteReason;
            Reason reason = why.startsWith("time budget") ? Reason.TIME_BUDGET
                    : why.startsWith("interrupted by user") ? Reason.STOPPED_BY_USER
                    : why.startsWith("the target stopped answering") ? Reason.TARGET_DIED : Reason.STOPPED;
            return notGraded(reason, why, "scan again and let it finish");
        }
        if (checks.stream().noneMatch(c -> c.status() == CheckStatus.COMPLETED)) {
            return notGraded(Reason.NOTHING_COMPLETED, "no check ran to completion",
                    "see each check's reason in the coverage section");
        }
        return GRADED;
    }
}
