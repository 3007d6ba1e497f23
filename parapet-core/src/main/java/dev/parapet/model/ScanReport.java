package dev.parapet.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a scan produced. {@code complete} is false when the scan was stopped early (time budget, host-error
 * budget, interrupt); {@code incompleteReason} then says why. Findings are ordered most severe first. {@code spec}
 * says how far the API description covered the scan; {@code auth} whether credentials were applied and accepted;
 * {@code coverage} which operations and input points of the surface were tested, and why the others were not.
 */
public record ScanReport(String schemaVersion, String scanId, String parapetVersion, String target, ScanMode mode,
                         ScanContext context, Instant startedAt, Duration duration, boolean complete,
                         String incompleteReason, ScoreCard score, List<Finding> findings, List<AttackPath> attackPaths,
                         List<CheckRun> checks, List<Endpoint> endpoints, List<String> apiDocuments,
                         ScanStats stats, SpecSummary spec, AuthSummary auth, Coverage coverage) {

    public static final String SCHEMA_VERSION = "1.2";

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

    public long countAtLeast(Severity severity) {
        return findings.stream().filter(f -> f.severity().atLeast(severity)).count();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
