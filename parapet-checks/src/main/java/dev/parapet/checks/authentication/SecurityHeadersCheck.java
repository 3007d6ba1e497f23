package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the protective headers of answered GET responses: {@code X-Content-Type-Options: nosniff} on JSON,
 * a cache policy that keeps responses with cookies or personal data out of shared caches, and framing protection on
 * HTML. Recorded exchanges are judged as they are; GET endpoints known only from a spec are fetched first (at most
 * the budget). One finding per defect kind lists the affected endpoints, because a missing header is nearly always
 * one missing line of configuration, not one defect per route. Stateless and thread-safe.
 */
public final class SecurityHeadersCheck implements Check {

    /** Endpoints named in one finding's evidence; the rest are counted. */
    private static final int MAX_LISTED = 10;
    private static final Supplier<SensitiveFields> SENSITIVE = CheckData.once(() -> SensitiveFields.load());

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("security-headers", Category.AUTHENTICATION,
            "Protective response headers missing",
            "Reports JSON without nosniff, cookie-setting or personal-data responses that caches may keep, and HTML "
                    + "that other sites may frame; one finding per defect lists the endpoints.",
            Severity.MEDIUM, List.of(693, 16, 525), 5, Set.of("security-headers", "misconfiguration"),
            "Set the headers once in a middleware or the reverse proxy so every route carries them: "
                    + "X-Content-Type-Options: nosniff, Cache-Control: no-store on personal data, and "
                    + "Content-Security-Policy: frame-ancestors 'none' on HTML.");

    enum Defect {
        SENSITIVE_CACHEABLE(Severity.MEDIUM, "Responses with personal data or cookies may be cached",
                "Send `Cache-Control: no-store` on responses that set cookies or carry account data (or at least "
                        + "`private, no-cache`), so proxies and shared caches never serve them to someone else."),
        NOSNIFF_MISSING(Severity.LOW, "JSON responses lack X-Content-Type-Options: nosniff",
                "Add `X-Content-Type-Options: nosniff` to every response (helmet: `app.use(helmet.noSniff())`) so "
                        + "browsers never run API output as script or HTML."),
        FRAMING_ALLOWED(Severity.LOW, "HTML pages can be framed by any site",
                "Send `Content-Security-Policy: frame-ancestors 'none'` (or `X-Frame-Options: DENY`) on HTML so no "
                        + "other site can overlay it for clickjacking.");

        final Severity severity;
        final String title;
        final String remediation;

        Defect(Severity severity, String title, String remediation) {
            this.severity = severity;
            this.title = title;
            this.remediation = remediation;
        }
    }

    private record Hit(Exchange exchange, String why) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Exchange> judged = new ArrayList<>(ctx.inventory().answeredGets());
        if (ctx.mode() != ScanMode.PASSIVE) {
            for (URI unfetched : unfetchedGets(ctx)) {
                judged.add(ctx.probe(ProbeRequest.get(unfetched)));
            }
        }
        Map<Defect, Map<String, Hit>> hits = new EnumMap<>(Defect.class);
        for (Exchange e : judged) {
            if (e.answered()) {
                for (Map.Entry<Defect, String> d : defects(e).entrySet()) {
                    hits.computeIfAbsent(d.getKey(), k -> new LinkedHashMap<>())
                            .putIfAbsent(path(e.request().uri()), new Hit(e, d.getValue()));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        hits.forEach((defect, byPath) -> findings.add(finding(defect, List.copyOf(byPath.values()))));
        return CheckOutcome.findings(findings);
    }

    /** The defects one answered response shows, each with a short reason for the evidence (empty when obvious). */
    static Map<Defect, String> defects(Exchange e) {
        Map<Defect, String> out = new EnumMap<>(Defect.class);
        Headers h = e.responseHeaders();
        if (e.response().isJson() && !h.first("X-Content-Type-Options").orElse("").trim()
                .equalsIgnoreCase("nosniff")) {
            out.put(Defect.NOSNIFF_MISSING, "");
        }
        if (e.response().isSuccess()) {
            sensitiveReason(e).filter(r -> !cacheSafe(h)).ifPresent(r -> out.put(Defect.SENSITIVE_CACHEABLE,
                    r + ", Cache-Control: " + h.first("Cache-Control").orElse("absent")));
            if (e.response().isHtml() && !h.has("X-Frame-Options") && h.all("Content-Security-Policy").stream()
                    .noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("frame-ancestors"))) {
                out.put(Defect.FRAMING_ALLOWED, "");
            }
        }
        return out;
    }

    private static Optional<String> sensitiveReason(Exchange e) {
        if (e.responseHeaders().has("Set-Cookie")) {
            return Optional.of("sets a cookie");
        }
        if (!e.response().isJson()) {
            return Optional.empty();
        }
        Set<String> fields = SENSITIVE.get().in(e.body());
        return fields.isEmpty() ? Optional.empty() : Optional.of("fields " + String.join(", ", fields));
    }

    /**
     * Whether caches are kept from storing or reusing the response: {@code no-store}, or {@code private} together
     * with {@code no-cache} or {@code max-age=0} (Rails' default {@code max-age=0, private, must-revalidate}).
     */
    static boolean cacheSafe(Headers h) {
        String cc = String.join(",", h.all("Cache-Control")).toLowerCase(Locale.ROOT).replace(" ", "");
        List<String> directives = List.of(cc.split(","));
        return directives.contains("no-store") || directives.contains("private")
                && (directives.contains("no-cache") || directives.contains("max-age=0"));
    }

    private static List<URI> unfetchedGets(CheckContext ctx) {
        Set<URI> fetched = new java.util.HashSet<>();
        ctx.inventory().exchanges().forEach(e -> fetched.add(e.request().uri()));
        return ctx.inventory().endpoints().stream().filter(ep -> ep.method().equals("GET"))
                .map(Endpoint::uri).filter(u -> !fetched.contains(u) && !u.getPath().contains("{"))
                .distinct().limit(DESCRIPTOR.requestBudget()).toList();
    }

    private static Finding finding(Defect defect, List<Hit> hits) {
        List<String> listed = hits.stream().limit(MAX_LISTED)
                .map(h -> path(h.exchange().request().uri()) + (h.why().isEmpty() ? "" : " (" + h.why() + ")")).toList();
        String evidence = hits.size() + " endpoint" + (hits.size() == 1 ? "" : "s") + ": " + String.join("; ", listed)
                + (hits.size() > MAX_LISTED ? "; and " + (hits.size() - MAX_LISTED) + " more" : "");
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(defect.severity).confidence(Confidence.FIRM).title(defect.title)
                .evidence(evidence.length() > 300 ? evidence.substring(0, 297) + "..." : evidence)
                .exchanges(hits.stream().limit(3).map(Hit::exchange).toList())
                .remediation(defect.remediation)
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(defect.name().toLowerCase(Locale.ROOT))
                .build();
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }
}
