package dev.parapet.report;

import dev.parapet.http.Redactor;
import dev.parapet.model.AttackPath;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Coverage;
import dev.parapet.model.OperationCoverage;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.Reference;
import dev.parapet.model.AuthSummary;
import dev.parapet.model.ScanReport;
import dev.parapet.model.SpecSummary;
import dev.parapet.model.WriteRecord;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.Verdict;

import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * Makes a report safe to write. {@link #of}: defence in depth against secrets — the engine redacts findings before
 * they reach a report, but every renderer still passes the whole report through {@link Redactor} (exchanges,
 * evidence, curl, endpoint URLs, free-text reasons). {@link #forTerminal} also neutralises control characters,
 * because text read from the target (titles and evidence quote it) could otherwise carry escape sequences that
 * rewrite the user's terminal. Both are idempotent. Stateless.
 */
final class SafeReport {

    private SafeReport() {
    }

    /** The report with every secret redacted. */
    static ScanReport of(ScanReport r) {
        return map(r, UnaryOperator.identity());
    }

    /** The report redacted and with control characters shown as visible escapes, for plain-text output. */
    static ScanReport forTerminal(ScanReport r) {
        return map(r, Text::printable);
    }

    private static ScanReport map(ScanReport r, UnaryOperator<String> t) {
        ScoreCard s = r.score();
        ScoreCard score = new ScoreCard(s.score(), s.grade(), t.apply(s.gradeCap()), s.categories().stream()
                .map(c -> new CategoryScore(c.category(), c.assessed(), c.score(), c.weight(), c.findings(),
                        t.apply(Redactor.text(c.reason())))).toList());
        return new ScanReport(r.schemaVersion(), t.apply(r.scanId()), t.apply(r.parapetVersion()),
                t.apply(uri(r.target())), r.mode(), r.context(), r.startedAt(), r.duration(), r.complete(),
                t.apply(Redactor.text(r.incompleteReason())), score,
                r.findings().stream().map(f -> finding(f, t)).toList(),
                r.attackPaths().stream().map(p -> new AttackPath(t.apply(p.title()), p.severity(), p.steps(),
                        t.apply(Redactor.text(p.narrative())))).toList(),
                r.checks().stream().map(c -> new CheckRun(t.apply(c.checkId()), c.category(), c.status(),
                        t.apply(Redactor.text(c.reason())), c.findings(), c.requests(), c.refusedOverBudget(),
                        c.elapsed(), c.budget(), c.inputsApplicable(), c.inputsTested())).toList(),
                r.endpoints().stream().map(SafeReport::endpoint).toList(),
                r.apiDocuments().stream().map(d -> t.apply(uri(d))).toList(), r.stats(),
                new SpecSummary(t.apply(uri(r.spec().source())), t.apply(r.spec().version()), r.spec().documented(),
                        r.spec().discovered(), r.spec().tested(), r.spec().skipped(),
                        r.spec().warnings().stream().map(w -> t.apply(Redactor.text(w))).toList()),
                new AuthSummary(r.auth().state(), r.auth().identities(), r.auth().authenticatedRequests(),
                        t.apply(Redactor.text(r.auth().detail()))), coverage(r.coverage(), t),
                r.writes().stream().map(w -> new WriteRecord(t.apply(w.checkId()), w.kind(),
                        t.apply(Redactor.text(w.via())), t.apply(uri(w.object())), t.apply(w.field()),
                        t.apply(Redactor.text(w.oldValue())), w.outcome(), t.apply(Redactor.text(w.detail()))))
                        .toList(), verdict(r.verdict(), t));
    }

    /** Its detail may quote the target (a request's path): redacted and printable like every such text. */
    private static Verdict verdict(Verdict v, UnaryOperator<String> t) {
        return v.graded() ? v : Verdict.notGraded(v.reason(), t.apply(Redactor.text(v.detail())), v.advice());
    }

    /** Paths and input names come from the target: printable for the terminal, like every other such text. */
    private static Coverage coverage(Coverage c, UnaryOperator<String> t) {
        return new Coverage(c.operations(), c.operationsTested(), c.inputs(), c.inputsTested(), c.details().stream()
                .map(d -> new OperationCoverage(d.method(), t.apply(d.path()), d.source(), d.testedBy(),
                        d.untested(), d.inputs(), d.inputsTested(), d.untestedInputs().stream().map(t).toList()))
                .toList());
    }

    /**
     * Redacts the finding's exchanges, evidence and curl ({@link Redactor#finding}) and its endpoint URL. For the
     * terminal, exchanges are kept as they are: plain-text formats print only the fields mapped here.
     */
    private static Finding finding(Finding f, UnaryOperator<String> t) {
        Finding r = Redactor.finding(f);
        return new Finding(t.apply(r.checkId()), r.category(), r.severity(), r.confidence(),
                t.apply(Redactor.text(r.title())), endpoint(r.endpoint()), t.apply(r.parameter()),
                t.apply(r.evidence()), r.exchanges(), t.apply(r.curl()), t.apply(r.remediation()),
                r.references().stream().map(x -> new Reference(x.kind(), t.apply(x.id()), t.apply(x.url())))
                        .toList(),
                r.tags().stream().map(t).collect(java.util.stream.Collectors.toSet()), r.fingerprint());
    }

    private static Endpoint endpoint(Endpoint e) {
        return new Endpoint(e.method(), Redactor.uri(e.uri()), e.source());
    }

    private static String uri(String text) {
        try {
            return Redactor.uri(URI.create(text)).toString();
        } catch (IllegalArgumentException e) {
            return Redactor.text(text);
        }
    }
}
