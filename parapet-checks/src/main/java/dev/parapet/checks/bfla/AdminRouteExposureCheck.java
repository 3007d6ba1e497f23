package dev.parapet.checks.bfla;

import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Refusals;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Broken function-level authorization: administrative routes (the spec's admin-tagged or admin-named GET
 * operations first, then a wordlist of back-office paths) that serve data to an anonymous request, or to the
 * secondary identity while refusing anonymous ones. By convention the secondary identity ({@code --auth2-*}) is
 * the lower-privileged user. "Serves data" means a 2xx JSON answer with content that differs from what a made-up
 * path answers the same identity, so catch-all routes and login pages (HTML) never count. GET only. Stateless and
 * thread-safe.
 */
public final class AdminRouteExposureCheck implements Check {

    private static final AdminRoutes ROUTES = AdminRoutes.load();
    /** Routes tried per scan: the spec's administrative operations first, then the wordlist. */
    private static final int MAX_ROUTES = 16;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("admin-route-exposure", Category.BFLA,
            "Administrative function reachable without the admin role",
            "Requests administrative routes from the spec and a wordlist anonymously and as the lower-privileged "
                    + "second identity, and reports those that serve data.",
            Severity.HIGH, List.of(285, 862), 2 * MAX_ROUTES + 2, Set.of("bfla", "admin"),
            "Enforce the role on the server for every administrative route, in one place (a router-level "
                    + "middleware such as `router.use('/admin', requireRole('admin'))`), deny by default and answer "
                    + "403 to authenticated callers without the role.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        boolean second = ctx.has(Identity.SECONDARY);
        URI target = ctx.inventory().target();
        Exchange anonymousControl = ctx.probe(ProbeRequest.get(control(target)).as(Identity.ANONYMOUS));
        Exchange secondaryControl = second ? ctx.probe(ProbeRequest.get(control(target)).as(Identity.SECONDARY))
                : anonymousControl;
        List<Finding> findings = new ArrayList<>();
        for (URI uri : candidates(ctx)) {
            if (ctx.remainingBudget() <= 0) {
                break;
            }
            Exchange anonymous = ctx.probe(ProbeRequest.get(uri).as(Identity.ANONYMOUS));
            if (servesData(anonymous, anonymousControl)) {
                findings.add(finding(uri, anonymous, null));
            } else if (second && refused(anonymous)) {
                Exchange lower = ctx.probe(ProbeRequest.get(uri).as(Identity.SECONDARY));
                if (servesData(lower, secondaryControl)) {
                    findings.add(finding(uri, lower, anonymous));
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    private static Set<URI> candidates(CheckContext ctx) {
        Set<URI> out = new LinkedHashSet<>();
        for (ApiOperation op : ctx.inventory().spec().operations()) {
            if (op.method().equals("GET") && op.uri().isPresent() && ROUTES.administrative(op)) {
                out.add(op.uri().get());
            }
        }
        URI target = ctx.inventory().target();
        String base = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String dir = base.endsWith("/") ? base : base + "/";
        ROUTES.paths().forEach(p -> out.add(target.resolve(dir + p)));
        return out.stream().limit(MAX_ROUTES).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    private static URI control(URI target) {
        return target.resolve("/admin-parapet-control-5e81d2");
    }

    /** 2xx JSON with content, unlike the made-up path's answer to the same identity. */
    static boolean servesData(Exchange e, Exchange control) {
        boolean json = e.responseIfAny().map(r -> r.isJson()).orElse(false);
        boolean sameAsControl = control.status() == e.status() && control.body().equals(e.body());
        return json && SpecResponses.carriesData(e) && !sameAsControl;
    }

    private static boolean refused(Exchange e) {
        return Refusals.refused(e);
    }

    /**
     * Confirmed when what came back is the administrative artefact itself: a list of two or more accounts with
     * their roles or permissions. Otherwise firm: an admin-named route served data unlike a made-up path's.
     */
    static Confidence confidence(Exchange served) {
        return PrivilegeFieldExposureCheck.accountsWithPrivileges(served) >= 2 ? Confidence.CONFIRMED : Confidence.FIRM;
    }

    /** Who sent {@code e}, from the credentials it really carried. */
    private static String who(Exchange e) {
        return switch (e.request().caller()) {
            case SECONDARY -> "as the lower-privileged identity B (secondary)";
            case PRIMARY -> "as identity A (primary)";
            case ANONYMOUS -> "anonymous";
        };
    }

    private static Finding finding(URI uri, Exchange served, Exchange anonymous) {
        String path = uri.getRawPath();
        String evidence = "GET " + path + " " + who(served) + " -> " + served.status() + " "
                + Snippets.oneLine(served.body(), 80) + "; a made-up path answers differently"
                + (anonymous == null ? "" : "; " + who(anonymous) + " -> " + Refusals.judge(anonymous).reason() + " ("
                + dev.parapet.model.Curl.of(anonymous.request()) + ")");
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(confidence(served))
                .title("Administrative route GET " + path + " serves data to " + (served.request().caller()
                        .carriedCredentials() ? "a non-admin identity" : "anonymous requests"))
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(served)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags());
        if (anonymous != null) {
            b.exchange(anonymous);
        }
        return b.build();
    }
}
