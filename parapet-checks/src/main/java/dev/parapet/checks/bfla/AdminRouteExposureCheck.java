package dev.parapet.checks.bfla;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Broken function-level authorization: administrative routes (the spec's admin-tagged or admin-named GET
 * operations first, then a wordlist of back-office paths under every base path the scan knows: the target's path,
 * then prefixes discovery learnt such as {@code /api/v2/}, then the origin) that serve data to an anonymous request,
 * or to the secondary identity while refusing anonymous ones. By convention the secondary identity
 * ({@code --auth2-*}) is the lower-privileged user. "Serves data" means a 2xx JSON answer with content that differs
 * from what a made-up path under the same base answers the same identity, so catch-all routes and login pages (HTML)
 * never count. The routes tried grow with the number of bases, up to {@link #MAX_ROUTES}. GET only. Stateless and
 * thread-safe.
 */
public final class AdminRouteExposureCheck implements Check {

    private static final Supplier<AdminRoutes> ROUTES = CheckData.once(() -> AdminRoutes.load());
    /** Routes tried for a scan with one base path: the spec's administrative operations first, then the wordlist. */
    private static final int BASE_ROUTES = 16;
    /** Routes each further base path adds. */
    private static final int ROUTES_PER_EXTRA_BASE = 8;
    /** Base paths tried: the controls are per base and per identity. */
    private static final int MAX_BASES = 4;
    private static final int MAX_ROUTES = BASE_ROUTES + (MAX_BASES - 1) * ROUTES_PER_EXTRA_BASE;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("admin-route-exposure", Category.BFLA,
            "Administrative function reachable without the admin role",
            "Requests administrative routes from the spec and a wordlist anonymously and as the lower-privileged "
                    + "second identity, and reports those that serve data.",
            Severity.HIGH, List.of(285, 862), 2 * MAX_ROUTES + 2 * MAX_BASES, Set.of("bfla", "admin"),
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
        List<URI> bases = bases(ctx);
        Map<URI, Exchange[]> controls = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (URI uri : candidates(ctx, bases)) {
            if (ctx.remainingBudget() <= 0) {
                break;
            }
            URI base = baseOf(uri, bases);
            Exchange[] control = controls.get(base);
            if (control == null) {
                Exchange anonymous = ctx.probe(ProbeRequest.get(control(base)).as(Identity.ANONYMOUS));
                control = new Exchange[]{anonymous, second
                        ? ctx.probe(ProbeRequest.get(control(base)).as(Identity.SECONDARY)) : anonymous};
                controls.put(base, control);
            }
            Exchange anonymous = ctx.probe(ProbeRequest.get(uri).as(Identity.ANONYMOUS));
            if (servesData(anonymous, control[0])) {
                findings.add(finding(uri, anonymous, null));
            } else if (second && refused(anonymous)) {
                Exchange lower = ctx.probe(ProbeRequest.get(uri).as(Identity.SECONDARY));
                if (servesData(lower, control[1])) {
                    findings.add(finding(uri, lower, anonymous));
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** The target's path first, then learnt prefixes, then the origin: at most {@link #MAX_BASES}. */
    private static List<URI> bases(CheckContext ctx) {
        List<URI> all = ctx.inventory().basePaths();
        List<URI> out = new ArrayList<>(all.subList(Math.min(1, all.size()), all.size()));
        out.add(all.getFirst());
        return out.stream().limit(MAX_BASES).toList();
    }

    /** The spec's administrative GET operations, then the wordlist under each base, within the scan's route cap. */
    private static Set<URI> candidates(CheckContext ctx, List<URI> bases) {
        Set<URI> out = new LinkedHashSet<>();
        for (ApiOperation op : ctx.inventory().spec().operations()) {
            if (op.method().equals("GET") && op.uri().isPresent() && ROUTES.get().administrative(op)) {
                out.add(op.uri().get());
            }
        }
        for (URI base : bases) {
            ROUTES.get().paths().forEach(p -> out.add(base.resolve(p)));
        }
        int routes = Math.min(MAX_ROUTES, BASE_ROUTES + (bases.size() - 1) * ROUTES_PER_EXTRA_BASE);
        return out.stream().limit(routes).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    /** The longest base holding {@code uri}; the origin for a spec operation under none of them. */
    private static URI baseOf(URI uri, List<URI> bases) {
        URI best = uri.resolve("/");
        for (URI b : bases) {
            if (uri.getRawPath().startsWith(b.getRawPath()) && b.getRawPath().length() > best.getRawPath().length()) {
                best = b;
            }
        }
        return best;
    }

    private static URI control(URI base) {
        return base.resolve("admin-parapet-control-5e81d2");
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
