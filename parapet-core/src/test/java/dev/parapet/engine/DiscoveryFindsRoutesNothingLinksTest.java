package dev.parapet.engine;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.http.HttpTransport;
import dev.parapet.model.Endpoint;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Inventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** The sources beyond the crawl, each on a small server, and what passive mode leaves out. */
class DiscoveryFindsRoutesNothingLinksTest {

    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private LoopbackHttpServer server;
    private HttpTransport transport;

    @BeforeEach
    void start() {
        transport = EngineFixtures.transport();
    }

    @AfterEach
    void stop() {
        transport.close();
        if (server != null) {
            server.close();
        }
    }

    private LoopbackHttpServer.Builder builder() {
        return LoopbackHttpServer.builder().observer(r -> requests.add(r.method() + " " + r.uri().getRawPath()
                + (r.uri().getRawQuery() == null ? "" : "?" + r.uri().getRawQuery())));
    }

    @Test
    void readsTheDocumentALinkHeaderDescribesAndLearnsItsServerAsABasePath() throws Exception {
        server = builder()
                .route("GET", "/", r -> Response.json(200, "{\"ok\":true}")
                        .header("Link", "</meta/service.json>; rel=\"service-desc\", </help>; rel=\"help\""))
                .route("GET", "/meta/service.json", r -> Response.json(200,
                        "{\"openapi\":\"3.0.3\",\"servers\":[{\"url\":\"/internal/v3\"}],\"paths\":{}}"))
                .route("GET", "/internal/v3/admin", r -> Response.json(200, "{\"users\":3}"))
                .route("GET", "*", r -> Response.json(404, "{\"error\":\"not found\"}"))
                .start();
        Inventory inv = discover(server.uri(), ScanMode.SAFE);
        assertThat(inv.apiDocuments()).containsExactly(server.uri("/meta/service.json"));
        assertThat(inv.documents().getFirst().inline()).isFalse();
        assertThat(inv.basePaths()).contains(server.uri("/internal/v3/"));
        assertThat(endpoints(inv)).contains("GET /meta/service.json api document", "GET /internal/v3/admin wordlist");
        assertThat(requests).doesNotContain("GET /help");
    }

    @Test
    void listsTheMethodsA405AnswerAllows() throws Exception {
        server = builder()
                .route("GET", "/", r -> Response.json(200, "{\"login\":\"/api/login\"}"))
                .route("GET", "/api/login", r -> Response.json(405, "{\"error\":\"use POST\"}")
                        .header("Allow", "POST, OPTIONS"))
                .route("GET", "*", r -> Response.json(404, "{}"))
                .start();
        assertThat(endpoints(discover(server.uri(), ScanMode.SAFE))).contains("POST /api/login crawl");
    }

    @Test
    void takesMethodsFromTheTargetsOptionsOnlyWhenAMadeUpPathListsOthers() throws Exception {
        server = builder()
                .route("OPTIONS", "/", r -> Response.empty(204).header("Allow", "GET, PUT, DELETE"))
                .route("OPTIONS", "*", r -> Response.empty(204).header("Allow", "GET, HEAD"))
                .route("GET", "/", r -> Response.json(200, "{}"))
                .route("GET", "*", r -> Response.json(404, "{}"))
                .start();
        assertThat(endpoints(discover(server.uri(), ScanMode.SAFE))).contains("PUT / crawl", "DELETE / crawl");
        server.close();
        server = builder()
                .route("OPTIONS", "*", r -> Response.empty(204).header("Allow", "GET, PUT, DELETE"))
                .route("GET", "/", r -> Response.json(200, "{}"))
                .route("GET", "*", r -> Response.json(404, "{}"))
                .start();
        assertThat(endpoints(discover(server.uri(), ScanMode.SAFE))).noneMatch(e -> e.startsWith("PUT"));
    }

    @Test
    void learnsAPrefixWhoseMadeUpPathsAnotherHandlerAnswers() throws Exception {
        server = builder()
                .route("GET", "/api/status", r -> Response.json(200, "{\"up\":true}"))
                .route("GET", "/api/*", r -> Response.json(404, "{\"error\":\"no such route\"}"))
                .route("GET", "*", r -> Response.text(404, "Not Found"))
                .start();
        Inventory inv = discover(server.uri(), ScanMode.SAFE);
        assertThat(inv.basePaths()).contains(server.uri("/api/"));
        assertThat(endpoints(inv)).contains("GET /api/status wordlist");
    }

