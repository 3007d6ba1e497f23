package dev.parapet.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a scan produced. {@code complete} is false when the scan was stopped early (time budget, host-error
 * budget, interrupt); {@code incompleteReason} then says why. Findings are ordered most severe first. {@code spec}
 * says how far the API description covered the scan; {@code auth} whether credentials were applied and accepted;
 * {@code coverage} which operations and input points of the surface were tested, and why the others were not;
 * {@code writes} every change an active scan made on the target and whether it was undone (empty in other modes);
 * {@code verdict} whether the scan earned a grade: when it did not, {@code score} is provisional and no output shows
 * it as a grade. A report built without a verdict gets {@link Verdict#inferred} from its own fields.
 */
public record ScanReport(String schemaVersion, String scanId, String parapetVersion, String target, ScanMode mode,
                         ScanContext context, Instant startedAt, Duration duration, boolean complete,
                         String incompleteReason, ScoreCard score, List<Finding> findings, List<AttackPath> attackPaths,
                         List<CheckRun> checks, List<Endpoint> endpoints, List<String> apiDocuments,
                         ScanStats stats, SpecSummary spec, AuthSummary auth, Coverage coverage,
                         List<WriteRecord> writes, Verdict verdict) {

    public static final String SCHEMA_VERSION = "1.3";

    public static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
            .comparing(Finding::severity).reversed()
            .thenComparing(Finding::confidence, Comparator.reverseOrder())
            .thenComparing(Finding::checkId)
            .thenComparing(f -> f.endpoint().display())
            .thenComparing(Finding::parameter)
            .thenComparing(Finding::fingerprint);

    public ScanReport {
        incompleteReason = incompleteReason == null ? "" : incompleteReason;
        findings = findings.stream().sorted(MOST_SEVERE_FIRST).toList();
        attackPaths = List.copyOf(attackPaths);
        checks = List.copyOf(checks);
        endpoints = List.copyOf(endpoints);
        apiDocuments = List.copyOf(apiDocuments);
        spec = spec == null ? SpecSummary.NONE : spec;
        auth = auth == null ? AuthSummary.NONE : auth;
        coverage = coverage == null ? Coverage.NONE : coverage;
        writes = writes == null ? List.of() : List.copyOf(writes);
        verdict = verdict == null ? Verdict.inferred(complete, incompleteReason, checks) : verdict;
    }

    /** A report whose verdict is {@link Verdict#inferred} from its own fields. */
    public ScanReport(String schemaVersion, String scanId, String parapetVersion, String target, ScanMode mode,
                      ScanContext context, Instant startedAt, Duration duration, boolean complete,
                      String incompleteReason, ScoreCard score, List<Finding> findings, List<AttackPath> attackPaths,
                      List<CheckRun> checks, List<Endpoint> endpoints, List<String> apiDocuments,
                      ScanStats stats, SpecSummary spec, AuthSummary auth, Coverage coverage,
                      List<WriteRecord> writes) {
        this(schemaVersion, scanId, parapetVersion, target, mode, context, startedAt, duration, complete,
                incompleteReason, score, findings, attackPaths, checks, endpoints, apiDocuments, stats, spec, auth,
                coverage, writes, null);
    }

    /** A report without writes: a scan that changed nothing on the target. */
    public ScanReport(String schemaVersion, String scanId, String parapetVersion, String target, ScanMode mode,
                      ScanContext context, Instant startedAt, Duration duration, boolean complete,
                      String incompleteReason, ScoreCard score, List<Finding> findings, List<AttackPath> attackPaths,
                      List<CheckRun> checks, List<Endpoint> endpoints, List<String> apiDocuments,
                      ScanStats stats, SpecSummary spec, AuthSummary auth, Coverage coverage) {
        this(schemaVersion, scanId, parapetVersion, target, mode, context, startedAt, duration, complete,
                incompleteReason, score, findings, attackPaths, checks, endpoints, apiDocuments, stats, spec, auth,
                coverage, List.of(), null);
    }

    /** Writes the scan left on the target: not undone, or undone without a read to show it. */
    public List<WriteRecord> writesNotUndone() {
        return writes.stream().filter(w -> !w.outcome().clean()).toList();
    }

    /** A report without surface coverage ({@link Coverage#NONE}). */
    public ScanReport(String schemaVersion, String scanId, String parapetVersion, String target, ScanMode mode,
                      ScanContext context, Instant startedAt, Duration duration, boolean complete,
                      String incompleteReason, ScoreCard score, List<Finding> findings, List<AttackPath> attackPaths,
                      List<CheckRun> checks, List<Endpoint> endpoints, List<String> apiDocuments,
                      ScanStats stats, SpecSummary spec, AuthSummary auth) {
        this(schemaVersion, scanId, parapetVersion, target, mode, context, startedAt, duration, complete,
                incompleteReason, score, findings, attackPaths, checks, endpoints, apiDocuments, stats, spec, auth,
                Coverage.NONE);
    }

    /** A report of a scan without spec or credential details (both {@code NONE}). */
    public ScanReport(String schemaVersion, String scanId, String parapetVersion, String target, ScanMode mode,
                      ScanContext context, Instant startedAt, Duration duration, boolean complete,
                      String incompleteReason, ScoreCard score, List<Finding> findings, List<AttackPath> attackPaths,
                      List<CheckRun> checks, List<Endpoint> endpoints, List<String> apiDocuments, ScanStats stats) {
        this(schemaVersion, scanId, parapetVersion, target, mode, context, startedAt, duration, complete,
                incompleteReason, score, findings, attackPaths, checks, endpoints, apiDocuments, stats,
                SpecSummary.NONE, AuthSummary.NONE);
    }

    /** The same report with another verdict (a gate narrowed by triage keeps the scan's verdict). */
    public ScanReport withVerdict(Verdict newVerdict) {
        return new ScanReport(schemaVersion, scanId, parapetVersion, target, mode, context, startedAt, duration,
                complete, incompleteReason, score, findings, attackPaths, checks, endpoints, apiDocuments, stats, spec,
                auth, coverage, writes, newVerdict);
    }

    public long countAtLeast(Severity severity) {
        return findings.stream().filter(f -> f.severity().atLeast(severity)).count();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
