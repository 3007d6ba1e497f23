package dev.parapet.engine;

import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.event.EventBus;
import dev.parapet.event.ScanEvent;
import dev.parapet.model.AuthSummary;
import dev.parapet.model.Headers;
import dev.parapet.model.ScanReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AuthValidityProbeTest {

    private static LoopbackHttpServer api(boolean protectedMe) throws IOException {
        return LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "{\"me\":\"/api/me\",\"status\":\"/api/status\"}"))
                .route("GET", "/api/status", r -> Response.json(200, "{\"ok\":true}"))
                .route("GET", "/api/me", r -> !protectedMe || "Bearer good-token-1".equals(r.header("Authorization"))
                        ? Response.json(200, "{\"id\":7,\"name\":\"Ann\"}")
                        : Response.json(401, "{\"error\":\"unauthorized\"}"))
                .start();
    }

    /** Refuses as some Flask and Express APIs do: 200 with an error body, never a 401. */
    private static LoopbackHttpServer okRefusals() throws IOException {
        return LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "{\"me\":\"/api/me\"}"))
                .route("GET", "/api/me", r -> {
                    String auth = r.header("Authorization");
                    if (auth == null) {
                        return Response.json(200, "{\"error\": \"missing Token in header\"}");
                    }
                    return "Bearer good-token-1".equals(auth) ? Response.json(200, "{\"id\":7,\"name\":\"Ann\"}")
                            : Response.json(200, "{\"message\":\"Invalid token\"}");
                })
                .start();
    }

    private static ScanReport scan(LoopbackHttpServer api, Identities ids, List<ScanEvent> events) throws Exception {
        ScanConfig config = ScanConfig.defaults(api.uri());
        config = new ScanConfig(config.target(), config.scope(), config.mode(), config.context(), config.rate(),
                config.concurrency(), config.maxTime(), config.connectTimeout(), config.readTimeout(),
                config.maxBodyBytes(), config.maxRedirects(), config.hostErrorBudget(),
                config.maxDiscoveredEndpoints(), config.checks(), config.insecure(), config.spec(), config.seed(),
                config.specHosts(), ids, config.oobUrl(), config.tier(), config.ownedHost());
        return new ScanEngine("t", config, List.of(), new EventBus(List.of(events::add)), "test").run();
    }

    private static Identities bearer(String token) {
        return new Identities(new Credentials(List.of(new Headers.Field("Authorization", "Bearer " + token))),
                Credentials.NONE);
    }

    @Test
    void credentialsTheTargetHonoursAreAccepted() throws Exception {
        try (LoopbackHttpServer api = api(true)) {
            List<ScanEvent> events = new CopyOnWriteArrayList<>();
            AuthSummary auth = scan(api, bearer("good-token-1"), events).auth();
            assertThat(auth.state()).isEqualTo(AuthSummary.State.ACCEPTED);
            assertThat(auth.detail()).contains("/api/me").contains("401 without credentials");
            assertThat(auth.identities()).isEqualTo(1);
            assertThat(auth.authenticatedRequests()).isGreaterThanOrEqualTo(2);
            assertThat(events).filteredOn(e -> e instanceof ScanEvent.AuthChecked).hasSize(1);
        }
    }

    @Test
    void credentialsAnsweredWith401AreRejectedAndTheDetailSaysWhere() throws Exception {
        try (LoopbackHttpServer api = api(true)) {
            AuthSummary auth = scan(api, bearer("expired-token-9"), new CopyOnWriteArrayList<>()).auth();
            assertThat(auth.state()).isEqualTo(AuthSummary.State.REJECTED);
            assertThat(auth.detail()).isEqualTo("the target answered 401 to the supplied credentials on /api/me"
                    + " — check the token (expired, revoked or for another environment?)");
        }
    }

    @Test
    void refusalsSentWithStatus200AreReadAsRefusalsBothWays() throws Exception {
        try (LoopbackHttpServer api = okRefusals()) {
            assertThat(scan(api, bearer("good-token-1"), new CopyOnWriteArrayList<>()).auth().state())
                    .isEqualTo(AuthSummary.State.ACCEPTED);
            AuthSummary bad = scan(api, bearer("expired-token-9"), new CopyOnWriteArrayList<>()).auth();
            assertThat(bad.state()).isEqualTo(AuthSummary.State.REJECTED);
            assertThat(bad.detail()).startsWith("the target answered 200 with message 'Invalid token' to the "
                    + "supplied credentials on /api/me");
        }
    }

    @Test
    void anApiThatAnswersEveryoneAlikeLeavesTheCredentialsUnverified() throws Exception {
        try (LoopbackHttpServer api = api(false)) {
            AuthSummary auth = scan(api, bearer("any-token-22"), new CopyOnWriteArrayList<>()).auth();
            assertThat(auth.state()).isEqualTo(AuthSummary.State.UNVERIFIED);
        }
    }

    @Test
    void anAnonymousScanSendsNoProbeAndSaysNone() throws Exception {
        try (LoopbackHttpServer api = api(true)) {
            List<ScanEvent> events = new CopyOnWriteArrayList<>();
            ScanReport report = scan(api, Identities.NONE, events);
            assertThat(report.auth()).isEqualTo(AuthSummary.NONE);
            assertThat(events).noneMatch(e -> e instanceof ScanEvent.AuthChecked);
        }
    }

    @Test
    void anAuthCommandWhoseFirstTokenIsStaleIsRunAgainOnceAndTheRequestResent(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path runs = dir.resolve("runs");
        java.nio.file.Files.writeString(runs, "");
        // the first run prints a stale token, every later run the one the API knows
        String cmd = "echo x >> '" + runs + "'; if [ $(wc -l < '" + runs + "') -eq 1 ]; then echo stale-tok-0; "
                + "else echo good-token-1; fi";
        try (LoopbackHttpServer api = api(true)) {
            Identities ids = new Identities(new Credentials(List.of(), cmd), Credentials.NONE);
            AuthSummary auth = scan(api, ids, new CopyOnWriteArrayList<>()).auth();
            assertThat(auth.state()).isEqualTo(AuthSummary.State.ACCEPTED);
            assertThat(java.nio.file.Files.readAllLines(runs)).hasSize(2);
        }
    }
}
