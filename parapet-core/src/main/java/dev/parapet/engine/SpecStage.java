package dev.parapet.engine;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ScanConfig;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.ApiDocument;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.SpecFetcher;
import dev.parapet.spi.SpecLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Adds the API description to discovery's inventory: reads the spec the user named (a file, or a URL inside the
 * scope or on a host named with {@code --spec-host}, fetched through the executor; see {@link SpecSources}) or else the first API document discovery found, adds its operations as
 * {@link Endpoint.Source#SPEC} endpoints, and calls its GET operations once so checks can judge their answers (at
 * most {@code maxCalls}, a share of the scan's request budget that {@code --max-endpoints} does not limit; never a
 * GET the document describes as changing state; in passive mode the spec is attached but neither called nor
 * added): collections first, then item operations with an id their collection listed where there is one (see
 * {@link ListIds}). The reader is found through {@link ServiceLoader}, so the engine
 * works, without a spec, when none is on the class path. A bad spec discovery found never stops the scan (its
 * problems are warnings); one the user named that cannot be read at all does, before anything is scanned
 * ({@link #readNamed}).
 */
final class SpecStage {

    private static final Logger LOG = LoggerFactory.getLogger(SpecStage.class);

    private final RequestExecutor executor;
    private final ScopeGuard scope;
    private final Optional<SpecLoader> loader;
    private final StateChange stateChange = new StateChange(SurfaceVocabulary.get());

    SpecStage(RequestExecutor executor, ScopeGuard scope, Optional<SpecLoader> loader) {
        this.executor = executor;
        this.scope = scope;
        this.loader = loader;
    }

    static Optional<SpecLoader> installedLoader() {
        return ServiceLoader.load(SpecLoader.class).findFirst();
    }

    /**
     * Reads the spec the user named ({@code --spec}), before anything is scanned; {@link ApiSpec#EMPTY} when none
     * was named. A document the user gave is configuration: one that cannot be read, or does not read as Swagger or
     * OpenAPI at all, stops the scan here. One that reads with problems is kept, its problems are warnings.
     *
     * @throws ConfigException naming the spec and its first problem, in one line
     */
    ApiSpec readNamed(ScanConfig config) throws InterruptedException {
        if (config.spec().isEmpty()) {
            return ApiSpec.EMPTY;
        }
        ApiSpec spec = read(new Inventory(config.target(), List.of(), List.of(), List.of()), config);
        if (spec.operations().isEmpty() && spec.version().isEmpty()) {
            String first = spec.warnings().isEmpty() ? "the document is neither Swagger 2.0 nor OpenAPI 3.x"
                    : (spec.warnings().getFirst().pointer().isEmpty() ? "" : spec.warnings().getFirst().pointer()
                    + ": ") + spec.warnings().getFirst().message();
            throw new ConfigException("--spec " + config.spec() + ": " + first.replaceAll("\\s+", " ").strip());
        }
        return spec;
    }

    /** Adds {@code named} (from {@link #readNamed}), or else the first API document discovery found. */
    Inventory enrich(Inventory inventory, ScanConfig config, int maxCalls, ApiSpec named)
            throws InterruptedException {
        ApiSpec spec = named.source().isEmpty() ? read(inventory, config) : named;
        announce(spec);
        if (spec.operations().isEmpty()) {
            return withSpec(inventory, inventory.endpoints(), inventory.exchanges(), spec);
        }
        if (config.mode() == ScanMode.PASSIVE) {
            // Passive mode promises plain requests to endpoints discovery met; spec URLs are judged, never added.
            return withSpec(inventory, inventory.endpoints(), inventory.exchanges(), spec);
        }
        List<Endpoint> endpoints = new ArrayList<>(inventory.endpoints());
        Set<String> known = new LinkedHashSet<>();
        endpoints.forEach(e -> known.add(e.method() + " " + e.uri()));
        List<Exchange> exchanges = new ArrayList<>(inventory.exchanges());
        // Collections first, so item operations can be called with ids their collections listed.
        List<ApiOperation> collections = spec.operations().stream().filter(o -> !o.pathTemplate().contains("{"))
                .toList();
        exchanges.addAll(call(register(collections, endpoints, known, maxCalls)));
        ListIds ids = ListIds.index(spec.operations(), exchanges);
        List<ApiOperation> operations = spec.operations().stream().map(o -> o.pathTemplate().contains("{")
                ? ids.withListedId(o) : o).toList();
        List<ApiOperation> items = operations.stream().filter(o -> o.pathTemplate().contains("{")).toList();
        int left = Math.max(0, maxCalls - (exchanges.size() - inventory.exchanges().size()));
        exchanges.addAll(call(register(items, endpoints, known, left)));
        ApiSpec mapped = new ApiSpec(spec.source(), spec.version(), operations, spec.servers(), spec.warnings(),
                spec.keptOperations(), spec.skippedOperations());
        return withSpec(inventory, endpoints, exchanges, mapped);
    }

    /** Adds the operations' endpoints not yet known; returns the GET URLs to call, at most {@code maxCalls}. */
    private List<URI> register(List<ApiOperation> ops, List<Endpoint> endpoints, Set<String> known, int maxCalls) {
        List<URI> toCall = new ArrayList<>();
        for (ApiOperation op : ops) {
            if (op.uri().isEmpty() || !scope.allows(op.uri().get())) {
                continue;
            }
            URI u = op.uri().get();
            if (known.add(op.method() + " " + u)) {
                endpoints.add(new Endpoint(op.method(), u, Endpoint.Source.SPEC));
                // a GET the document itself describes as changing state (GET /reset) is never called in safe mode
                if (op.method().equals("GET") && toCall.size() < maxCalls && stateChange.of(op).isEmpty()) {
                    toCall.add(u);
                }
            }
        }
        return toCall;
    }

    /** Tells the user what was read: counts at INFO, each problem (at most {@code 20}) at WARN with its pointer. */
    private static void announce(ApiSpec spec) {
        if (spec.source().isEmpty() && spec.warnings().isEmpty()) {
            return;
        }
        LOG.info("API description {} (version {}): {} operations kept, {} skipped, {} warnings", spec.source(),
                spec.version().isEmpty() ? "unknown" : spec.version(), spec.keptOperations(),
                spec.skippedOperations(), spec.warnings().size());
        spec.warnings().stream().limit(20).forEach(w -> LOG.warn("spec {}{}: {}", spec.source(),
                w.pointer().isEmpty() ? "" : " at " + w.pointer(), w.message()));
    }

    private static Inventory withSpec(Inventory i, List<Endpoint> endpoints, List<Exchange> exchanges, ApiSpec s) {
        return new Inventory(i.target(), endpoints, exchanges, i.apiDocuments(), s, i.forms(), i.surface(),
                i.basePaths(), i.documents());
    }

    private ApiSpec read(Inventory inventory, ScanConfig config) throws InterruptedException {
        String named = config.spec();
        if (loader.isEmpty()) {
            return named.isEmpty() ? ApiSpec.EMPTY : ApiSpec.unreadable(named, "",
                    "no OpenAPI reader is installed (the parapet-spec module is missing), so the spec was not read");
        }
        SpecLoader reader = loader.get();
        URI target = inventory.target();
        SpecSources sources = new SpecSources(scope, config.specHosts());
        SpecFetcher refs = fetcher(sources);
        try {
            if (named.startsWith("http://") || named.startsWith("https://")) {
                URI u = URI.create(named);
                if (!sources.allows(u)) {
                    String message = "the spec URL's host is outside the scan's scope, so it was not fetched; add "
                            + "--spec-host " + SpecSources.hostOption(u) + " to allow it, or download the spec and "
                            + "pass the file";
                    return ApiSpec.unreadable(named, "", message);
                }
                Exchange e = executor.execute(ProbeRequest.get(u).followingRedirects(), sources::allows);
                if (!e.answered() || e.status() != 200) {
                    return ApiSpec.unreadable(named, "", "the spec URL answered "
                            + (e.answered() ? "HTTP " + e.status() : e.error()) + ", not the document");
                }
                return reader.load(e.body(), u, target, config.seed(), refs);
            }
            if (!named.isEmpty()) {
                return reader.load(Path.of(named), target, config.seed(), refs);
            }
            // The first document discovery found, with its text: a spec a Swagger UI script carried inline is the
            // document alone, never the script around it.
            if (!inventory.documents().isEmpty()) {
                ApiDocument d = inventory.documents().getFirst();
                return reader.load(d.text(), d.url(), target, config.seed(), refs);
            }
            for (Exchange e : inventory.exchanges()) {
                if (e.answered() && inventory.apiDocuments().contains(e.request().uri())) {
                    return reader.load(e.body(), e.request().uri(), target, config.seed(), refs);
                }
            }
            return ApiSpec.EMPTY;
        } catch (RuntimeException e) {
            LOG.debug("the spec reader failed", e);
            return ApiSpec.unreadable(named, "", "the spec could not be read: " + e);
        }
    }

    /**
     * Fetches the documents a spec refers to under the same rule as the spec URL: inside the scope or on a
     * {@code --spec-host}, redirects included; anything else is refused with the option that would allow it.
     */
    private SpecFetcher fetcher(SpecSources sources) {
        return uri -> {
            if (!sources.allows(uri)) {
                return new SpecFetcher.Result.Refused("its host is outside the scan's scope; add --spec-host "
                        + SpecSources.hostOption(uri) + " to allow it, or download it next to the spec");
            }
            try {
                Exchange e = executor.execute(ProbeRequest.get(uri).followingRedirects(), sources::allows);
                if (!e.answered() || e.status() != 200) {
                    return new SpecFetcher.Result.Refused(uri + " answered "
                            + (e.answered() ? "HTTP " + e.status() : e.error()) + ", not a document");
                }
                if (e.response().truncated()) {
                    return new SpecFetcher.Result.Refused(uri + " is larger than the scan's body cap");
                }
                return new SpecFetcher.Result.Document(e.body());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return new SpecFetcher.Result.Refused("the scan was stopping");
            }
        };
    }

    private List<Exchange> call(List<URI> uris) throws InterruptedException {
        List<Exchange> out = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Exchange>> futures = new ArrayList<>();
            for (URI u : uris) {
                futures.add(pool.submit(() -> executor.retained().keep(executor.execute(ProbeRequest.get(u)))));
            }
            for (Future<Exchange> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a spec probe failed inside Parapet", e.getCause());
                }
            }
        }
        return out;
    }
}
