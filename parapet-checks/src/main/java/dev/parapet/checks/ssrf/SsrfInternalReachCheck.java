package dev.parapet.checks.ssrf;

import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds URL-accepting query parameters whose server fetches internal addresses, judged only by content Parapet
 * asked for, never by status codes. Per parameter: first a loopback self-fetch (a page of the target whose body
 * Parapet holds, addressed as {@code 127.0.0.1}); only a parameter that demonstrably fetched it is then asked, once
 * per entry, for the internal services of {@code checks/ssrf-internal-reach/targets.json}. Each answer is compared
 * with the baseline (the parameter's original value). A loopback or private target is only ever sent loopback and
 * {@code file://} values, so the server under test never connects elsewhere. Stateless and thread-safe.
 */
public final class SsrfInternalReachCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("ssrf-internal-reach", Category.SSRF,
            "Server-side requests reach internal addresses",
            "A URL-accepting parameter makes the server fetch loopback, internal-service, file:// or cloud-metadata"
                    + " URLs and return what it got.",
            Severity.HIGH, List.of(918), 30, Set.of(Finding.TAG_CONTAINER_ESCAPE, "stage:entry"),
            "Never fetch client-supplied URLs from the server's network position; where a feature needs it, allow-list"
                    + " https hosts, resolve and refuse internal addresses, refuse redirects, use a separate egress.");

    static final InternalTargets DATA = CheckData.load(DESCRIPTOR.id(), "targets.json", InternalTargets.class);

    static final String REMEDIATION = "Do not fetch URLs taken from requests. If the feature needs it: accept https"
            + " only, allow-list the hosts, resolve the name and refuse loopback, private, link-local and metadata"
            + " addresses (then connect to the address you checked), refuse redirects, cap size and time, and send"
            + " the request through a separate egress proxy that cannot reach internal networks."
            + " Koa/Node: `const u = new URL(ctx.query.url); if (u.protocol !== 'https:' || !ALLOWED.has(u.hostname))"
            + " ctx.throw(400); const a = await dns.lookup(u.hostname, {all: true}); if (a.some(x =>"
            + " blocked.check(x.address))) ctx.throw(400); await fetch(u, {redirect: 'error'});` (blocked: a"
            + " net.BlockList of 127/8, 10/8, 172.16/12, 192.168/16, 169.254/16, ::1, fc00::/7)."
            + " Java: refuse InetAddress#isLoopbackAddress/isSiteLocalAddress/isLinkLocalAddress/isAnyLocalAddress;"
            + " Python: refuse ipaddress.ip_address(a).is_private or .is_loopback.";

    /** A parameter is started only with room for its baseline (when not recorded) and its self-fetch probe. */
    private static final int PROBES_PER_PARAMETER = 2;

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("SSRF needs probe values; a passive scan sends none");
        }
        List<UrlParameter> parameters = UrlParameter.find(ctx.inventory(), DATA);
        if (parameters.isEmpty()) {
            return CheckOutcome.notApplicable("no URL-accepting query parameter among "
                    + ctx.inventory().endpoints().size() + " known endpoints");
        }
        URI target = ctx.inventory().target();
        List<InternalTargets.Target> services = DATA.within(TargetHost.allowedScopes(target));
        int port = SelfPage.loopbackOf(target).getPort();
        List<Finding> findings = new ArrayList<>();
        for (UrlParameter p : parameters) {
            if (ctx.remainingBudget() < PROBES_PER_PARAMETER) {
                break;
            }
            Exchange baseline = p.baseline().isPresent() ? p.baseline().get() : ctx.probe(ProbeRequest.get(p.uri()));
            if (!baseline.answered()) {
                continue;
            }
            Optional<Finding> self = selfFetch(ctx, p, baseline);
            if (self.isEmpty()) {
                continue;
            }
            findings.add(self.get());
            for (InternalTargets.Target t : services) {
                if (ctx.remainingBudget() <= 0) {
                    break;
                }
                service(ctx, p, baseline, t, port).ifPresent(findings::add);
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** Asks the parameter to fetch a page of the target through loopback; a finding when its markers come back. */
    private static Optional<Finding> selfFetch(CheckContext ctx, UrlParameter p, Exchange baseline)
            throws InterruptedException {
        Optional<SelfPage> page = SelfPage.choose(ctx.inventory(), p, baseline.body());
        if (page.isEmpty()) {
            return Optional.empty();
        }
        URI value = page.get().loopbackUrl();
        Exchange probe = ctx.probe(ProbeRequest.get(p.withValue(value.toString())));
        if (!probe.answered() || !page.get().foundIn(probe.body())) {
            return Optional.empty();
        }
        String evidence = p.name() + "=" + value + " returned the content of that page ("
                + String.join(", ", page.get().markers().stream().map(m -> "\"" + m + "\"").toList())
                + "), which the original value's response did not carry";
        return Optional.of(base(p, probe, baseline, Severity.HIGH, "loopback")
                .title("Server fetches loopback URLs given in the '" + p.name() + "' parameter (SSRF)")
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .build());
    }

    /** Asks the parameter to fetch one internal service; a finding when enough of its signatures come back. */
    private static Optional<Finding> service(CheckContext ctx, UrlParameter p, Exchange baseline,
                                             InternalTargets.Target t, int port) throws InterruptedException {
        URI value = t.urlFor(port);
        if (!t.matches(baseline.body()).isEmpty()) {
            return Optional.empty();
        }
        Exchange probe = ctx.probe(ProbeRequest.get(p.withValue(value.toString())));
        List<String> matched = probe.answered() ? t.matches(probe.body()) : List.of();
        if (matched.size() < t.minimum()) {
            return Optional.empty();
        }
        Finding.Builder b = base(p, probe, baseline, t.severity(), t.id())
                .title("SSRF through '" + p.name() + "' reaches " + t.service())
                .evidence(Snippets.oneLine(p.name() + "=" + value + " returned " + t.service() + " content: "
                        + String.join(" | ", matched), Snippets.MAX_EVIDENCE));
        if (t.host()) {
            b.tag("stage:host");
        }
        return Optional.of(b.build());
    }

    private static Finding.Builder base(UrlParameter p, Exchange probe, Exchange baseline, Severity severity,
                                        String discriminator) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity).confidence(Confidence.CONFIRMED)
                .endpoint(p.endpoint()).parameter(p.name()).discriminator(discriminator)
                .exchange(probe).exchange(baseline)
                .remediation(REMEDIATION).references(DESCRIPTOR.references())
                .tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:entry");
    }
}
