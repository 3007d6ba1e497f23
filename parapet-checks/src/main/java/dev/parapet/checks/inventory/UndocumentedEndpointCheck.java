package dev.parapet.checks.inventory;

import dev.parapet.checks.support.SpecResponses;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reports live endpoints discovery found at runtime that the API description does not document: shadow routes
 * nobody reviews, tests or retires. Judged only under the spec's base path (the root page, robots.txt and the
 * spec itself are not API operations) and only for answers carrying JSON data, confirmed by a made-up sibling that
 * does not answer the same. Stateless and thread-safe.
 */
public final class UndocumentedEndpointCheck implements Check {

    /** Endpoints judged per scan; each costs at most one control request. */
    private static final int MAX_ENDPOINTS = 15;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("undocumented-endpoint", Category.INVENTORY,
            "Live endpoint missing from the API description",
            "Compares endpoints discovered at runtime with the OpenAPI document and reports live JSON endpoints it "
                    + "does not document.",
            Severity.MEDIUM, List.of(1059), MAX_ENDPOINTS, Set.of("openapi", "shadow-api", "inventory"),
            "Document every route the service exposes (generate the spec from the code, e.g. springdoc or "
                    + "FastAPI's schema) or remove the route; fail the build when the router and the spec differ.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        Inventory inv = ctx.inventory();
        ApiSpec spec = inv.spec();
        if (!spec.present()) {
            return CheckOutcome.notApplicable("no API description was given or found");
        }
        String base = basePath(spec);
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (Endpoint ep : inv.endpoints()) {
            if (judged >= MAX_ENDPOINTS) {
                break;
            }
            if (ep.source() != Endpoint.Source.DISCOVERED || !ep.method().equals("GET")
                    || inv.apiDocuments().contains(ep.uri()) || !under(ep.uri(), base)
                    || ep.uri().getRawPath().equals("/robots.txt") || spec.match("GET", ep.uri()).isPresent()) {
                continue;
            }
            var answer = inv.answeredGet(ep.uri());
            if (answer.isEmpty() || !SpecResponses.carriesData(answer.get())) {
                continue;
            }
            judged++;
            if (!SpecResponses.catchAll(ctx, ep.uri(), answer.get())) {
                findings.add(finding(ep, answer.get(), spec));
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** The path the spec's operations are mapped under: the mapped URL minus the template's segments. */
    static String basePath(ApiSpec spec) {
        for (ApiOperation op : spec.operations()) {
            if (op.uri().isPresent()) {
                String[] mapped = op.uri().get().getRawPath().split("/", -1);
                int templateSegments = op.pathTemplate().split("/", -1).length - 1;
                int keep = Math.max(0, mapped.length - templateSegments);
                return String.join("/", java.util.Arrays.copyOfRange(mapped, 0, keep));
            }
        }
        return "";
    }

    private static boolean under(URI uri, String base) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return base.isEmpty() ? !path.isEmpty() && !path.equals("/") : path.startsWith(base + "/");
    }

    private static Finding finding(Endpoint ep, Exchange e, ApiSpec spec) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.FIRM)
                .title("Live endpoint " + ep.display() + " is missing from the API description")
                .evidence(Snippets.oneLine("not among the " + spec.operations().size() + " documented operations of "
                        + spec.source() + "; GET " + e.request().uri().getRawPath() + " -> " + e.status() + ": "
                        + Snippets.oneLine(e.body(), 120), Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(ep.display())
                .build();
    }
}
