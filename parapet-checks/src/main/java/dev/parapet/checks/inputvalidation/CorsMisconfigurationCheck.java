package dev.parapet.checks.inputvalidation;

import dev.parapet.model.Category;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds CORS policies that let a foreign web page read the API through a visitor's browser. The target and up to
 * two discovered JSON endpoints are requested with {@code Origin: https://parapet-probe.invalid}, with
 * {@code Origin: null} and as a preflight, and compared with the recorded request that carried no Origin: an
 * {@code Access-Control-Allow-Origin} that repeats the invented origin is a reflection the control does not show.
 *
 * <p>A wildcard without credentials is deliberately not reported: browsers then send no cookies or HTTP
 * authentication, so a foreign page reads only what any anonymous client could fetch directly, which is the correct
 * policy for a public API. (An intranet-only API read through a visitor's browser is the remaining risk, and it
 * cannot be told apart from a public API from outside.) Stateless and thread-safe.
 */
public final class CorsMisconfigurationCheck implements Check {

    /** An origin no real site has ({@code .invalid} is reserved by RFC 2606), so accepting it proves reflection. */
    static final String PROBE_ORIGIN = "https://parapet-probe.invalid";
    private static final int MAX_EXTRA_ENDPOINTS = 2;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("cors-misconfiguration", Category.INPUT_VALIDATION,
            "CORS policy trusts arbitrary origins",
            "Sends requests with a foreign and a null Origin (plain and preflight) and reports policies that reflect "
                    + "them, especially together with Access-Control-Allow-Credentials: true.",
            Severity.HIGH, List.of(942, 346), 12, Set.of("cors", "misconfiguration"),
            "Compare the Origin header with an explicit allow-list and echo it only on a match (with Vary: Origin); "
                    + "never reflect arbitrary origins or accept 'null' when credentials are allowed.");

    private record Proof(URI uri, Exchange probe, Exchange control, String sentOrigin) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("passive mode sends no requests with a crafted Origin header");
        }
        Map<CorsGrant, List<Proof>> proofs = new EnumMap<>(CorsGrant.class);
        for (URI uri : candidates(ctx)) {
            Exchange control = recordedGet(ctx, uri).orElse(null);
            if (control == null) {
                control = ctx.probe(ProbeRequest.get(uri));
            }
            if (!control.answered()) {
                continue;
            }
            Map<CorsGrant, Proof> here = grantsOn(ctx, uri, control);
            here.forEach((g, p) -> proofs.computeIfAbsent(g, k -> new ArrayList<>()).add(p));
        }
        List<Finding> findings = new ArrayList<>();
        proofs.forEach((grant, list) -> findings.add(finding(grant, list)));
        return CheckOutcome.findings(findings);
    }

    /** Sends the foreign-origin, null-origin and preflight probes to one URL and judges each answer. */
    private static Map<CorsGrant, Proof> grantsOn(CheckContext ctx, URI uri, Exchange control)
            throws InterruptedException {
        ProbeRequest get = ProbeRequest.get(uri);
        ProbeRequest preflight = ProbeRequest.of("OPTIONS", uri).withHeader("Origin", PROBE_ORIGIN)
                .withHeader("Access-Control-Request-Method", "GET")
                .withHeader("Access-Control-Request-Headers", "authorization");
        List<Proof> attempts = List.of(
                new Proof(uri, ctx.probe(get.withHeader("Origin", PROBE_ORIGIN)), control, PROBE_ORIGIN),
                new Proof(uri, ctx.probe(get.withHeader("Origin", "null")), control, "null"),
                new Proof(uri, ctx.probe(preflight), control, PROBE_ORIGIN));
        Map<CorsGrant, Proof> here = new EnumMap<>(CorsGrant.class);
        for (Proof p : attempts) {
            if (p.probe().answered()) {
                judge(p.sentOrigin(), p.probe().responseHeaders()).ifPresent(g -> here.putIfAbsent(g, p));
            }
        }
        if (here.containsKey(CorsGrant.REFLECTED_WITH_CREDENTIALS) || here.containsKey(CorsGrant.REFLECTED)) {
            // a policy that echoes every origin echoes 'null' too; one finding says it all
            here.remove(CorsGrant.NULL_WITH_CREDENTIALS);
            here.remove(CorsGrant.NULL_ORIGIN);
        }
        return here;
    }

    /**
     * What the CORS headers of one response grant to {@code sentOrigin}, if anything worth reporting. Pure; the
     * control request needs no comparison here because it carried no Origin, so it cannot have been echoed.
     */
    static Optional<CorsGrant> judge(String sentOrigin, Headers response) {
        String allowed = response.first("Access-Control-Allow-Origin").orElse("").trim();
        boolean credentials = response.first("Access-Control-Allow-Credentials").orElse("").trim()
                .equalsIgnoreCase("true");
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        if (allowed.equals("*")) {
            return credentials ? Optional.of(CorsGrant.WILDCARD_WITH_CREDENTIALS) : Optional.empty();
        }
        if (allowed.equalsIgnoreCase("null") && sentOrigin.equals("null")) {
            return Optional.of(credentials ? CorsGrant.NULL_WITH_CREDENTIALS : CorsGrant.NULL_ORIGIN);
        }
        if (allowed.equalsIgnoreCase(sentOrigin) && !sentOrigin.equals("null")) {
            return Optional.of(credentials ? CorsGrant.REFLECTED_WITH_CREDENTIALS : CorsGrant.REFLECTED);
        }
        return Optional.empty();
    }

    private static List<URI> candidates(CheckContext ctx) {
        Set<URI> out = new LinkedHashSet<>();
        out.add(ctx.inventory().target());
        ctx.inventory().answeredGets().stream()
                .filter(e -> e.response().isJson() && e.status() < 400)
                .map(e -> e.request().uri())
                .filter(u -> !out.contains(u))
                .distinct().limit(MAX_EXTRA_ENDPOINTS).forEach(out::add);
        return List.copyOf(out);
    }

    private static Optional<Exchange> recordedGet(CheckContext ctx, URI uri) {
        return ctx.inventory().answeredGets().stream().filter(e -> e.request().uri().equals(uri))
                .filter(e -> !e.request().headers().has("Origin")).findFirst();
    }

    private static Finding finding(CorsGrant grant, List<Proof> proofs) {
        Proof first = proofs.getFirst();
        Headers h = first.probe().responseHeaders();
        StringBuilder evidence = new StringBuilder(first.probe().request().method()).append(" with Origin: ")
                .append(first.sentOrigin()).append(" -> Access-Control-Allow-Origin: ")
                .append(h.first("Access-Control-Allow-Origin").orElse(""));
        h.first("Access-Control-Allow-Credentials").ifPresent(c -> evidence.append(", Access-Control-Allow-Credentials: ").append(c));
        evidence.append("; without Origin: Access-Control-Allow-Origin ")
                .append(first.control().responseHeaders().first("Access-Control-Allow-Origin").map(v -> "'" + v + "'")
                        .orElse("absent"));
        List<String> others = proofs.stream().skip(1).map(p -> path(p.uri())).distinct().toList();
        if (!others.isEmpty()) {
            evidence.append("; also on ").append(String.join(", ", others));
        }
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(grant.severity).confidence(grant.confidence).title(grant.title)
                .endpoint(new Endpoint(first.probe().request().method(), first.uri(), Endpoint.Source.DISCOVERED))
                .evidence(Evidence.cap(evidence.toString()))
                .exchange(first.probe()).exchange(first.control())
                .remediation(grant.remediation)
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(grant.name().toLowerCase(Locale.ROOT))
                .build();
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }
}
