package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.store.StoreLocation;
import dev.parapet.testkit.fixtures.HeadersFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook on a loopback receiver that fails its first call: the completed scan's message arrives again after the
 * backoff, signed, and the receiver verifies it exactly as docs/server.md tells a receiver to; the delivery record
 * shows both attempts.
 */
class WebhooksTest {

    static LoopbackHttpServer fixture;
    static LoopbackHttpServer receiver;
    static final List<LoopbackHttpServer.Request> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger CALLS = new AtomicInteger();
    static ParapetServer server;
    static Api api;
    static String admin;
    static String viewer;

    @BeforeAll
    static void start() throws Exception {
        fixture = HeadersFixtures.bare();
        receiver = LoopbackHttpServer.builder().route("POST", "/hooks/parapet", r -> {
            RECEIVED.add(r);
            return CALLS.incrementAndGet() == 1 ? Response.text(503, "busy") : Response.empty(204);
        }).start();
        StoreLocation db = StoreLocation.of("jdbc:h2:mem:webhooks-" + Ids.next() + ";DB_CLOSE_DELAY=-1", "--db");
        ServerAdmin a = ServerAdmin.open(db);
        admin = a.createKey("acme", "admin").key();
        viewer = a.createKey("acme", "viewer").key();
        a.allowTargets("acme", List.of("127.0.0.1/32"));
        server = ParapetServer.start(new ParapetServer.Options("127.0.0.1", 0, db, 1, List.of(), 200, 400,
                ApiServerTest.FAST), Duration.ofSeconds(10), Duration.ofMillis(100));
        api = new Api(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aCompletedScansMessageIsRetriedSignedAndRecorded() throws Exception {
        HttpResponse<String> created = api.post("/api/v1/webhooks", admin, "{\"url\":\""
                + receiver.uri("/hooks/parapet") + "\",\"events\":[\"scan.completed\",\"scan.failed\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = Api.json(created).path("secret").asText();
        String webhook = Api.json(created).path("id").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/webhooks/" + webhook, viewer).body()).doesNotContain(secret);

        String scan = api.submit(admin, fixture.uri().toString());
        assertThat(api.awaitEnd(admin, scan).path("status").asText()).isEqualTo("completed");
        JsonNode delivery = awaitDelivered(webhook);

        assertThat(delivery.path("scan").asText()).isEqualTo(scan);
        assertThat(delivery.path("event").asText()).isEqualTo("scan.completed");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(delivery.has("lastLatencyMs")).isTrue();
        assertThat(RECEIVED).hasSize(2);
        for (LoopbackHttpServer.Request r : RECEIVED) {
            assertThat(verify(secret, r.header("webhook-id"), r.header("webhook-timestamp"),
                    r.header("webhook-signature"), r.body())).as("signature of %s", r.header("webhook-id")).isTrue();
            JsonNode body = Api.JSON.readTree(r.body());
            assertThat(body.path("type").asText()).isEqualTo("scan.completed");
            assertThat(body.path("data").path("id").asText()).isEqualTo(scan);
            assertThat(body.path("data").path("grade").asText()).isNotEmpty();
        }
        assertThat(RECEIVED.get(1).header("webhook-id")).as("a retry is the same message")
                .isEqualTo(RECEIVED.get(0).header("webhook-id")).isEqualTo(delivery.path("id").asText());
        LoopbackHttpServer.Request first = RECEIVED.getFirst();
        assertThat(verify(secret, first.header("webhook-id"), first.header("webhook-timestamp"),
                first.header("webhook-signature"), first.body().replace("completed", "failed")))
                .as("a changed body fails verification").isFalse();
    }

    @Test
    void aWebhookToAnInternalAddressOrWithAnUnknownEventIsRefused() throws Exception {
        HttpResponse<String> metadata = api.post("/api/v1/webhooks", admin,
                "{\"url\":\"http://169.254.169.254/latest\",\"events\":[\"scan.completed\"]}");
        assertThat(metadata.statusCode()).isEqualTo(422);
        assertThat(Api.json(metadata).path("detail").asText()).contains("169.254.169.254");
        HttpResponse<String> event = api.post("/api/v1/webhooks", admin, "{\"url\":\"" + receiver.uri("/x")
                + "\",\"events\":[\"scan.exploded\"]}");
        assertThat(event.statusCode()).isEqualTo(400);
        assertThat(Api.json(event).path("detail").asText()).contains("scan.exploded").contains("scan.completed");
        assertThat(api.post("/api/v1/webhooks", viewer, "{\"url\":\"" + receiver.uri("/x")
                + "\",\"events\":[\"scan.completed\"]}").statusCode()).as("viewers do not subscribe").isEqualTo(403);
    }

    /**
     * A receiver's check, written from docs/server.md alone: HMAC-SHA256 keyed with the base64-decoded part of the
     * secret after {@code whsec_}, over {@code id.timestamp.body}, base64, compared in constant time with each
     * {@code v1,} signature in the header; the timestamp within five minutes of now.
     */
    static boolean verify(String secret, String id, String timestamp, String signatures, String body)
            throws Exception {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long ts = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - ts) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = Base64.getEncoder().encode(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
        for (String s : signatures.split(" ")) {
            if (s.startsWith("v1,") && MessageDigest.isEqual(expected,
                    s.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    JsonNode awaitDelivered(String webhook) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode deliveries = Api.json(api.get("/api/v1/webhooks/" + webhook + "/deliveries", viewer))
                    .path("deliveries");
            for (JsonNode d : deliveries) {
                if (d.path("status").asText().equals("delivered")) {
                    return d;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no delivery of webhook " + webhook + " within 60 s");
    }
}
