package dev.parapet.spec;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.Category;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.SpecSummary;
import dev.parapet.service.ScanService;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A spec URL is fetched only from the scan's scope or a host named with {@code --spec-host}. Two loopback servers on
 * different ports stand for two hosts: the scanned API and a separate documentation host.
 */
class SpecHostTest {

    private static final String SPEC = """
            {"openapi":"3.0.3","info":{"title":"Shop","version":"1"},
             "paths":{"/api/gadgets":{"get":{"responses":{"200":{"description":"ok"}}}}}}""";

    /** Judges nothing and sends nothing: the scan is here for its spec stage. Keeps the inventory it was given. */
    private static final class Idle implements Check {
        static final java.util.concurrent.atomic.AtomicReference<Inventory> SEEN =
                new java.util.concurrent.atomic.AtomicReference<>();

        @Override
        public CheckDescriptor descriptor() {
            return new CheckDescriptor("idle", Category.INVENTORY, "Idle", "Sends nothing.", Severity.INFO,
                    List.of(1059), 1, java.util.Set.of(), "None.");
        }

        @Override
        public CheckOutcome run(CheckContext ctx) {
            SEEN.set(ctx.inventory());
            return CheckOutcome.none();
        }
    }

    private final List<String> apiCalls = new CopyOnWriteArrayList<>();

    private LoopbackHttpServer api() throws IOException {
        return LoopbackHttpServer.builder()
                .route("GET", "/api/gadgets", r -> {
                    apiCalls.add(r.path());
                    return Response.json(200, "[{\"id\":1}]");
                })
                .route("GET", "/", r -> Response.json(200, "{\"name\":\"shop\"}"))
                .route("GET", "*", r -> Response.json(404, "{}")).start();
    }

    private static LoopbackHttpServer docs(Response answer) throws IOException {
        return LoopbackHttpServer.builder().route("GET", "/openapi.json", r -> answer).start();
    }

