package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.store.StoreLocation;
import dev.parapet.testkit.fixtures.HeadersFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API end to end: a server with the embedded store and one in-process worker, scanning a fixture on
 * 127.0.0.1 (loopback explicitly allowed, as an administrator would), called over HTTP with real keys.
 */
class ApiServerTest {

    static final Map<String, String> FAST = Map.of("PARAPET_RATE", "500");

    static LoopbackHttpServer fixture;
    static ParapetServer server;
    static Api api;
    static String member;
    static String viewer;
    static String completed;
    static StoreLocation db;

    @BeforeAll
    static void start() throws Exception {
        fixture = HeadersFixtures.bare();
        db = StoreLocation.of("jdbc:h2:mem:api-" + Ids.next() + ";DB_CLOSE_DELAY=-1", "--db");
        server = ParapetServer.start(new ParapetServer.Options("127.0.0.1", 0, db, 1, List.of("127.0.0.1/32"), 200,
                400, FAST), Duration.ofSeconds(10), Duration.ofMillis(100));
        api = new Api(server.port());
        ServerAdmin admin = ServerAdmin.open(db);
        member = admin.createKey("acme", "member").key();
        viewer = admin.createKey("acme", "viewer").key();
        completed = api.submit(member, fixture.uri().toString());
        assertThat(api.awaitEnd(member, completed).path("status").asText()).isEqualTo("completed");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aCompletedScanShowsItsGradeAndItsReportDownloadsInEveryFormat() throws Exception {
        JsonNode job = Api.json(api.get("/api/v1/scans/" + completed, viewer));
        assertThat(job.path("grade").asText()).isNotEmpty();
        assertThat(job.path("scanId").asText()).isNotEmpty();
        Map<String, String> types = Map.of("json", "application/json", "sarif", "application/sarif+json", "html",
                "text/html", "pdf", "application/pdf", "markdown", "text/markdown", "junit", "application/xml");
        for (var e : types.entrySet()) {
            HttpResponse<byte[]> r = api.getBytes("/api/v1/scans/" + completed + "/report?format=" + e.getKey(),
                    viewer);
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(e.getKey()).startsWith(e.getValue());
            assertThat(r.body().length).as(e.getKey()).isGreaterThan(100);
        }
        byte[] pdf = api.getBytes("/api/v1/scans/" + completed + "/report?format=pdf", viewer).body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String json = new String(api.getBytes("/api/v1/scans/" + completed + "/report", viewer).body(),
                StandardCharsets.UTF_8);
        assertThat(Api.JSON.readTree(json).path("scanId").asText()).isEqualTo(job.path("scanId").asText());
    }

    @Test
    void historyIsNewestFirstAndFiltersByTarget() throws Exception {
        String second = api.submit(member, fixture.uri().toString());
        api.awaitEnd(member, second);
        JsonNode scans = Api.json(api.get("/api/v1/scans?limit=2&target=" + fixture.uri(), viewer)).path("scans");
        assertThat(scans).hasSize(2);
        assertThat(scans.get(0).path("id").asText()).isEqualTo(second);
        assertThat(Api.json(api.get("/api/v1/scans?target=http://127.0.0.1:1/", viewer)).path("scans")).isEmpty();

        HttpResponse<String> diff = api.get("/api/v1/scans/" + completed + "/diff/" + second, viewer);
        assertThat(diff.statusCode()).isEqualTo(200);
        JsonNode d = Api.json(diff);
        assertThat(d.path("fromId").asText()).isEqualTo(completed);
        assertThat(d.path("new")).as("the same fixture gives the same findings").isEmpty();
        assertThat(d.path("counts").path("unchanged").asInt()).isGreaterThan(0);
    }

    @Test
    void theEventStreamOfAnEndedScanGivesItsFinalStatusAndEnds() throws Exception {
        HttpResponse<String> r = api.events(completed, viewer);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(r.body()).contains("event: status").contains("\"status\":\"completed\"");
    }

    @Test
    void theEventStreamOfAQueuedScanFollowsItToTheEnd() throws Exception {
        String id = api.submit(member, fixture.uri().toString());
        HttpResponse<String> r = api.events(id, viewer);
        assertThat(r.body()).contains("\"status\":\"completed\"");
        assertThat(r.body().indexOf("\"status\":\"completed\"")).isGreaterThan(r.body().indexOf("event: status"));
    }

    @Test
    void cancellingAFinishedScanIsAConflictAndAViewerCannotCancel() throws Exception {
        HttpResponse<String> byViewer = api.delete("/api/v1/scans/" + completed, viewer);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        HttpResponse<String> r = api.delete("/api/v1/scans/" + completed, member);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Api.json(r).path("detail").asText()).contains("already ended (completed)");
    }

