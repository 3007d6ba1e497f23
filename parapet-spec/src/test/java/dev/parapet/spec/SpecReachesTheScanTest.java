package dev.parapet.spec;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Category;
import dev.parapet.model.Endpoint;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.service.ScanService;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.SpecCoverage;
import dev.parapet.spi.SpecWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine reads the spec through the installed loader and hands it to every check, in a real scan. */
class SpecReachesTheScanTest {

    private static final String SPEC = """
            {"openapi":"3.1.0","info":{"title":"Shop","version":"1"},
             "servers":[{"url":"https://shop.example.com/api"}],
             "paths":{"/items/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,
                 "schema":{"type":"integer","minimum":5}}],"responses":{"200":{"description":"ok"}}},
               "delete":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],
                 "responses":{"204":{"description":"gone"}}}}}}""";

    /** Captures the inventory it is given; sends nothing. */
    private static final class Capture implements Check {
        final AtomicReference<Inventory> seen = new AtomicReference<>();

        @Override
        public CheckDescriptor descriptor() {
            return new CheckDescriptor("capture", Category.INVENTORY, "Capture", "Captures the inventory.",
                    Severity.INFO, List.of(1059), 1, Set.of(), "None.");
        }

        @Override
        public CheckOutcome run(CheckContext ctx) {
            seen.set(ctx.inventory());
            return CheckOutcome.none();
        }
    }

    private final List<String> calls = new CopyOnWriteArrayList<>();

    private LoopbackHttpServer shop(boolean publishSpec) throws IOException {
        LoopbackHttpServer.Builder b = LoopbackHttpServer.builder();
        if (publishSpec) {
            b.route("GET", "/openapi.json", r -> Response.json(200, SPEC));
        }
        return b.route("*", "/api/items/*", r -> {
                    calls.add(r.method() + " " + r.path());
                    return Response.json(200, "{\"id\":5}");
                })
                .route("GET", "/", r -> Response.json(200, "{\"name\":\"shop\"}"))
                .route("GET", "*", r -> Response.json(404, "{}")).start();
    }

    private static Inventory scan(ScanConfig config, Capture capture) throws Exception {
        ScanReport report = new ScanService(List.of(capture)).run(config.withRate(500, 8)
                .withMaxTime(Duration.ofSeconds(60)).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                List.of());
        assertThat(report.checks().getFirst().status()).isEqualTo(CheckStatus.COMPLETED);
        return capture.seen.get();
    }

    @Test
    void discoveredSpecIsMappedUnderTheTargetAndOnlyItsGetOperationIsCalled() throws Exception {
        try (LoopbackHttpServer server = shop(true)) {
            Inventory inv = scan(ScanConfig.defaults(server.uri()), new Capture());
            assertThat(inv.spec().keptOperations()).isEqualTo(2);
            assertThat(inv.endpoints()).filteredOn(e -> e.source() == Endpoint.Source.SPEC)
                    .extracting(Endpoint::display).containsExactlyInAnyOrder("GET /api/items/5", "DELETE /api/items/1");
            assertThat(calls).containsExactly("GET /api/items/5");
            SpecCoverage coverage = SpecCoverage.of(inv);
            assertThat(coverage.documented()).isEqualTo(2);
            assertThat(coverage.tested()).isEqualTo(1);
            assertThat(coverage.source()).isEqualTo(server.uri("/openapi.json").toString());
        }
    }