    private static SpecSummary scan(ScanConfig config) throws Exception {
        ScanReport report = new ScanService(List.of(new Idle())).run(config.withRate(500, 8).withMaxTime(Duration.ofSeconds(60))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), List.of());
        return report.spec();
    }

    @Test
    void refusesASpecOnAnotherHostAndSaysWhichSpecHostToAdd() throws Exception {
        try (LoopbackHttpServer api = api(); LoopbackHttpServer docs = docs(Response.json(200, SPEC))) {
            String url = docs.uri("/openapi.json").toString();
            // a spec the user named and Parapet may not fetch is a usage error, before anything is scanned
            assertThatThrownBy(() -> scan(ScanConfig.defaults(api.uri()).withSpec(url, 0)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("--spec-host 127.0.0.1:" + docs.port());
            assertThat(docs.requestCount()).as("nothing is sent to a host the user did not allow").isZero();
            assertThat(apiCalls).isEmpty();
        }
    }

    @Test
    void fetchesASpecFromAHostNamedWithSpecHost() throws Exception {
        try (LoopbackHttpServer api = api(); LoopbackHttpServer docs = docs(Response.json(200, SPEC))) {
            String url = docs.uri("/openapi.json").toString();
            SpecSummary spec = scan(ScanConfig.defaults(api.uri()).withSpec(url, 0)
                    .withSpecHosts(List.of("127.0.0.1:" + docs.port())));
            assertThat(spec.source()).isEqualTo(url);
            assertThat(spec.documented()).isEqualTo(1);
            assertThat(spec.tested()).isEqualTo(1);
            assertThat(docs.requestCount()).isEqualTo(1);
            assertThat(apiCalls).contains("/api/gadgets");
        }
    }

    @Test
    void aSpecHostWithoutAPortAllowsItsEveryPort() throws Exception {
        try (LoopbackHttpServer api = api(); LoopbackHttpServer docs = docs(Response.json(200, SPEC))) {
            SpecSummary spec = scan(ScanConfig.defaults(api.uri()).withSpec(docs.uri("/openapi.json").toString(), 0)
                    .withSpecHosts(List.of("127.0.0.1")));
            assertThat(spec.documented()).isEqualTo(1);
        }
    }

    @Test
    void aSpecHostWithAnotherPortDoesNotAllowThisOne() throws Exception {
        try (LoopbackHttpServer api = api(); LoopbackHttpServer docs = docs(Response.json(200, SPEC))) {
            assertThatThrownBy(() -> scan(ScanConfig.defaults(api.uri())
                    .withSpec(docs.uri("/openapi.json").toString(), 0)
                    .withSpecHosts(List.of("127.0.0.1:" + (docs.port() == 1 ? 2 : docs.port() - 1)))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("outside the scan's scope");
            assertThat(docs.requestCount()).isZero();
        }
    }

    @Test
    void neverFollowsARedirectFromTheSpecHostToAHostNobodyAllowed() throws Exception {
        try (LoopbackHttpServer api = api(); LoopbackHttpServer elsewhere = docs(Response.json(200, SPEC));
             LoopbackHttpServer docs = docs(Response.empty(302)
                     .header("Location", elsewhere.uri("/openapi.json").toString()))) {
            assertThatThrownBy(() -> scan(ScanConfig.defaults(api.uri())
                    .withSpec(docs.uri("/openapi.json").toString(), 0)
                    .withSpecHosts(List.of("127.0.0.1:" + docs.port()))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("HTTP 302");
            assertThat(elsewhere.requestCount()).isZero();
        }
    }

    private static final String ITEM = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
            + "\"label\":{\"type\":\"string\"}}}";

    private static String referring(String ref) {
        return """
                {"openapi":"3.0.3","info":{"title":"Shop","version":"1"},
                 "paths":{"/api/items":{"get":{"responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"%s"}}}}}}}}}""".formatted(ref);
    }

    private static java.util.Set<String> itemProperties() {
        return Idle.SEEN.get().spec().operations().getFirst().responseSchemaProperties();
    }

    @Test
    void followsAReferenceToADocumentOnTheTargetsOrigin(@TempDir Path dir) throws Exception {
        try (LoopbackHttpServer api = LoopbackHttpServer.builder()
                .route("GET", "/schemas/item.json", r -> Response.json(200, ITEM))
                .route("GET", "/api/items", r -> Response.json(200, "{\"id\":1,\"label\":\"a\"}"))
                .route("GET", "*", r -> Response.json(404, "{}")).start()) {
            Path file = dir.resolve("api.json");
            Files.writeString(file, referring(api.uri("/schemas/item.json").toString()));
            SpecSummary spec = scan(ScanConfig.defaults(api.uri()).withSpec(file.toString(), 0));
            assertThat(spec.warnings()).isEmpty();
            assertThat(itemProperties()).containsExactlyInAnyOrder("id", "label");
        }
    }

    @Test
    void refusesAReferenceToAnotherHostAtItsPointerUntilItIsASpecHost(@TempDir Path dir) throws Exception {
        try (LoopbackHttpServer api = api(); LoopbackHttpServer schemas = LoopbackHttpServer.builder()
                .route("GET", "/item.json", r -> Response.json(200, ITEM)).start()) {
            Path file = dir.resolve("api.json");
            Files.writeString(file, referring(schemas.uri("/item.json").toString()));
            SpecSummary refused = scan(ScanConfig.defaults(api.uri()).withSpec(file.toString(), 0));
            assertThat(refused.warnings()).singleElement().asString()
                    .startsWith("/paths/~1api~1items/get/responses/200/content/application~1json/schema/$ref: ")
                    .contains("--spec-host 127.0.0.1:" + schemas.port());
            assertThat(schemas.requestCount()).isZero();
            assertThat(itemProperties()).isEmpty();

            SpecSummary allowed = scan(ScanConfig.defaults(api.uri()).withSpec(file.toString(), 0)
                    .withSpecHosts(List.of("127.0.0.1:" + schemas.port())));
            assertThat(allowed.warnings()).isEmpty();
            assertThat(schemas.requestCount()).isEqualTo(1);
            assertThat(itemProperties()).containsExactlyInAnyOrder("id", "label");
        }
    }

    @Test
    void resolvesRelativeReferencesOfAFetchedSpecAgainstItsUrl() throws Exception {
        try (LoopbackHttpServer api = api(); LoopbackHttpServer docs = LoopbackHttpServer.builder()
                .route("GET", "/v1/openapi.json", r -> Response.json(200, referring("./item.json")))
                .route("GET", "/v1/item.json", r -> Response.json(200, ITEM)).start()) {
            SpecSummary spec = scan(ScanConfig.defaults(api.uri()).withSpec(docs.uri("/v1/openapi.json").toString(), 0)
                    .withSpecHosts(List.of("127.0.0.1:" + docs.port())));
            assertThat(spec.warnings()).isEmpty();
            assertThat(docs.requestCount()).isEqualTo(2);
            assertThat(itemProperties()).containsExactlyInAnyOrder("id", "label");
        }
    }
}