    @Test
    void passiveModeGuessesNothing() throws Exception {
        server = builder()
                .route("GET", "/", r -> Response.html(200, "<html><form action=\"/find\"><input name=\"q\"></form>"
                        + "<script src=\"/app.js\"></script></html>"))
                .route("GET", "/app.js", r -> new Response(200, List.of(java.util.Map.entry("Content-Type",
                        "application/javascript")), "fetch('/api/items')".getBytes()))
                .route("GET", "*", r -> Response.json(404, "{}"))
                .start();
        Inventory inv = discover(server.uri(), ScanMode.PASSIVE);
        assertThat(requests).noneMatch(r -> r.contains(SoftNotFound.MARKER) || r.contains("/admin")
                || r.contains("/api/items") || r.startsWith("GET /find?"));
        assertThat(inv.forms()).hasSize(1);
        assertThat(endpoints(inv)).contains("GET /find?q= html form");
        assertThat(endpoints(inv)).noneMatch(e -> e.endsWith("wordlist") || e.endsWith("javascript")
                || e.endsWith("mined"));
    }

    @Test
    void stopsGuessingWhenTheTargetThrottlesHalfOfAChunk() throws Exception {
        server = builder().route("GET", "/", r -> Response.json(200, "{}"))
                .route("*", "*", r -> Response.json(429, "{\"error\":\"slow down\"}").header("Retry-After", "0"))
                .start();
        discover(server.uri(), ScanMode.SAFE);
        assertThat(requests).noneMatch(r -> r.contains("/admin") || r.contains("/actuator"));
        assertThat(requests.size()).isLessThan(150);
    }

    @Test
    void leavesThreeQuartersOfAnAnnouncedRateLimitToTheChecks() throws Exception {
        java.util.concurrent.atomic.AtomicInteger used = new java.util.concurrent.atomic.AtomicInteger();
        server = builder()
                .route("*", "*", r -> {
                    int n = used.incrementAndGet();
                    Response base = r.path().equals("/") ? Response.json(200, "{}") : Response.json(404, "{}");
                    return base.header("RateLimit", "limit=120, remaining=" + Math.max(0, 120 - n) + ", reset=60")
                            .header("RateLimit-Policy", "120;w=60");
                })
                .start();
        discover(server.uri(), ScanMode.SAFE);
        // a quarter of 120 used, then at most the chunk in flight; unbraked, discovery sends about 200 here
        assertThat(used.get()).isLessThanOrEqualTo(30 + 64);
        assertThat(RateLimitHeaders.remainingShare(dev.parapet.model.Headers.of("X-RateLimit-Limit", "60",
                "X-RateLimit-Remaining", "15"))).hasValue(0.25);
        assertThat(RateLimitHeaders.remainingShare(dev.parapet.model.Headers.of("RateLimit", "\"default\";r=50;t=30",
                "RateLimit-Policy", "\"default\";q=100;w=60"))).hasValue(0.5);
        assertThat(RateLimitHeaders.remainingShare(dev.parapet.model.Headers.of("RateLimit", "soon"))).isEmpty();
    }

    @Test
    void stopsStartingStagesAtItsDeadline() throws Exception {
        server = builder().route("GET", "/", r -> Response.json(200, "{}"))
                .route("GET", "*", r -> Response.json(404, "{}")).start();
        RequestExecutor executor = EngineFixtures.executor(transport, server.uri(), ScanMode.SAFE, 8, 5);
        Discovery discovery = new Discovery(executor, new ScopeGuard(server.uri(), List.of()),
                Discovery.Limits.defaults(60, java.time.Instant.now().minusSeconds(1)), 0L);
        discovery.discover(server.uri(), discovery.probeTarget(server.uri()));
        assertThat(requests).hasSize(1);
    }

    private Inventory discover(URI target, ScanMode mode) throws InterruptedException {
        requests.clear();
        RequestExecutor executor = EngineFixtures.executor(transport, target, mode, 8, 5);
        Discovery discovery = new Discovery(executor, new ScopeGuard(target, List.of()), 60);
        return discovery.discover(target, discovery.probeTarget(target));
    }

    private static List<String> endpoints(Inventory inv) {
        return inv.endpoints().stream().map(e -> e.display() + " " + e.source().label()).toList();
    }
}
