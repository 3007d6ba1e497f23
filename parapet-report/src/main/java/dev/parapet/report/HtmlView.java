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
 * and every value it prints is a string that Pebble escapes. Only the SVG charts ({@link SvgCharts}, from numbers
 * and fixed names) and the remediation ({@link RemediationText}, which escapes raw HTML) are pre-rendered markup.
 * For {@link Medium#PRINT} (the PDF) low and informational findings are in the index only, long evidence and
 * exchange texts are cut, and the appendix keeps only the first exchanges of critical and high findings, since
 * paper cannot fold them away; the HTML page keeps everything whole.
 * Stateless.
 */
final class HtmlView {

    /** What the page is for: a browser ({@code SCREEN}) or the PDF ({@code PRINT}). */
    enum Medium { SCREEN, PRINT }

    private static final List<Severity> ORDER = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFO);
    /** How many findings the first page of the report names. */
    static final int TOP_FINDINGS = 5;
    /** In print, evidence and each exchange's request and response are cut to this many characters. */
    static final int PRINT_EVIDENCE = 300;
    static final int PRINT_EXCHANGE = 400;
    /** In print, findings below this severity are in the index only; the HTML details every finding. */
    static final Severity PRINT_DETAILS_FROM = Severity.MEDIUM;
    /** In print, at most this many exchanges of one finding go into the appendix. */
    static final int PRINT_EXCHANGES = 2;
    /** In print, the appendix holds the exchanges of findings at or above this severity; the HTML has them all. */
    static final Severity PRINT_APPENDIX_FROM = Severity.HIGH;
    /** {@code 3 Dec 2026 06:21 UTC}. */
    static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    private HtmlView() {
    }

    static Map<String, Object> of(ScanReport r, Optional<GateVerdict> gate) {
        return of(r, gate, Medium.SCREEN);
    }

    static Map<String, Object> of(ScanReport r, Optional<GateVerdict> gate, Medium medium) {
        boolean print = medium == Medium.PRINT;
        List<Finding> sorted = r.findings().stream().sorted(ScanReport.MOST_SEVERE_FIRST).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("print", print);
        m.put("scriptHash", FindingsFilter.HASH);
        m.put("script", FindingsFilter.SCRIPT);
        m.put("version", r.parapetVersion());
        m.put("target", r.target());
        m.put("scanId", r.scanId());
        m.put("mode", r.mode().id());
        m.put("context", r.context().id());
        m.put("startedAt", DATE.format(r.startedAt()));
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
        m.put("findings", sorted.stream().map(f -> finding(f, print)).toList());
        m.put("topFindings", sorted.stream().limit(TOP_FINDINGS).map(f -> finding(f, print)).toList());
        m.put("moreFindings", String.valueOf(Math.max(0, sorted.size() - TOP_FINDINGS)));
        m.put("severityFilters", ORDER.stream().filter(s -> r.count(s) > 0).map(s -> Map.of("value", s.id(),
                "label", s.id() + " (" + r.count(s) + ")")).toList());
        Map<dev.parapet.model.Category, Long> byCategory = new java.util.EnumMap<>(dev.parapet.model.Category.class);
        r.findings().forEach(f -> byCategory.merge(f.category(), 1L, Long::sum));
        m.put("categoryFilters", byCategory.entrySet().stream().map(e -> Map.of("value", e.getKey().id(),
                "label", e.getKey().title() + " (" + e.getValue() + ")")).toList());
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
        // the reason a category was not assessed goes under its name, so the score column stays narrow
        return Map.of("title", c.category().title(), "owasp", c.category().owaspApi(),
                "scored", c.assessed() && r.verdict().graded(),
                "score", c.assessed() ? VerdictText.categoryCell(r, c) : "not assessed",
                "reason", c.assessed() ? "" : c.reason(), "findings", String.valueOf(c.findings()));
    }

    private static Map<String, Object> path(AttackPath p) {
        return Map.of("severity", p.severity().id(), "title", p.title(),
                "steps", Arrays.stream(p.narrative().split(" → ")).map(s -> s.replaceFirst("^\\d+\\. ", ""))
                        .toList());
    }

    private static Map<String, Object> finding(Finding f, boolean print) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "f-" + f.fingerprint());
        m.put("exchangesId", "x-" + f.fingerprint());
        m.put("categoryId", f.category().id());
        m.put("detailed", !print || f.severity().atLeast(PRINT_DETAILS_FROM));
        m.put("inAppendix", !f.exchanges().isEmpty() && (!print || f.severity().atLeast(PRINT_APPENDIX_FROM)));
        m.put("severity", f.severity().id());
        m.put("confidence", f.confidence().id());
        m.put("title", f.title());
        m.put("checkId", f.checkId());
        m.put("category", f.category().title());
        m.put("endpoint", f.endpoint().display());
        m.put("parameter", f.parameter());
        m.put("evidence", print ? cut(f.evidence(), PRINT_EVIDENCE) : f.evidence());
        m.put("remediation", f.remediation());
        // commonmark escapes raw HTML and drops unsafe link targets, so the fragment is safe to insert as it is
        m.put("remediationHtml", RemediationText.html(f.remediation()));
        m.put("curl", f.curl());
        m.put("fingerprint", f.fingerprint());
        m.put("tags", String.join(", ", f.sortedTags()));
        m.put("references", f.references().stream().map(HtmlView::reference).toList());
        List<Map<String, Object>> exchanges = new ArrayList<>();
        int shown = print ? Math.min(PRINT_EXCHANGES, f.exchanges().size()) : f.exchanges().size();
        for (int i = 0; i < shown; i++) {
            exchanges.add(exchange(i + 1, f.exchanges().get(i), print));
        }
        m.put("exchanges", exchanges);
        return m;
    }

    /** A reference; only http(s) URLs become links, anything else is shown as text. */
    private static Map<String, Object> reference(Reference ref) {
        boolean web = ref.url().startsWith("https://") || ref.url().startsWith("http://");
        return Map.of("id", ref.id(), "url", web ? ref.url() : "");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "\n… (" + (text.length() - max)
                + " more characters in the HTML and JSON reports)";
    }

    private static Map<String, Object> exchange(int n, Exchange e, boolean print) {
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
                + summary, "request", print ? cut(request.toString(), PRINT_EXCHANGE) : request.toString(),
                "response", print ? cut(response, PRINT_EXCHANGE) : response);
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
