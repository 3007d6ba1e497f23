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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryLearnsTheTargetWithinScopeTest {

    private final Queue<String> rawFileRequests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger itemRequests = new AtomicInteger();
    private LoopbackHttpServer other;
    private LoopbackHttpServer server;
    private HttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        other = LoopbackHttpServer.builder().route("*", "/*", r -> Response.json(200, "{}")).start();
        transport = EngineFixtures.transport();
    }

    @AfterEach
    void stop() {
        transport.close();
        if (server != null) {
            server.close();
        }
        other.close();
    }

    @Test
    void followsInScopeLinksFromJsonAndHtmlAndReadsRobotsTxt() throws Exception {
        server = LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, """
                        {"links": ["/users", "%s", "%s", "http://elsewhere.invalid/x", "/files/a%%2Fb?q=a%%26b"],
                         "name": "not a link", "nested": {"deeper": ["/deep"]}}"""
                        .formatted(server.uri("/orders"), other.uri("/stolen"))))
                .route("GET", "/users", r -> Response.html(200, """
                        <html><a href="/users/1">one</a> <a href="https://evil.invalid/z">x</a>
                        <form action="/search?a=1&amp;b=2"></form><a href="#top">top</a></html>"""))
                .route("GET", "/files/*", r -> {
                    rawFileRequests.add(r.uri().getRawPath() + "?" + r.uri().getRawQuery());
                    return Response.json(200, "{}");
                })
                .route("GET", "/robots.txt", r -> Response.text(200,
                        "User-agent: *\nDisallow: /admin\nAllow: /public/*\nDisallow: /*.php$\n"))
                .route("GET", "/*", r -> r.path().equals("/openapi.json") || r.path().startsWith("/api/")
                        ? Response.json(404, "{}") : Response.json(200, "{}"))
                .start();
        Inventory inventory = discover(server.uri(), 60);
        assertThat(paths(inventory)).contains("/", "/users", "/orders", "/deep", "/users/1", "/search?a=1&b=2",
                "/admin", "/public/", "/files/a%2Fb?q=a%26b");
        assertThat(inventory.endpoints()).allMatch(e -> e.uri().getPort() == server.port());
        assertThat(rawFileRequests).containsExactly("/files/a%2Fb?q=a%26b");
        assertThat(other.requestCount()).isZero();
        assertThat(inventory.exchanges()).allMatch(e -> e.request().uri().getPort() == server.port());
    }

    @Test
    void findsAnOpenApiDocumentAtTheOrigin() throws Exception {
        server = LoopbackHttpServer.builder()
                .route("GET", "/openapi.json", r -> Response.json(200, "{\"openapi\": \"3.0.3\", \"paths\": {}}"))
                .route("GET", "/*", r -> Response.json(r.path().equals("/") ? 200 : 404, "{}"))
                .start();
        Inventory inventory = discover(server.uri(), 60);
        assertThat(inventory.apiDocuments()).containsExactly(server.uri("/openapi.json"));
    }

    @Test
    void findsAnOpenApiDocumentUnderTheTargetsPath() throws Exception {
        server = LoopbackHttpServer.builder()
                .route("GET", "/api/v1/openapi.json", r -> Response.json(200, "openapi: 3.1.0\ninfo: {}\n"))
                .route("GET", "/api/v1", r -> Response.json(200, "{\"version\": 1}"))
                .route("GET", "/*", r -> Response.json(404, "{}"))
                .start();
        Inventory inventory = discover(server.uri("/api/v1"), 60);
        assertThat(inventory.apiDocuments()).containsExactly(server.uri("/api/v1/openapi.json"));
    }

    @Test
    void ignoresDocumentsThatOnlyMentionOpenApi() throws Exception {
        server = LoopbackHttpServer.builder()
                .route("GET", "/openapi.json", r -> Response.html(200, "<p>We love OpenAPI!</p>"))
                .route("GET", "/*", r -> Response.json(r.path().equals("/") ? 200 : 404, "{}"))
                .start();
        assertThat(discover(server.uri(), 60).apiDocuments()).isEmpty();
    }

    @Test
    void stopsAtMaxDiscoveredEndpoints() throws Exception {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            links.append(i == 0 ? "" : ",").append("\"/item/").append(i).append('"');
        }
        server = LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "[" + links + "]"))
                .route("GET", "/item/*", r -> {
                    if (r.uri().getRawQuery() == null) {
                        // the crawl's requests; parameter mining's carry a query
                        itemRequests.incrementAndGet();
                    }
                    return Response.json(200, "{\"next\": \"/item/x" + r.path().substring(6) + "\"}");
                })
                .route("GET", "/*", r -> Response.json(404, "{}"))
                .start();
        Inventory inventory = discover(server.uri(), 10);
        assertThat(inventory.endpoints()).hasSize(10);
        assertThat(itemRequests.get()).isLessThanOrEqualTo(9);
    }

    private Inventory discover(URI target, int maxEndpoints) throws InterruptedException {
        RequestExecutor executor = EngineFixtures.executor(transport, target, ScanMode.SAFE, 8, 5);
        Discovery discovery = new Discovery(executor, new ScopeGuard(target, List.of()), maxEndpoints);
        return discovery.discover(target, discovery.probeTarget(target));
    }

    private static List<String> paths(Inventory inventory) {
        return inventory.endpoints().stream().map(Endpoint::uri)
                .map(u -> u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())).toList();
    }
}