    @Test
    void callsItemOperationsWithAnIdTheirCollectionListed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("listed.json");
        Files.writeString(file, SPEC.replace("\"paths\":{", "\"paths\":{\"/items\":{\"get\":{\"responses\":"
                + "{\"200\":{\"description\":\"ok\"}}}},"));
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/api/items", r -> Response.json(200, "[{\"id\":77},{\"id\":78}]"))
                .route("GET", "/api/items/77", r -> Response.json(200, "{\"id\":77}"))
                .route("GET", "*", r -> Response.json(404, "{}")).start()) {
            Inventory inv = scan(ScanConfig.defaults(server.uri()).withSpec(file.toString(), 0), new Capture());
            assertThat(inv.spec().match("GET", server.uri("/api/items/77"))).get()
                    .satisfies(o -> assertThat(o.uri()).contains(server.uri("/api/items/77")));
            assertThat(inv.answeredGets()).extracting(e -> e.request().uri().getPath()).contains("/api/items/77");
            assertThat(SpecCoverage.of(inv).tested()).isEqualTo(2);
        }
    }

    @Test
    void passiveModeReadsTheSpecButNeitherCallsNorAddsItsUrls() throws Exception {
        try (LoopbackHttpServer server = shop(true)) {
            ScanConfig c = ScanConfig.defaults(server.uri());
            ScanConfig passive = new ScanConfig(c.target(), c.scope(), dev.parapet.model.ScanMode.PASSIVE,
                    c.context(), c.rate(), c.concurrency(), c.maxTime(), c.connectTimeout(), c.readTimeout(),
                    c.maxBodyBytes(), c.maxRedirects(), c.hostErrorBudget(), c.maxDiscoveredEndpoints(), c.checks(),
                    c.insecure());
            Inventory inv = scan(passive, new Capture());
            assertThat(inv.spec().keptOperations()).isEqualTo(2);
            assertThat(inv.endpoints()).noneMatch(e -> e.source() == Endpoint.Source.SPEC);
            assertThat(calls).isEmpty();
        }
    }

    @Test
    void readsASpecFileGivenByTheUser(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, SPEC);
        try (LoopbackHttpServer server = shop(false)) {
            Inventory inv = scan(ScanConfig.defaults(server.uri()).withSpec(file.toString(), 0), new Capture());
            assertThat(inv.spec().source()).isEqualTo(file.toString());
            assertThat(inv.spec().operations()).hasSize(2);
        }
    }

    @Test
    void aNamedSpecUrlOutsideTheScopeIsAUsageErrorSayingHowToAllowIt() throws Exception {
        try (LoopbackHttpServer server = shop(false)) {
            assertThatThrownBy(() -> scan(ScanConfig.defaults(server.uri())
                    .withSpec("https://specs.example.com/shop.json", 0), new Capture()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("outside the scan's scope")
                    .hasMessageContaining("--spec-host specs.example.com");
            assertThat(calls).isEmpty();
        }
    }

    @Test
    void aBrokenNamedSpecStopsTheScanWithItsFirstProblemBeforeAnyRequest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "openapi: 3.0.3\npaths: [\n  - {");
        try (LoopbackHttpServer server = shop(false)) {
            assertThatThrownBy(() -> scan(ScanConfig.defaults(server.uri()).withSpec(file.toString(), 0),
                    new Capture())).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("--spec " + file + ": not valid YAML at line 3");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void aBrokenSpecDiscoveryFoundNeverStopsTheScan() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/openapi.json", r -> Response.json(200, "{\"openapi\":\"3.0.3\",\"paths\":{"))
                .route("GET", "/", r -> Response.json(200, "{\"name\":\"shop\"}"))
                .route("GET", "*", r -> Response.json(404, "{}")).start()) {
            Inventory inv = scan(ScanConfig.defaults(server.uri()), new Capture());
            assertThat(inv.spec().operations()).isEmpty();
            assertThat(inv.target()).isEqualTo(server.uri());
        }
    }

    @Test
    void readsASpecUrlOnTheTargetsOrigin() throws Exception {
        try (LoopbackHttpServer server = shop(true)) {
            URI spec = server.uri("/openapi.json");
            Inventory inv = scan(ScanConfig.defaults(server.uri()).withSpec(spec.toString(), 3), new Capture());
            assertThat(inv.spec().source()).isEqualTo(spec.toString());
            assertThat(inv.endpoints()).extracting(Endpoint::display).contains("GET /api/items/8");
        }
    }
}
