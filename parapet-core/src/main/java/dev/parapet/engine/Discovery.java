package dev.parapet.engine;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Learns the target without a spec, each source bounded by its own cap ({@link Limits}):
 * <ol>
 *   <li>the URL itself (GET, HEAD, OPTIONS), robots.txt, the common API-document and documentation-page locations
 *       under the origin and the target's path, and each of those bases' soft-404 ({@link SoftNotFound});</li>
 *   <li>a breadth-first crawl of in-scope links in JSON and HTML bodies ({@code --max-endpoints}), which also
 *       collects HTML forms, {@code Link} headers, scripts, and what documentation pages point at;</li>
 *   <li>the documents, Swagger UI configurations and scripts those point at: documents served or inlined
 *       ({@code swaggerDoc} in {@code swagger-ui-init.js}), route literals in same-origin JavaScript;</li>
 *   <li>outside passive mode, guesses under every base path learnt ({@link DiscoveryGuesses}): prefixes, wordlists,
 *       script routes, document locations, the {@code Allow} header of 405 answers, HTML GET forms, and parameter
 *       mining.</li>
 * </ol>
 * Every exchange that found something is kept for the checks. Runs its requests on virtual threads; the executor's
 * limits keep it polite, and no stage starts after {@link Limits#stopStartingAt()}.
 */
final class Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    /**
     * The caps of each source.
     *
     * @param maxCrawled             the target and crawled endpoints ({@code --max-endpoints})
     * @param maxBasePaths           base paths, the origin included, that wordlists and document locations are
     *                               tried under
     * @param maxDocumentFetches     documents, Swagger UI configurations and documentation-page scripts fetched
     *                               because a page pointed at them
     * @param maxScripts             application scripts fetched for route literals
     * @param maxScriptChars         characters of one script or page read for literals and pointers
     * @param maxScriptRoutes        route literals requested
     * @param maxWordlistRequests    wordlist and document-location requests under learnt bases, calibration
     *                               included
     * @param maxWordlistPerBase     of those, per base other than the origin and the target's path
     * @param maxMinedEndpoints      endpoints parameter mining runs on
     * @param maxMiningRequests      mining requests per endpoint
     * @param stopStartingAt         no stage starts after this instant
     */
    record Limits(int maxCrawled, int maxBasePaths, int maxDocumentFetches, int maxScripts, int maxScriptChars,
                  int maxScriptRoutes, int maxWordlistRequests, int maxWordlistPerBase, int maxMinedEndpoints,
                  int maxMiningRequests, Instant stopStartingAt) {

        static Limits defaults(int maxCrawled, Instant stopStartingAt) {
            return new Limits(maxCrawled, 6, 12, 8, 2_000_000, 40, 400, 100, 20, 12, stopStartingAt);
        }
    }

    private final RequestExecutor executor;
    private final ScopeGuard scope;
    private final Limits limits;
    private final long seed;
    private final DiscoveryData data = DiscoveryData.INSTANCE;

    Discovery(RequestExecutor executor, ScopeGuard scope, int maxEndpoints) {
        this(executor, scope, Limits.defaults(maxEndpoints, Instant.MAX), 0L);
    }

    /**
     * @param seed the scan's {@code --seed}: the made-up paths and parameter-mining values are drawn from it, so two
     *             scans with the same seed send the same requests
     */
    Discovery(RequestExecutor executor, ScopeGuard scope, Limits limits, long seed) {
        this.executor = executor;
        this.scope = scope;
        this.limits = limits;
        this.seed = seed;
    }

    /** The target's own GET exchange, sent first so an unreachable target is known before anything else. */
    Exchange probeTarget(URI target) throws InterruptedException {
        return executor.execute(ProbeRequest.get(target).followingRedirects());
    }

    Inventory discover(URI target, Exchange first) throws InterruptedException {
        long sentBefore = executor.requestsSent();
        DiscoveryLedger ledger = new DiscoveryLedger(target, new BasePaths(target, data.prefixSegment));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            DiscoveryRun run = new DiscoveryRun(ledger, limits, data, executor, scope, pool);
            ledger.keep(first);
            ledger.endpoint("GET", target, Endpoint.Source.TARGET);
            run.observe(first);
            run.signals(first);
            boolean guessing = executor.mode() != ScanMode.PASSIVE;
            DiscoveryGuesses guesses = new DiscoveryGuesses(run, new java.util.SplittableRandom(seed));
            fixed(run, guesses, guessing);
            run.crawl();
            run.pointedAt();
            if (guessing) {
                guesses.run();
            }
        }
        Inventory inventory = ledger.inventory(limits.maxBasePaths());
        LOG.info("discovery: {} endpoints ({}), {} API documents, {} forms, base paths {}, {} requests",
                inventory.endpoints().size(), bySource(inventory), inventory.documents().size(),
                inventory.forms().size(), inventory.basePaths().stream().map(URI::getRawPath).toList(),
                executor.requestsSent() - sentBefore);
        return inventory;
    }

    /**
     * HEAD and OPTIONS of the target, robots.txt, the document and documentation-page locations under the origin
     * and the target's path, and (when guessing) those bases' soft-404s, all at once.
     */
    private void fixed(DiscoveryRun run, DiscoveryGuesses guesses, boolean guessing) throws InterruptedException {
        URI target = run.ledger.target;
        List<ProbeRequest> probes = new ArrayList<>(List.of(ProbeRequest.of("HEAD", target),
                ProbeRequest.of("OPTIONS", target), ProbeRequest.get(run.origin.resolve("/robots.txt"))));
        List<URI> bases = Inventory.defaultBasePaths(target);
        Set<URI> locations = new LinkedHashSet<>();
        for (URI base : bases) {
            data.documents.everyPrefix().forEach(p -> locations.add(base.resolve(p)));
            if (guessing) {
                // passive mode keeps to the short list of the most common locations
                data.documents.rootOnly().forEach(p -> locations.add(base.resolve(p)));
            }
        }
        locations.remove(target);
        locations.forEach(u -> probes.add(ProbeRequest.get(u).followingRedirects()));
        List<URI> calibration = guessing ? guesses.calibrationProbes(bases) : List.of();
        calibration.forEach(u -> probes.add(ProbeRequest.get(u)));
        List<Exchange> answers = run.send(probes);
        for (int i = 0; i < answers.size(); i++) {
            Exchange e = answers.get(i);
            run.signals(e);
            if (i < 3) {
                run.ledger.keep(e);
                if (i == 1) {
                    run.targetOptions = e;
                }
                if (i == 2 && e.answered() && e.status() == 200) {
                    run.crawl.addAll(Links.robots(e.body(), run.origin));
                }
            } else if (i < 3 + locations.size()) {
                guesses.location(e);
            }
        }
        guesses.learnCalibration(bases, answers.subList(Math.min(answers.size(), 3 + locations.size()),
                answers.size()));
    }

    private static String bySource(Inventory inventory) {
        StringBuilder sb = new StringBuilder();
        for (Endpoint.Source s : Endpoint.Source.values()) {
            long n = inventory.endpoints().stream().filter(e -> e.source() == s).count();
            if (n > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(s.label());
            }
        }
        return sb.toString();
    }
}
