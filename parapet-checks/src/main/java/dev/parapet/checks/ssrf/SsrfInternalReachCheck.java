package dev.parapet.checks.ssrf;

import java.util.function.Supplier;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds URL-accepting inputs whose server fetches internal addresses, judged only by content Parapet asked for,
 * never by status codes. The engine hands it every input whose value is a URL ({@link ValueShape#URL}) in any
 * location but an XML body (JSON and form bodies in active mode, sent through {@link WriteAwareProbe} so nothing is
 * left behind). The screen asks for a loopback self-fetch (a page of the target whose body Parapet holds, addressed
 * as {@code 127.0.0.1}); only an input that demonstrably fetched it is confirmed, once per entry, with the internal
 * services of {@code checks/ssrf-internal-reach/targets.json}. Each answer is compared with the baseline (the
 * input's original value). A loopback or private target is only ever sent loopback and {@code file://} values, so
 * the server under test never connects elsewhere. Stateless and thread-safe.
 */
public final class SsrfInternalReachCheck implements InputCheck<SsrfInternalReachCheck.Signal> {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("ssrf-internal-reach", Category.SSRF,
            "Server-side requests reach internal addresses",
            "A URL-accepting parameter makes the server fetch loopback, internal-service, file:// or cloud-metadata"
                    + " URLs and return what it got.",
            Severity.HIGH, List.of(918), 0, Set.of(Finding.TAG_CONTAINER_ESCAPE, "stage:entry"),
            "Never fetch client-supplied URLs from the server's network position; where a feature needs it, allow-list"
                    + " https hosts, resolve and refuse internal addresses, refuse redirects, use a separate egress.");

    static final Supplier<InternalTargets> DATA = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "targets.json", InternalTargets.class));

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

    /** What a screen proved: the probe to use again, the baseline answer, and the self-fetch finding. */
    record Signal(WriteAwareProbe probe, Exchange baseline, Finding self) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.PASSIVE ? Optional.of("SSRF needs probe values; a passive scan sends none")
                : Optional.empty();
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        return p.is(ValueShape.URL) && p.location() != InputLocation.XML;
    }

    /** The object an update writes, the baseline, the self-fetch. */
    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 2;
    }

    /** One probe per internal service. */
    @Override
    public int confirmCost() {
        return DATA.get().targets().size();
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Optional<WriteAwareProbe> probe = WriteAwareProbe.prepare(ctx, p);
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        Exchange baseline = probe.get().baseline(ctx);
        if (!baseline.answered()) {
            return Optional.empty();
        }
        Optional<SelfPage> page = SelfPage.choose(ctx.inventory(), p.operation().uri().getRawPath(),
                probe.get()::text, baseline.body());
        if (page.isEmpty()) {
            return Optional.empty();
        }
        URI value = page.get().loopbackUrl();
        Exchange answer = probe.get().send(ctx, value.toString());
        if (!answer.answered() || !page.get().foundIn(answer.body())) {
            return Optional.empty();
        }
        String evidence = probe.get().label(value.toString()) + " returned the content of that page ("
                + String.join(", ", page.get().markers().stream().map(m -> "\"" + m + "\"").toList())
                + "), which the original value's response did not carry";
        Finding self = base(p, answer, baseline, Severity.HIGH, "loopback")
                .title("Server fetches loopback URLs given in " + where(p) + " (SSRF)")
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .build();
        return Optional.of(new Signal(probe.get(), baseline, self));
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        URI target = ctx.inventory().target();
        int port = SelfPage.loopbackOf(target).getPort();
        List<Finding> findings = new ArrayList<>(List.of(s.self()));
        for (InternalTargets.Target t : DATA.get().within(TargetHost.allowedScopes(target))) {
            if (ctx.remainingBudget() <= 0) {
                break;
            }
            URI value = t.urlFor(port);
            if (!t.matches(s.baseline().body()).isEmpty()) {
                continue;
            }
            Exchange answer = s.probe().send(ctx, value.toString());
            List<String> matched = answer.answered() ? t.matches(answer.body()) : List.of();
            if (matched.size() < t.minimum()) {
                continue;
            }
            Finding.Builder b = base(p, answer, s.baseline(), t.severity(), t.id())
                    .title("SSRF through " + where(p) + " reaches " + t.service())
                    .evidence(Snippets.oneLine(s.probe().label(value.toString()) + " returned " + t.service()
                            + " content: " + String.join(" | ", matched), Snippets.MAX_EVIDENCE));
            if (t.host()) {
                b.tag("stage:host");
            }
            findings.add(b.build());
        }
        return findings;
    }

    /** {@code the 'url' parameter}, {@code the JSON field 'imageUrl'}: how titles name the input. */
    private static String where(InputPoint p) {
        return p.location() == InputLocation.QUERY ? "the '" + p.name() + "' parameter" : "the " + p.describe();
    }

    private static Finding.Builder base(InputPoint p, Exchange probe, Exchange baseline, Severity severity,
                                        String discriminator) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity).confidence(Confidence.CONFIRMED)
                .endpoint(new Endpoint(p.operation().method(), p.operation().uri(), p.operation().source()))
                .parameter(p.name()).discriminator(discriminator)
                .exchange(probe).exchange(baseline)
                .remediation(REMEDIATION).references(DESCRIPTOR.references())
                .tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:entry");
    }
}
