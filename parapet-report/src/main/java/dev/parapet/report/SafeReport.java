package dev.parapet.report;

import dev.parapet.http.Redactor;
import dev.parapet.model.AttackPath;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;

import java.net.URI;

/**
 * Defence in depth: the engine redacts findings before they reach a report, but every renderer still passes the
 * whole report through {@link Redactor} (exchanges, evidence, curl, endpoint URLs, free-text reasons). Redaction is
 * idempotent, so an already redacted report comes out unchanged.
 */
final class SafeReport {

    private SafeReport() {
    }

    static ScanReport of(ScanReport r) {
        return new ScanReport(r.schemaVersion(), r.scanId(), r.parapetVersion(), uri(r.target()), r.mode(),
                r.context(), r.startedAt(), r.duration(), r.complete(), Redactor.text(r.incompleteReason()),
                r.score(), r.findings().stream().map(SafeReport::finding).toList(),
                r.attackPaths().stream().map(SafeReport::attackPath).toList(),
                r.checks().stream().map(SafeReport::checkRun).toList(),
                r.endpoints().stream().map(SafeReport::endpoint).toList(),
                r.apiDocuments().stream().map(SafeReport::uri).toList(), r.stats());
    }

    private static Finding finding(Finding f) {
        Finding redacted = Redactor.finding(f);
        return new Finding(redacted.checkId(), redacted.category(), redacted.severity(), redacted.confidence(),
                Redactor.text(redacted.title()), endpoint(redacted.endpoint()), redacted.parameter(),
                redacted.evidence(), redacted.exchanges(), redacted.curl(), redacted.remediation(),
                redacted.references(), redacted.tags(), redacted.fingerprint());
    }

    private static Endpoint endpoint(Endpoint e) {
        return new Endpoint(e.method(), Redactor.uri(e.uri()), e.source());
    }

    private static AttackPath attackPath(AttackPath p) {
        return new AttackPath(p.title(), p.severity(), p.steps(), Redactor.text(p.narrative()));
    }

    private static CheckRun checkRun(CheckRun c) {
        return new CheckRun(c.checkId(), c.category(), c.status(), Redactor.text(c.reason()), c.findings(),
                c.requests(), c.refusedOverBudget(), c.elapsed());
    }

    private static String uri(String text) {
        try {
            return Redactor.uri(URI.create(text)).toString();
        } catch (IllegalArgumentException e) {
            return Redactor.text(text);
        }
    }
}
