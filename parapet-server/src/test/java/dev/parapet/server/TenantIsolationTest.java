package dev.parapet.server;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.store.StoreLocation;
import dev.parapet.testkit.fixtures.HeadersFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B's key on every route that takes an id, with tenant A's ids (a finished scan and a queued one): each is
 * 404, exactly as for an id that does not exist, and B's listing shows none of A's scans.
 */
class TenantIsolationTest {

    static LoopbackHttpServer fixture;
    static ParapetServer server;
    static Api api;
    static String keyA;
    static String keyB;
    static String finishedA;
    static String queuedA;
    static String webhookA;
    static String monitorA;

    @BeforeAll
    static void start() throws Exception {
        fixture = HeadersFixtures.bare();
        StoreLocation db = StoreLocation.of("jdbc:h2:mem:tenants-" + Ids.next() + ";DB_CLOSE_DELAY=-1", "--db");
        ServerAdmin admin = ServerAdmin.open(db);
        keyA = admin.createKey("tenant-a", "admin").key();
        keyB = admin.createKey("tenant-b", "admin").key();
        admin.allowTargets("tenant-a", List.of("127.0.0.1/32"));
        server = ParapetServer.start(new ParapetServer.Options("127.0.0.1", 0, db, 1, List.of(), 200, 400,
                ApiServerTest.FAST), Duration.ofSeconds(10), Duration.ofMillis(100));
        api = new Api(server.port());
        finishedA = api.submit(keyA, fixture.uri().toString());
        api.awaitEnd(keyA, finishedA);
        try (ParapetServer apiOnly = server) {
            // the worker stops with the server; a second, API-only server keeps the next scan queued
        }
        server = ParapetServer.start(new ParapetServer.Options("127.0.0.1", 0, db, 0, List.of(), 200, 400,
                ApiServerTest.FAST), Duration.ofSeconds(10), Duration.ofMillis(100));
        api = new Api(server.port());
        queuedA = api.submit(keyA, fixture.uri().toString());
        HttpResponse<String> hook = api.post("/api/v1/webhooks", keyA, "{\"url\":\"" + fixture.uri("/hooks")
                + "\",\"events\":[\"scan.completed\"]}");
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
        webhookA = Api.json(hook).path("id").asText();
        HttpResponse<String> monitor = api.post("/api/v1/monitors", keyA, "{\"target\":\"" + fixture.uri()
                + "\",\"every\":\"1d\",\"checks\":[\"security-headers\"]}");
        assertThat(monitor.statusCode()).as(monitor.body()).isEqualTo(201);
        monitorA = Api.json(monitor).path("id").asText();
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
    void everyRouteWithAnotherTenantsIdIsNotFound() throws Exception {
        for (String id : List.of(finishedA, queuedA)) {
            Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
            answers.put("GET scan", api.get("/api/v1/scans/" + id, keyB));
            answers.put("DELETE scan", api.delete("/api/v1/scans/" + id, keyB));
            answers.put("GET report", api.get("/api/v1/scans/" + id + "/report?format=json", keyB));
            answers.put("GET events", api.events(id, keyB));
            answers.put("GET diff from", api.get("/api/v1/scans/" + id + "/diff/" + finishedA, keyB));
            answers.put("GET diff to", api.get("/api/v1/scans/" + finishedA + "/diff/" + id, keyB));
            answers.forEach((route, r) -> {
                assertThat(r.statusCode()).as(route + " " + id).isEqualTo(404);
                assertThat(r.body()).as(route).doesNotContain(fixture.uri().toString());
            });
        }
        Map<String, HttpResponse<String>> hooks = new LinkedHashMap<>();
        hooks.put("GET webhook", api.get("/api/v1/webhooks/" + webhookA, keyB));
        hooks.put("GET deliveries", api.get("/api/v1/webhooks/" + webhookA + "/deliveries", keyB));
        hooks.put("DELETE webhook", api.delete("/api/v1/webhooks/" + webhookA, keyB));
        hooks.put("GET monitor", api.get("/api/v1/monitors/" + monitorA, keyB));
        hooks.put("DELETE monitor", api.delete("/api/v1/monitors/" + monitorA, keyB));
        hooks.forEach((route, r) -> assertThat(r.statusCode()).as(route).isEqualTo(404));
        assertThat(Api.json(api.get("/api/v1/monitors", keyB)).path("monitors")).isEmpty();
        assertThat(api.get("/api/v1/monitors/" + monitorA, keyA).statusCode()).isEqualTo(200);
        assertThat(Api.json(api.get("/api/v1/webhooks", keyB)).path("webhooks")).isEmpty();
        assertThat(api.get("/api/v1/webhooks/" + webhookA, keyA).statusCode()).as("B's delete did not touch it")
                .isEqualTo(200);
        assertThat(Api.json(api.get("/api/v1/scans", keyB)).path("scans")).isEmpty();
        assertThat(Api.json(api.get("/api/v1/scans/" + queuedA, keyA)).path("status").asText())
                .as("B's cancel did not touch A's scan").isEqualTo("queued");
        assertThat(api.get("/api/v1/scans/" + finishedA + "/report", keyA).statusCode()).isEqualTo(200);
    }

    @Test
    void aTenantsStoredAllowListAdmitsItsTargetsOnly() throws Exception {
        assertThat(api.post("/api/v1/scans", keyB, "{\"target\":\"" + fixture.uri() + "\"}").statusCode())
                .as("tenant B has no allow-list for loopback").isEqualTo(422);
        HttpResponse<String> metadata = api.post("/api/v1/scans", keyA, "{\"target\":\"http://169.254.169.254/\"}");
        assertThat(metadata.statusCode()).isEqualTo(422);
        assertThat(Api.json(metadata).path("detail").asText()).contains("169.254.169.254");
    }
}
