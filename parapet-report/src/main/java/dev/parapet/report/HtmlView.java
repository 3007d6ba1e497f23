package dev.parapet.report;

import dev.parapet.model.AttackPath;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.score.GateVerdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML template's model: plain maps, lists and strings, so the template needs no reflection on model classes
 * and every value it prints is a string that Pebble escapes. Only the SVG charts are pre-rendered markup, built by
 * {@link SvgCharts} from numbers and fixed category names. Stateless.
 */
final class HtmlView {

    private static final List<Severity> ORDER = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFO);

    private HtmlView() {
    }

    static Map<String, Object> of(ScanReport r, Optional<GateVerdict> gate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.parapetVersion());
        m.put("target", r.target());
        m.put("scanId", r.scanId());
        m.put("mode", r.mode().id());
        m.put("context", r.context().id());
        m.put("startedAt", r.startedAt().toString());
        m.put("duration", SummaryRenderer.duration(r.duration()));
        m.put("complete", r.complete());
        m.put("incompleteReason", r.incompleteReason());
        m.put("authState", JsonIds.of(r.auth().state()));
        m.put("authDetail", r.auth().detail());
        m.put("authRequests", String.valueOf(r.auth().authenticatedRequests()));
        m.put("grade", r.score().grade().name());
        m.put("score", r.score().score() == null ? "no score" : r.score().score() + "/100");
        m.put("gradeCap", r.score().gradeCap());
        m.put("graded", r.verdict().graded());
        m.put("headline", VerdictText.headline(r));
        m.put("verdictLine", r.verdict().line());
        List<Map<String, Object>> counts = new ArrayList<>();
        for (Severity s : ORDER) {
            counts.add(Map.of("severity", s.id(), "count", String.valueOf(r.count(s))));
        }
        m.put("counts", counts);
        m.put("findingCount", Text.count(r.findings().size(), "finding"));
        m.put("gate", gate.map(g -> Map.of("passed", g.passed(), "reasons", String.join("; ", g.reasons())))
                .orElse(Map.of()));
        m.put("categoryChart", SvgCharts.categories(r.score().categories(), r.verdict().graded()));
        m.put("severityChart", SvgCharts.severities(r));
        m.put("categories", r.score().categories().stream().map(c -> category(r, c)).toList());
        m.put("paths", r.attackPaths().stream().map(HtmlView::path).toList());
        m.put("findings", r.findings().stream().map(HtmlView::finding).toList());
        m.put("checks", r.checks().stream().map(HtmlView::check).toList());
        m.put("endpoints", r.endpoints().stream().map(e -> Map.of("display", e.display(), "url", e.uri().toString(),
                "source", e.source().label())).toList());
        m.put("endpointSources", EndpointText.bySource(r.endpoints()));
        m.put("apiDocuments", r.apiDocuments());
        m.put("spec", r.spec().present() ? Map.of("source", r.spec().source(),
                "format", SpecText.format(r.spec().version()), "counts", SpecText.counts(r.spec())) : Map.of());
        m.put("surface", r.coverage().present() ? Map.of("line", SurfaceText.line(r.coverage()),
                "untested", SurfaceText.untestedOperations(r.coverage(), 200)) : Map.of());
        m.put("writes", r.writes().isEmpty() ? Map.of() : Map.of("line", WritesText.line(r.writes()),
                "notUndone", WritesText.notUndone(r.writes(), 200)));
        m.put("stats", List.of(
                r.stats().requestsSent() + " requests sent",
                r.stats().probesShared() + " shared between checks",
                r.stats().throttled() + " throttled (429)",
                r.stats().refusedOutOfScope() + " refused out of scope",
                Text.count(r.stats().transportErrors(), "transport error"),
                r.stats().endpointsDiscovered() + " endpoints discovered"));
        return m;
    }

    private static Map<String, Object> category(ScanReport r, CategoryScore c) {
        return Map.of("title", c.category().title(), "owasp", c.category().owaspApi(),
                "scored", c.assessed() && r.verdict().graded(), "score", VerdictText.categoryCell(r, c),
                "findings", String.valueOf(c.findings()));
    }

    private static Map<String, Object> path(AttackPath p) {
        return Map.of("severity", p.severity().id(), "title", p.title(),
                "steps", Arrays.stream(p.narrative().split(" → ")).map(s -> s.replaceFirst("^\\d+\\. ", ""))
                        .toList());
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "f-" + f.fingerprint());
        m.put("severity", f.severity().id());
        m.put("confidence", f.confidence().id());
        m.put("title", f.title());
        m.put("checkId", f.checkId());
        m.put("category", f.category().title());
        m.put("endpoint", f.endpoint().display());
        m.put("parameter", f.parameter());
        m.put("evidence", f.evidence());
        m.put("remediation", f.remediation());
        // commonmark escapes raw HTML and drops unsafe link targets, so the fragment is safe to insert as it is
        m.put("remediationHtml", RemediationText.html(f.remediation()));
        m.put("curl", f.curl());
        m.put("fingerprint", f.fingerprint());
        m.put("tags", String.join(", ", f.sortedTags()));
        m.put("references", f.references().stream().map(HtmlView::reference).toList());
        List<Map<String, Object>> exchanges = new ArrayList<>();
        for (int i = 0; i < f.exchanges().size(); i++) {
            exchanges.add(exchange(i + 1, f.exchanges().get(i)));
        }
        m.put("exchanges", exchanges);
        return m;
    }

    /** A reference; only http(s) URLs become links, anything else is shown as text. */
    private static Map<String, Object> reference(Reference ref) {
        boolean web = ref.url().startsWith("https://") || ref.url().startsWith("http://");
        return Map.of("id", ref.id(), "url", web ? ref.url() : "");
    }

    private static Map<String, Object> exchange(int n, Exchange e) {
        StringBuilder request = new StringBuilder(e.request().method()).append(' ').append(e.request().uri())
                .append('\n');
        headers(e.request().headers(), request);
        if (!e.request().body().isEmpty()) {
            request.append('\n').append(e.request().body());
        }
        String summary;
        String response;
        if (e.response() == null) {
            summary = "no answer: " + e.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
            response = e.error();
        } else {
            summary = String.valueOf(e.response().status());
            StringBuilder sb = new StringBuilder("HTTP ").append(e.response().status()).append('\n');
            headers(e.response().headers(), sb);
            sb.append('\n').append(e.response().body());
            if (e.response().truncated()) {
                sb.append("\n… (body cut at ").append(e.response().body().length()).append(" chars of ")
                        .append(e.response().bodyBytes()).append(" bytes read)");
            }
            response = sb.toString();
        }
        return Map.of("title", "Exchange " + n + ": " + e.request().method() + " " + e.request().uri() + " → "
                + summary, "request", request.toString(), "response", response);
    }

    private static void headers(Headers headers, StringBuilder sb) {
        headers.fields().forEach(h -> sb.append(h.name()).append(": ").append(h.value()).append('\n'));
    }

    private static Map<String, Object> check(CheckRun c) {
        return Map.of("id", c.checkId(), "category", c.category().id(), "status", c.status().id(),
                "reason", c.reason(), "findings", String.valueOf(c.findings()),
                "requests", String.valueOf(c.requests()));
    }
}
