package dev.parapet.checks.inventory;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Notices an API that carries no version anywhere: no version segment in any discovered path, no version query
 * parameter, no version header, no versioned media type. Without one, every change breaks clients or lingers
 * unannounced, and old behaviour cannot be retired deliberately. Needs at least {@link #MIN_ENDPOINTS} JSON
 * endpoints, so a tiny service or a single health route is not judged. As a second signal it asks whether a
 * versioned twin ({@code /v1/...}) of the first endpoint answers; if it does, the unversioned routes are aliases and
 * nothing is reported. Signals are data ({@code signals.json}). Stateless and thread-safe.
 */
public final class ApiVersioningMissingCheck implements Check {

    /** Fewer JSON endpoints than this are too little API to judge a versioning scheme by. */
    static final int MIN_ENDPOINTS = 3;
    private static final Supplier<VersionSignals> SIGNALS = CheckData.once(() -> VersionSignals.load());
    private static final Pattern SEGMENT = SIGNALS.get().segmentPattern();
    private static final Pattern MEDIA_TYPE = SIGNALS.get().mediaTypePattern();

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("api-versioning-missing", Category.INVENTORY,
            "API carries no version",
            "Reports APIs whose discovered JSON endpoints carry no version in path, query, header or media type.",
            Severity.LOW, List.of(1059), 2, Set.of("versioning", "inventory"),
            "Version the API explicitly, e.g. mount routes under /v1 (`app.use('/v1', router)`) or send an "
                    + "Api-Version header, and document how long old versions stay live.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        Inventory inv = ctx.inventory();
        Map<String, Exchange> apiEndpoints = new LinkedHashMap<>();
        for (Exchange e : inv.answeredGets()) {
            URI u = e.request().uri();
            if (e.response().isSuccess() && e.response().isJson() && !inv.apiDocuments().contains(u)) {
                if (SIGNALS.get().versionedUrl(u, SEGMENT) || !SIGNALS.get().versionInResponse(e, MEDIA_TYPE).isEmpty()) {
                    return CheckOutcome.none();
                }
                apiEndpoints.putIfAbsent(u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath(), e);
            }
        }
        if (apiEndpoints.size() < MIN_ENDPOINTS) {
            return CheckOutcome.notApplicable("found " + apiEndpoints.size() + " JSON endpoint(s); at least "
                    + MIN_ENDPOINTS + " are needed to judge versioning");
        }
        List<Exchange> aliasProbes = new ArrayList<>();
        if (ctx.mode() != ScanMode.PASSIVE) {
            String firstPath = apiEndpoints.keySet().stream().filter(p -> !p.equals("/")).findFirst().orElse("/");
            for (URI alias : aliasesOf(inv.target(), firstPath)) {
                Exchange e = ctx.probe(ProbeRequest.get(alias));
                if (e.answered() && e.response().isSuccess() && e.response().isJson()) {
                    return CheckOutcome.none();
                }
                aliasProbes.add(e);
            }
        }
        List<String> paths = List.copyOf(apiEndpoints.keySet());
        String listed = String.join(", ", paths.subList(0, Math.min(8, paths.size())))
                + (paths.size() > 8 ? " and " + (paths.size() - 8) + " more" : "");
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.LOW).confidence(Confidence.FIRM)
                .title("API carries no version in paths, headers or media types")
                .endpoint(new Endpoint("GET", inv.target(), Endpoint.Source.TARGET))
                .evidence(Evidence.cap(paths.size() + " JSON endpoints without a version: " + listed
                        + "; no version header or versioned media type"
                        + (aliasProbes.isEmpty() ? "" : "; versioned twin " + aliasProbes.getFirst().request().uri()
                        .getRawPath() + " answered " + (aliasProbes.getFirst().answered()
                        ? aliasProbes.getFirst().status() : "nothing"))))
                .exchanges(apiEndpoints.values().stream().limit(3).toList())
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags());
        aliasProbes.stream().limit(1).forEach(b::exchange);
        return CheckOutcome.findings(List.of(b.build()));
    }

    /** Versioned twins of {@code path}: each alias prefix in front of it, and after a leading /api segment. */
    static List<URI> aliasesOf(URI target, String path) {
        List<URI> out = new ArrayList<>();
        for (String prefix : SIGNALS.get().aliasPrefixes()) {
            out.add(target.resolve("/" + prefix + path));
            if (path.startsWith("/api/")) {
                out.add(target.resolve("/api/" + prefix + path.substring(4)));
            }
        }
        return out.stream().distinct().limit(DESCRIPTOR.requestBudget()).toList();
    }
}