    @Test
    void invalidRequestsAreRefusedWithProblemDetailsThatSayWhatToSend() throws Exception {
        Map<String, String> bodies = Map.of(
                "{}", "target is required",
                "[1]", "must be a JSON object",
                "{\"target\":\"ftp://x\"}", "http:// or https://",
                "{\"target\":\"http://127.0.0.1:1/\",\"colour\":1}", "unknown field 'colour'",
                "{\"target\":\"http://127.0.0.1:1/\",\"mode\":\"active\"}", "\"safe\" or \"passive\"",
                "{\"target\":\"http://127.0.0.1:1/\",\"checks\":[\"no such\"]}", "not a check or category id",
                "{\"target\":\"http://127.0.0.1:1/\",\"checks\":[\"no-such-check\"]}", "unknown check id",
                "{\"target\":\"http://127.0.0.1:1/\",\"maxTime\":\"forever\"}", "maxTime must be a duration",
                "not json", "not JSON");
        for (var e : bodies.entrySet()) {
            HttpResponse<String> r = api.post("/api/v1/scans", member, e.getKey());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
            JsonNode p = Api.json(r);
            assertThat(p.path("status").asInt()).isEqualTo(400);
            assertThat(p.path("type").asText()).isEqualTo("urn:parapet:problem:invalid-request");
            assertThat(p.path("detail").asText()).as(e.getKey()).contains(e.getValue());
        }
        HttpResponse<String> big = api.post("/api/v1/scans", member, "{\"target\":\"" + "a".repeat(
                ApiServer.MAX_BODY + 10) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        HttpResponse<String> text = api.send(api.request("/api/v1/scans", member).header("Content-Type",
                "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(api.get("/api/v1/scans?limit=0", viewer).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/nothing-here", viewer).statusCode()).isEqualTo(404);
    }

    @Test
    void metricsNeedAnAdminKeyAndCountTheQueue() throws Exception {
        assertThat(api.get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/metrics", member).statusCode()).isEqualTo(403);
        String admin = ServerAdmin.open(db).createKey("ops", "admin").key();
        HttpResponse<String> r = api.get("/metrics", admin);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(r.body()).contains("# TYPE parapet_queue_depth gauge").contains("parapet_scans_running ")
                .contains("parapet_scans{status=\"completed\"} ")
                .containsPattern("parapet_scan_duration_seconds_count [1-9]")
                .containsPattern("parapet_scan_duration_seconds_sum [0-9]+\\.[0-9]{3}");
    }

    @Test
    void aCallWithoutAValidKeyIsUnauthenticated() throws Exception {
        HttpResponse<String> none = api.get("/api/v1/scans", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Api.json(none).path("detail").asText()).contains("Bearer pk_…");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        assertThat(api.get("/api/v1/scans", "pk_" + "A".repeat(43)).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/scans", member.substring(0, member.length() - 1) + "x").statusCode())
                .as("a key differing in its last character").isEqualTo(401);
        assertThat(api.get("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/readyz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() throws Exception {
        ServerAdmin admin = ServerAdmin.open(db);
        ServerAdmin.CreatedKey key = admin.createKey("acme", "viewer");
        assertThat(api.get("/api/v1/scans", key.key()).statusCode()).isEqualTo(200);
        assertThat(admin.revokeKey(key.prefix())).isTrue();
        assertThat(api.get("/api/v1/scans", key.key()).statusCode()).isEqualTo(401);
        assertThat(admin.listKeys("acme")).filteredOn(k -> k.id().equals(key.id())).singleElement()
                .satisfies(k -> assertThat(k.revokedAt()).isNotNull());
    }

    @Test
    void aKeyOverItsRateIsToldToRetryLater() throws Exception {
        StoreLocation other = StoreLocation.of("jdbc:h2:mem:rate-" + Ids.next() + ";DB_CLOSE_DELAY=-1", "--db");
        String key = ServerAdmin.open(other).createKey("acme", "viewer").key();
        try (ParapetServer slow = ParapetServer.start(new ParapetServer.Options("127.0.0.1", 0, other, 0, List.of(),
                0.01, 3, FAST))) {
            Api limited = new Api(slow.port());
            for (int i = 0; i < 3; i++) {
                assertThat(limited.get("/api/v1/scans", key).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = limited.get("/api/v1/scans", key);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            for (int i = 0; i < 3; i++) {
                limited.get("/api/v1/scans", "pk_" + "B".repeat(43));
            }
            assertThat(limited.get("/api/v1/scans", "pk_" + "C".repeat(43)).statusCode())
                    .as("guessing keys from one address is limited too").isEqualTo(429);
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryRegisteredRoute() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/openapi.json", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = Api.json(r);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new HashSet<>();
        doc.path("paths").properties().forEach(p -> p.getValue().properties()
                .forEach(m -> documented.add(m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        Set<String> registered = new HashSet<>();
        server.routes().forEach(route -> registered.add(route.method() + " " + route.path()));
        assertThat(registered).hasSizeGreaterThan(8);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }
}
