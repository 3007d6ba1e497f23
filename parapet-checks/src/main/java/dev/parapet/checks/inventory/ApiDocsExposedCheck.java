package dev.parapet.checks.inventory;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiDocument;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports API documentation anyone can read: description documents discovery found, served on their own or inline
 * in a documentation page's script (with the number of operations they reveal), and interactive documentation pages (Swagger UI, ReDoc, ...) at the usual paths, recognised by
 * markers in their HTML rather than by status code. Public documentation is often a conscious choice, hence LOW;
 * for internal APIs it hands an attacker the full map. Paths and markers are data ({@code ui-pages.json}).
 * Stateless and thread-safe.
 */
public final class ApiDocsExposedCheck implements Check {

    private static final Supplier<DocPages> PAGES = CheckData.once(() -> DocPages.load());

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("api-docs-exposed", Category.INVENTORY,
            "API documentation publicly exposed",
            "Reports OpenAPI/Swagger documents found by discovery and Swagger UI or ReDoc pages at the usual paths, "
                    + "recognised by their HTML.",
            Severity.LOW, List.of(200, 497), 12, Set.of("api-docs", "information-disclosure"),
            "Serve API documentation for internal APIs only behind authentication or on an internal network, e.g. "
                    + "springdoc `springdoc.swagger-ui.enabled=false` in production; keep public docs deliberate.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        Inventory inv = ctx.inventory();
        Set<URI> described = new LinkedHashSet<>();
        for (ApiDocument doc : inv.documents()) {
            // an inline document is judged by its own text, not by the script that carried it
            recordedGet(inv, doc.url()).filter(e -> e.status() == 200).ifPresent(e -> OpenApiSummary.parse(doc.text())
                    .ifPresent(s -> findings.add(documentFinding(e, s, doc.inline()))));
            described.add(doc.url());
        }
        for (URI doc : inv.apiDocuments()) {
            if (!described.contains(doc)) {
                recordedGet(inv, doc).filter(e -> e.status() == 200).ifPresent(e -> OpenApiSummary.parse(e.body())
                        .ifPresent(s -> findings.add(documentFinding(e, s, false))));
            }
        }
        Map<String, List<Exchange>> pagesByTool = new LinkedHashMap<>();
        Set<URI> seenPages = new LinkedHashSet<>();
        for (URI page : pageCandidates(inv.target())) {
            Optional<Exchange> recorded = recordedGet(inv, page);
            if (recorded.isEmpty() && ctx.mode() == ScanMode.PASSIVE) {
                continue;
            }
            Exchange e = recorded.isPresent() ? recorded.get() : ctx.probe(ProbeRequest.get(page).followingRedirects());
            if (e.answered() && e.status() == 200 && seenPages.add(e.request().uri())) {
                PAGES.get().toolOf(e.body()).ifPresent(tool -> pagesByTool.computeIfAbsent(tool, k -> new ArrayList<>())
                        .add(e));
            }
        }
        pagesByTool.forEach((tool, pages) -> findings.add(pageFinding(pages, tool)));
        return CheckOutcome.findings(findings);
    }

    /** The documentation paths under the origin and, when the target has a path, under the target too. */
    static List<URI> pageCandidates(URI target) {
        Set<URI> out = new LinkedHashSet<>();
        URI origin = target.resolve("/");
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        URI base = target.resolve(path.endsWith("/") ? path : path + "/");
        for (String p : PAGES.get().paths()) {
            out.add(origin.resolve(p));
            out.add(base.resolve(p));
        }
        return List.copyOf(out);
    }

    private static Optional<Exchange> recordedGet(Inventory inv, URI uri) {
        return inv.answeredGet(uri);
    }

    private static Finding documentFinding(Exchange e, OpenApiSummary s, boolean inline) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.LOW).confidence(Confidence.CONFIRMED)
                .title("API description document is publicly readable")
                .evidence("GET " + e.request().uri().getRawPath() + " -> 200: " + s.describe()
                        + (inline ? " (inline in the documentation page's script)" : ""))
                .exchange(e)
                .remediation("If the API is internal or partner-only, require authentication for the document or "
                        + "do not deploy it (e.g. serve it only from a docs host). If it is public on purpose, check "
                        + "it lists no internal or admin operations.")
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator("document")
                .build();
    }

    private static Finding pageFinding(List<Exchange> pages, String tool) {
        Exchange e = pages.getFirst();
        List<String> others = pages.stream().skip(1).map(p -> p.request().uri().getRawPath()).toList();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.LOW).confidence(Confidence.CONFIRMED)
                .title(tool + " documentation page is publicly reachable")
                .evidence(Evidence.cap("GET " + e.request().uri().getRawPath() + " -> 200 " + e.response().contentType()
                        + ", a " + tool + " page" + (e.redirects() > 0 ? " (after " + e.redirects() + " redirect(s))" : "")
                        + (others.isEmpty() ? "" : "; also at " + String.join(", ", others))))
                .exchange(e)
                .remediation("Disable the interactive documentation in production for internal APIs (springdoc: "
                        + "`springdoc.swagger-ui.enabled=false`; FastAPI: `FastAPI(docs_url=None, redoc_url=None)`) "
                        + "or put it behind authentication; it lets anyone try every operation from a browser.")
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator("page:" + tool)
                .build();
    }
}
