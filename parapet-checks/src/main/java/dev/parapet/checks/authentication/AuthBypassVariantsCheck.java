package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.checks.support.Snippets;
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
 * Finds endpoints that refuse an anonymous GET ({@link Refusals}: a 401/403, a refusal sent with 200, a login page or
 * a redirect to one) but serve their data to an anonymous request in another shape: HEAD, OPTIONS, OPTIONS with
 * {@code X-HTTP-Method-Override: GET}, a trailing slash, upper case, an encoded dot segment or a doubled slash
 * ({@link BypassVariant}). Two signals: the variant is granted a data record (or, for HEAD, a JSON entity not
 * declared empty, where the refusal itself had a non-2xx status and another length) where the plain request was
 * refused, and the same variant of a made-up sibling path does not (so a catch-all page is no bypass). Stateless
 * and thread-safe.
 */
public final class AuthBypassVariantsCheck implements Check {

    /** Protected endpoints tried: each costs a baseline and up to two probes per variant. */
    private static final int MAX_ENDPOINTS = 3;
    private static final String CONTROL = "parapet-control-5b1e7d";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("auth-bypass-variants", Category.AUTHENTICATION,
            "Authentication bypassed by request variants",
            "Sends anonymous HEAD, OPTIONS, method-override, trailing-slash, upper-case and encoded-path variants of "
                    + "requests that are refused without credentials, and reports those that get the data.",
            Severity.HIGH, List.of(288, 287, 863), MAX_ENDPOINTS * (1 + 2 * BypassVariant.values().length),
            Set.of("authentication", "bypass"),
            "Enforce authentication on the normalised path for every method (deny by default in one filter that "
                    + "runs after routing), disable method-override headers, and make routing strict about case and "
                    + "slashes (Express: `app.set('case sensitive routing', true); app.set('strict routing', true)`).");

    private final Supplier<DenialProbes> denial = CheckData.once(() -> DenialProbes.load());

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Exchange> refused = refusedAnonymously(ctx);
        if (refused.isEmpty()) {
            return CheckOutcome.notApplicable("no discovered endpoint refused an anonymous request");
        }
        List<Finding> findings = new ArrayList<>();
        for (Exchange baseline : refused) {
            URI uri = baseline.request().uri();
            for (BypassVariant v : BypassVariant.values()) {
                Exchange e = ctx.probe(v.probe(uri));
                if (servesData(e, baseline) && !servesData(ctx.probe(v.probe(sibling(uri))), baseline)) {
                    findings.add(finding(v, baseline, e));
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** Discovered GET endpoints refusing requests without credentials (recorded, or probed when discovery had some). */
    private static List<Exchange> refusedAnonymously(CheckContext ctx) throws InterruptedException {
        List<Exchange> out = new ArrayList<>();
        boolean recordedAnonymously = !ctx.has(Identity.PRIMARY);
        for (Endpoint ep : ctx.inventory().endpoints()) {
            if (out.size() == MAX_ENDPOINTS || !ep.method().equals("GET") || ep.uri().equals(ctx.inventory().target())) {
                continue;
            }
            Optional<Exchange> recorded = ctx.inventory().answeredGet(ep.uri());
            Exchange e = recordedAnonymously && recorded.isPresent() ? recorded.get()
                    : ctx.probe(ProbeRequest.get(ep.uri()).as(Identity.ANONYMOUS));
            if (Refusals.refused(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private boolean servesData(Exchange e, Exchange refusal) {
        if (!e.answered() || e.status() < 200 || e.status() > 299) {
            return false;
        }
        if (e.request().method().equals("HEAD")) {
            // no body to read: a JSON entity announced (not declared empty) is the HEAD form of the data, unless
            // the refusal itself was a 2xx answer (then a 2xx HEAD says nothing) of the same length
            String length = e.responseHeaders().first("Content-Length").map(String::strip).orElse("");
            return refusal.status() / 100 != 2 && !length.equals("0")
                    && !length.equals(String.valueOf(refusal.responseIfAny().map(r -> r.bodyBytes()).orElse(-1L)))
                    && e.responseHeaders().first("Content-Type").orElse("").contains("json");
        }
        return Refusals.granted(e) && denial.get().recordFields(e.body()).size() >= DenialProbes.RECORD_FIELDS;
    }

    private static URI sibling(URI uri) {
        String path = uri.getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return uri.resolve(trimmed.substring(0, trimmed.lastIndexOf('/') + 1) + CONTROL);
    }

    private Finding finding(BypassVariant v, Exchange baseline, Exchange bypass) {
        String path = baseline.request().uri().getRawPath();
        List<String> fields = denial.get().recordFields(bypass.body());
        String got = fields.isEmpty() ? "a JSON entity (" + bypass.responseHeaders().first("Content-Length")
                .map(l -> l + " bytes").orElse("length not given") + ")"
                : "fields " + String.join(", ", fields.subList(0, Math.min(6, fields.size())));
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.FIRM)
                .title("Authentication on " + path + " bypassed with " + v.description())
                .endpoint(new Endpoint("GET", baseline.request().uri(), Endpoint.Source.DISCOVERED))
                .evidence(Snippets.oneLine("GET " + path + " " + baseline.request().caller().phrase() + " -> "
                        + Refusals.judge(baseline).reason() + "; "
                        + bypass.request().method() + " " + bypass.request().uri().getRawPath() + " -> "
                        + bypass.status() + " with " + got + "; the same variant of a made-up sibling serves no data",
                        Snippets.MAX_EVIDENCE))
                .exchange(bypass).exchange(baseline)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(v.name())
                .build();
    }
}
