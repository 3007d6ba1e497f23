package dev.parapet.checks.inputvalidation;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds HTTP methods that should not be on: TRACE that echoes the request (cross-site tracing, leaking headers a
 * proxy added or cookies a script cannot read), and write methods advertised on the root and on collections, where
 * a read-only API has no use for them. TRACE counts only when a unique header comes back in the body; a 200 alone
 * proves nothing. Advertised methods are never exercised: PUT, DELETE and PATCH are never sent. Stateless and
 * thread-safe.
 */
public final class DangerousMethodsCheck implements Check {

    static final String TRACE_HEADER = "X-Parapet-Trace";
    /** A path no API serves, so what OPTIONS advertises there is the server's blanket answer. */
    static final String CONTROL_PATH = "/parapet-no-such-resource-7c1e";
    private static final int MAX_COLLECTIONS = 3;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("dangerous-methods", Category.INPUT_VALIDATION,
            "Dangerous HTTP methods enabled",
            "Confirms TRACE by a unique header echoed in the body, and reads OPTIONS answers of the root and of "
                    + "collections for advertised PUT, DELETE and PATCH; never sends a write method.",
            Severity.MEDIUM, List.of(693, 16), 8, Set.of("http-methods", "misconfiguration"),
            "Disable TRACE in the web server (Apache: TraceEnable off) and route only the methods each resource "
                    + "implements; answer others with 405 and an accurate Allow header.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        URI target = ctx.inventory().target();
        List<URI> collections = ReadOnlyResources.collections(ctx.inventory(), MAX_COLLECTIONS);
        List<Finding> findings = new ArrayList<>();
        if (ctx.mode() != ScanMode.PASSIVE) {
            traceEcho(ctx, target, collections).ifPresent(findings::add);
        }
        List<Exchange> advertising = new ArrayList<>();
        List<URI> readOnly = new ArrayList<>();
        readOnly.add(target);
        readOnly.addAll(collections);
        for (URI uri : readOnly) {
            Optional<Exchange> options = recordedOptions(ctx, uri);
            if (options.isEmpty() && ctx.mode() != ScanMode.PASSIVE) {
                options = Optional.of(ctx.probe(ProbeRequest.of("OPTIONS", uri)));
            }
            options.filter(e -> !AdvertisedMethods.of(e).writes().isEmpty()).ifPresent(advertising::add);
        }
        if (!advertising.isEmpty()) {
            Optional<Exchange> control = ctx.mode() == ScanMode.PASSIVE ? Optional.empty()
                    : Optional.of(ctx.probe(ProbeRequest.of("OPTIONS", target.resolve(CONTROL_PATH))));
            findings.add(advertised(advertising, control));
        }
        return CheckOutcome.findings(findings);
    }

    private static Optional<Finding> traceEcho(CheckContext ctx, URI target, List<URI> collections)
            throws InterruptedException {
        String token = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        List<URI> where = new ArrayList<>(List.of(target));
        collections.stream().limit(1).forEach(where::add);
        for (URI uri : where) {
            Exchange e = ctx.probe(ProbeRequest.of("TRACE", uri).withHeader(TRACE_HEADER, token));
            if (e.answered() && e.response().isSuccess() && e.body().contains(token)) {
                // Quote the echoed header line itself: the proof, and nothing of the target's other headers.
                int at = e.body().indexOf(token);
                int lineStart = e.body().lastIndexOf('\n', at) + 1;
                int lineEnd = e.body().indexOf('\n', at);
                String snippet = e.body().substring(lineStart, lineEnd < 0 ? e.body().length() : lineEnd).strip();
                return Optional.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                        .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                        .title("TRACE is enabled and echoes request headers")
                        .evidence(Evidence.cap("TRACE with " + TRACE_HEADER + ": " + token + " -> " + e.status()
                                + ", body echoes it: " + snippet))
                        .exchange(e)
                        .remediation("Turn TRACE off where the request first lands: Apache `TraceEnable off`, Tomcat "
                                + "`allowTrace=\"false\"` on the Connector, or reject it in the framework (405). An "
                                + "echo lets scripts read headers they must not see, such as HttpOnly cookies.")
                        .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags()).tag("trace")
                        .discriminator("trace")
                        .build());
            }
        }
        return Optional.empty();
    }

    private static Finding advertised(List<Exchange> advertising, Optional<Exchange> control) {
        Set<String> blanket = control.filter(Exchange::answered).map(c -> AdvertisedMethods.of(c).allowWrites())
                .orElse(Set.of());
        boolean specific = advertising.stream().anyMatch(e -> {
            Set<String> allow = AdvertisedMethods.of(e).allowWrites();
            return control.isPresent() && !allow.isEmpty() && !blanket.containsAll(allow);
        });
        List<String> lines = advertising.stream().map(e -> "OPTIONS " + path(e.request().uri()) + " -> "
                + AdvertisedMethods.of(e).describe()).toList();
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.LOW)
                .confidence(specific ? Confidence.FIRM : Confidence.TENTATIVE)
                .title("Write methods advertised on read-only resources")
                .evidence(Evidence.cap(String.join("; ", lines) + (specific
                        ? "; a nonexistent path does not advertise them" : "; advertised only, not proven to work")))
                .exchanges(advertising)
                .remediation("List in Allow and Access-Control-Allow-Methods only what the resource implements, e.g. "
                        + "`Allow: GET, HEAD, OPTIONS` on collections of a read-only API, and make the router answer "
                        + "405 to the rest. Parapet did not send these methods.")
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator("advertised");
        control.ifPresent(b::exchange);
        return b.build();
    }

    private static Optional<Exchange> recordedOptions(CheckContext ctx, URI uri) {
        return ctx.inventory().exchanges().stream().filter(Exchange::answered)
                .filter(e -> e.request().method().equals("OPTIONS") && e.request().uri().equals(uri)).findFirst();
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }
}
