package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges how the API refuses access. A 401 must name a challenge in {@code WWW-Authenticate} (RFC 9110 §11.6.1),
 * or clients cannot tell how to authenticate; a {@code Basic} challenge over plain HTTP asks for passwords in
 * cleartext; and a 401/403 whose body still holds data records gives away what it claims to protect. Refusals come
 * from discovery's recorded exchanges, from GET endpoints known only from a spec, and from a short data-driven list
 * of paths that usually need a login. Stateless and thread-safe.
 */
public final class WwwAuthenticateCheck implements Check {

    private static final Supplier<DenialProbes> DATA = CheckData.once(() -> DenialProbes.load());
    private static final Pattern BASIC = Pattern.compile("(?i)(?:^|,)\\s*basic\\b");
    private static final Pattern LOOPBACK = Pattern.compile("(?i)localhost|.+\\.localhost|127(?:\\.\\d{1,3}){3}|\\[?::1]?");
    private static final int MAX_SPEC_ENDPOINTS = 3;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("www-authenticate", Category.AUTHENTICATION,
            "Authentication refusals are malformed or leaky",
            "Reports 401 responses without a WWW-Authenticate challenge, Basic authentication offered over plain "
                    + "HTTP, and 401/403 responses whose body still carries data records.",
            Severity.MEDIUM, List.of(287, 523), 8, Set.of("authentication"),
            "Refuse with 401 plus a challenge such as `WWW-Authenticate: Bearer realm=\"api\"` and an error-only "
                    + "body; offer credentials-based schemes only over HTTPS.");

    private record Refusal(String kind, Severity severity, String title, String evidence, Exchange exchange,
                           String remediation) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        Map<URI, Exchange> seen = new LinkedHashMap<>();
        ctx.inventory().answeredGets().forEach(e -> seen.putIfAbsent(e.request().uri(), e));
        List<Exchange> judged = new ArrayList<>(seen.values());
        if (ctx.mode() != ScanMode.PASSIVE) {
            for (URI u : toProbe(ctx, seen.keySet())) {
                // refusals are judged as an anonymous caller meets them, also in an authenticated scan
                ProbeRequest get = ProbeRequest.get(u);
                Exchange e = ctx.probe(ctx.has(Identity.PRIMARY) ? get.as(Identity.ANONYMOUS) : get);
                if (e.answered()) {
                    judged.add(e);
                }
            }
        }
        Map<String, List<Refusal>> byKind = new LinkedHashMap<>();
        for (Exchange e : judged) {
            judge(e).forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
        }
        List<Finding> findings = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            if (kind.equals("data-in-refusal")) {
                list.forEach(r -> findings.add(finding(List.of(r))));
            } else {
                findings.add(finding(list));
            }
        });
        return CheckOutcome.findings(findings);
    }

    private static List<Refusal> judge(Exchange e) {
        List<Refusal> out = new ArrayList<>();
        int status = e.status();
        if (status != 401 && status != 403) {
            return out;
        }
        List<String> challenges = e.responseHeaders().all("WWW-Authenticate");
        if (status == 401 && challenges.isEmpty()) {
            out.add(new Refusal("missing-challenge", Severity.LOW, "401 responses without a WWW-Authenticate challenge",
                    "401 with no WWW-Authenticate header", e,
                    "Add a challenge to every 401, e.g. `WWW-Authenticate: Bearer realm=\"api\"` (RFC 9110 §11.6.1), "
                            + "or answer 403 when credentials would not help."));
        }
        URI uri = e.request().uri();
        if (challenges.stream().anyMatch(c -> BASIC.matcher(c).find()) && "http".equalsIgnoreCase(uri.getScheme())) {
            Severity sev = basicOverHttpSeverity(uri);
            out.add(new Refusal("basic-over-http", sev, "Basic authentication offered over plain HTTP",
                    "WWW-Authenticate: " + String.join(", ", challenges) + " on http://" + uri.getHost()
                            + (sev == Severity.LOW ? " (loopback, so only local traffic is exposed)" : ""), e,
                    "Serve the API only over HTTPS and redirect HTTP; Basic sends the password base64-encoded, "
                            + "readable by anyone on the path. Prefer tokens (`WWW-Authenticate: Bearer`)."));
        }
        List<String> fields = DATA.get().recordFields(e.body());
        if (!fields.isEmpty()) {
            out.add(new Refusal("data-in-refusal", Severity.MEDIUM, status + " response still carries data",
                    status + " body holds a record with fields " + String.join(", ", fields.subList(0,
                            Math.min(8, fields.size()))), e,
                    "Return only an error object on refusal (e.g. `{\"error\":\"unauthorized\"}`); check "
                            + "authorization before loading the resource, not after rendering it."));
        }
        return out;
    }

    /** Cleartext passwords on a network path are HIGH; on loopback nobody else sees them, so LOW. */
    static Severity basicOverHttpSeverity(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        return LOOPBACK.matcher(host).matches() ? Severity.LOW : Severity.HIGH;
    }

    private static List<URI> toProbe(CheckContext ctx, Set<URI> recorded) {
        List<URI> out = new ArrayList<>();
        ctx.inventory().endpoints().stream().filter(ep -> ep.method().equals("GET")).map(Endpoint::uri)
                .filter(u -> !recorded.contains(u) && !u.getPath().contains("{"))
                .limit(MAX_SPEC_ENDPOINTS).forEach(out::add);
        URI origin = ctx.inventory().target().resolve("/");
        // discovery's answers of an authenticated scan are the identity's: an anonymous caller's refusal of the
        // same protected path is still to be met
        boolean authenticated = ctx.has(Identity.PRIMARY);
        DATA.get().protectedPaths().stream().map(origin::resolve)
                .filter(u -> (authenticated || !recorded.contains(u)) && !out.contains(u)).forEach(out::add);
        return out.stream().limit(DESCRIPTOR.requestBudget()).toList();
    }

    private static Finding finding(List<Refusal> refusals) {
        Refusal first = refusals.getFirst();
        List<String> others = refusals.stream().skip(1).map(r -> r.exchange().request().uri().getRawPath())
                .distinct().limit(8).toList();
        String evidence = "GET " + first.exchange().request().uri().getRawPath() + ": " + first.evidence()
                + (others.isEmpty() ? "" : "; also " + String.join(", ", others));
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(first.severity()).confidence(Confidence.FIRM).title(first.title())
                .evidence(evidence.length() > 300 ? evidence.substring(0, 297) + "..." : evidence)
                .exchanges(refusals.stream().limit(3).map(Refusal::exchange).toList())
                .remediation(first.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(first.kind())
                .build();
    }
}
