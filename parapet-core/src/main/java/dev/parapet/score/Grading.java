package dev.parapet.score;

import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Verdict;
import dev.parapet.model.Verdict.Reason;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a scan earned a grade (docs/scoring.md, "When a scan is not graded"), as a pure function of what the
 * engine saw. The first reason that applies wins, in this order: the target died; most answers were throttling or
 * gateway errors; the scan was stopped (by the user, the time budget, anything else); nothing API-like answered;
 * no check completed; too few input points were tested. Every threshold of the rule is here.
 */
public final class Grading {

    /**
     * At least half of the answers must be usable (neither throttling nor gateway errors): a check that reads a 429
     * or a 502 learns nothing about the API behind it, so when most answers are such, the checks' silence is the
     * rate limiter's or the proxy's, not the API's. Half leaves room for a rate-limit burst or a flaky route on a
     * healthy target (the demo's own burst draws a few 429s) and still catches every storm seen in practice.
     */
    static final double MIN_USABLE_SHARE = 0.5;

    /**
     * The input-testing checks must test at least this share of the input points they apply to, once they apply to
     * at least {@link #MIN_INPUTS_TO_JUDGE}: below it, "no injection found" rests on a sample too small to be a
     * result. Ten percent is far below what a scan within its budgets reaches (the demo's input checks test all 3
     * points they apply to), so only a scan starved by its budgets or its target falls under it. The denominator is
     * the checks' own {@code inputsApplicable}, not the surface's input points: points no check applies to say
     * nothing about how well the scan went.
     */
    static final int MIN_INPUTS_PERCENT = 10;

    /** Fewer applicable input points than this are too few to judge a share of. */
    static final int MIN_INPUTS_TO_JUDGE = 5;

    private Grading() {
    }

    /**
     * The target's answers, counted per attempt. {@code throttled}: 429, or 503 with {@code Retry-After};
     * {@code tooManyRequests}: the 429s among them; {@code gatewayErrors}: 502, 503 and 504 otherwise;
     * {@code apiAnswers}: answers only an API gives (a machine-readable body with a 2xx, 401 or 403).
     */
    public record Answers(long answered, long throttled, long tooManyRequests, long gatewayErrors, long apiAnswers) {
    }

    /**
     * What the verdict rests on. {@code diedAfter}: the last request the target answered before it stopped
     * answering for good, when it did; {@code stoppedBy}: why the scan was stopped early, when it was
     * ({@link Reason#STOPPED_BY_USER}, {@link Reason#TIME_BUDGET}, {@link Reason#TARGET_DIED} or
     * {@link Reason#STOPPED}), with {@code stopReason} the engine's words; {@code apiDescribed}: an API description was
     * given or found.
     */
    public record Evidence(Answers answers, Optional<String> diedAfter, Optional<Reason> stoppedBy, String stopReason,
                           boolean apiDescribed, List<CheckRun> checks) {
        public Evidence {
            Objects.requireNonNull(answers, "answers");
            stopReason = stopReason == null ? "" : stopReason;
            checks = List.copyOf(checks);
        }
    }

    public static Verdict verdict(Evidence e) {
        Answers a = e.answers();
        if (e.diedAfter().isPresent()) {
            return Verdict.notGraded(Reason.TARGET_DIED, "the target stopped answering after " + e.diedAfter().get(),
                    "that request is reported as a denial-of-service finding; restart the target and scan again");
        }
        long unusable = a.throttled() + a.gatewayErrors();
        if (a.answered() > 0 && a.answered() - unusable < MIN_USABLE_SHARE * a.answered()) {
            return a.throttled() >= a.gatewayErrors() ? throttled(a) : gateway(a);
        }
        if (e.stoppedBy().isPresent()) {
            return stopped(e.stoppedBy().get(), e);
        }
        if (!e.apiDescribed() && a.apiAnswers() == 0) {
            return Verdict.notGraded(Reason.NO_API, "no API endpoint was found: none of "
                    + answers(a.answered()) + " was JSON or another API format, and no API description was found",
                    "give the API description with --spec, or scan the API's base URL");
        }
        if (e.checks().stream().noneMatch(c -> c.status() == CheckStatus.COMPLETED)) {
            return Verdict.notGraded(Reason.NOTHING_COMPLETED, "no check ran to completion",
                    "see each check's reason in the coverage section");
        }
        long applicable = e.checks().stream().mapToLong(CheckRun::inputsApplicable).sum();
        long tested = e.checks().stream().mapToLong(CheckRun::inputsTested).sum();
        if (applicable >= MIN_INPUTS_TO_JUDGE && tested * 100 < MIN_INPUTS_PERCENT * applicable) {
            return Verdict.notGraded(Reason.TOO_FEW_INPUTS, "the input checks tested " + tested + " of "
                    + applicable + " input points they apply to (under " + MIN_INPUTS_PERCENT + " %)",
                    "raise --max-requests or --max-time, or narrow the scan with a --spec of the operations to test");
        }
        return Verdict.GRADED;
    }

    private static Verdict throttled(Answers a) {
        String detail;
        if (a.tooManyRequests() == a.answered()) {
            detail = "every one of " + answers(a.answered()) + " was 429 Too Many Requests";
        } else if (a.throttled() == a.answered()) {
            detail = "every one of " + answers(a.answered()) + " was throttled (429, or 503 with Retry-After)";
        } else {
            detail = a.throttled() + " of " + answers(a.answered()) + " were throttled (429, or 503 with Retry-After)";
        }
        return Verdict.notGraded(Reason.THROTTLED, detail, "lower --rate or allow-list the scanner");
    }

    private static Verdict gateway(Answers a) {
        String detail = a.gatewayErrors() == a.answered()
                ? "every one of " + answers(a.answered()) + " was a gateway error (502, 503 or 504)"
                : a.gatewayErrors() + " of " + answers(a.answered()) + " were gateway errors (502, 503 or 504)";
        return Verdict.notGraded(Reason.GATEWAY_ERRORS, detail,
                "the service behind the proxy looks down: check it is running, then scan again");
    }

    private static Verdict stopped(Reason why, Evidence e) {
        long finished = e.checks().stream().filter(c -> c.status() == CheckStatus.COMPLETED
                || c.status() == CheckStatus.NOT_APPLICABLE).count();
        String tally = finished + " of " + e.checks().size() + " checks finished";
        String reason = e.stopReason().isEmpty() ? "the scan stopped early" : e.stopReason();
        return switch (why) {
            case STOPPED_BY_USER -> Verdict.notGraded(why, "stopped by the user with " + tally,
                    "let the scan run to its end for a grade");
            case TIME_BUDGET -> Verdict.notGraded(why, reason + " with " + tally, "raise --max-time");
            default -> Verdict.notGraded(why, reason + " with " + tally, "scan again and let it finish");
        };
    }

    private static String answers(long n) {
        return n + (n == 1 ? " answer" : " answers");
    }
}
