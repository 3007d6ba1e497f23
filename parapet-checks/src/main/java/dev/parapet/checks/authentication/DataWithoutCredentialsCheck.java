package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Refusals;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds endpoints that serve personal or account data to anonymous requests in an API that does ask for
 * credentials elsewhere: a related endpoint (same parent, parent or child path) refuses them. Signals: the
 * anonymous answer is granted ({@link Refusals}) and a data record with sensitive fields ({@code email},
 * {@code phone}, {@code balance}…), a related endpoint's anonymous answer is a refusal (a 401/403, but also
 * {@code 200 {"error":"missing token"}}, a login page or a redirect to one; in an authenticated scan also an empty
 * answer where the user's credentials get data), and a made-up sibling does not answer the same (no catch-all).
 * Anonymous answers are discovery's when the scan is anonymous, else probed without credentials. Thread-safe.
 */
public final class DataWithoutCredentialsCheck implements Check {

    /** Endpoints judged: each costs an anonymous probe (free in an anonymous scan) and at most one control. */
    private static final int MAX_ENDPOINTS = 12;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("data-without-credentials", Category.AUTHENTICATION,
            "Personal data served without credentials",
            "Compares anonymous answers across the API: an endpoint that serves personal or account data without "
                    + "credentials while a related endpoint refuses them is missing its authentication.",
            Severity.HIGH, List.of(306, 862), 2 * MAX_ENDPOINTS, Set.of("authentication"),
            "Apply authentication to every route of a resource in one place, deny by default, and list the few "
                    + "public routes explicitly (Spring: `requestMatchers(\"/api/status\").permitAll()."
                    + "anyRequest().authenticated()`).");

    private final Supplier<DenialProbes> denial = CheckData.once(() -> DenialProbes.load());
    private final Supplier<SensitiveFields> sensitive = CheckData.once(() -> SensitiveFields.load());

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Exchange> anonymous = anonymousAnswers(ctx);
        List<Exchange> refused = anonymous.stream().filter(e -> withheld(ctx, e)).toList();
        if (refused.isEmpty()) {
            return CheckOutcome.notApplicable("no endpoint refused an anonymous request, so there is no "
                    + "authentication to compare with");
        }
        List<Finding> findings = new ArrayList<>();
        for (Exchange open : anonymous) {
            if (!Refusals.granted(open) || denial.get().recordFields(open.body()).size() < DenialProbes.RECORD_FIELDS) {
                continue;
            }
            Set<String> fields = sensitive.get().in(open.body());
            Optional<Exchange> related = refused.stream()
                    .filter(r -> related(r.request().uri(), open.request().uri())).findFirst();
            if (!fields.isEmpty() && related.isPresent()
                    && !SpecResponses.catchAll(ctx, open.request().uri(), open)) {
                findings.add(finding(open, related.get(), fields));
            }
        }
        return CheckOutcome.findings(findings);
    }

    /**
     * Whether the API keeps {@code anonymous}'s endpoint from callers without credentials: it refuses them, or (in
     * an authenticated scan) it grants the user data there and the anonymous caller none, as APIs that filter by
     * caller and hand strangers an empty envelope do.
     */
    private static boolean withheld(CheckContext ctx, Exchange anonymous) {
        if (Refusals.refused(anonymous)) {
            return true;
        }
        return ctx.has(Identity.PRIMARY) && !Refusals.granted(anonymous) && ctx.inventory().answeredGets().stream()
                .filter(e -> e.request().uri().equals(anonymous.request().uri()))
                .anyMatch(e -> e.request().caller().carriedCredentials() && Refusals.granted(e));
    }

    private static List<Exchange> anonymousAnswers(CheckContext ctx) throws InterruptedException {
        boolean recordedAnonymously = !ctx.has(Identity.PRIMARY);
        List<Exchange> out = new ArrayList<>();
        for (Endpoint ep : ctx.inventory().endpoints()) {
            if (out.size() == MAX_ENDPOINTS || !ep.method().equals("GET") || ep.uri().equals(ctx.inventory().target())
                    || ep.source() == Endpoint.Source.API_DOCUMENT) {
                // an API document or documentation page holds no account data: the cap is kept for endpoints
                continue;
            }
            Optional<Exchange> recorded = ctx.inventory().answeredGets().stream()
                    .filter(e -> e.request().uri().equals(ep.uri())).findFirst();
            Exchange e = recordedAnonymously && recorded.isPresent() ? recorded.get()
                    : ctx.probe(ProbeRequest.get(ep.uri()).as(Identity.ANONYMOUS));
            if (e.answered()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Same parent path, or one is the other's parent: the same resource family. */
    static boolean related(URI a, URI b) {
        String pa = trim(a.getPath());
        String pb = trim(b.getPath());
        if (pa.equals(pb) || pa.isEmpty() || pb.isEmpty()) {
            return false;
        }
        return parent(pa).equals(parent(pb)) && !parent(pa).isEmpty()
                || pb.startsWith(pa + "/") || pa.startsWith(pb + "/");
    }

    private static String trim(String path) {
        String p = path == null ? "" : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String parent(String path) {
        return path.substring(0, Math.max(0, path.lastIndexOf('/')));
    }

    private static Finding finding(Exchange open, Exchange refused, Set<String> fields) {
        String path = open.request().uri().getRawPath();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.FIRM)
                .title("GET " + path + " serves personal data without credentials")
                .evidence(Snippets.oneLine(open.request().caller().phrase() + " GET " + path + " -> " + open.status()
                        + " with " + String.join(", ", fields) + "; GET " + refused.request().uri().getRawPath()
                        + " -> " + Refusals.judge(refused).reason() + (Refusals.refused(refused)
                        ? " (the API does ask for credentials there)" : ", data only with credentials"),
                        Snippets.MAX_EVIDENCE))
                .exchange(open).exchange(refused)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build();
    }
}
