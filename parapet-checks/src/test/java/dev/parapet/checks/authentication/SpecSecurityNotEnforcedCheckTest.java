package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.SpecFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class SpecSecurityNotEnforcedCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SpecSecurityNotEnforcedCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return SpecFixtures.driftingApi();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return SpecFixtures.faithfulApi();
    }

    @Test
    void reportsTheSecuredListAnsweredWithoutCredentials() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            assertThat(scan(server).findings()).extracting(Finding::title)
                    .containsExactly("Secured operation GET /orders answers without credentials");
        }
    }

    @Test
    void ignoresEmptyAnswers() throws IOException {
        String spec = """
                {"openapi":"3.0.3","info":{"title":"Empty","version":"1"},"security":[{"k":[]}],
                 "components":{"securitySchemes":{"k":{"type":"apiKey","in":"header","name":"X-Key"}}},
                 "paths":{"/orders":{"get":{"responses":{"200":{"description":"ok"}}}}}}""";
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/openapi.json", r -> Response.json(200, spec))
                .route("GET", "/orders", r -> Response.json(200, "[]"))
                .route("GET", "*", r -> Response.json(404, "{}")).start()) {
            assertThat(scan(server).findings()).isEmpty();
        }
    }

    @Test
    void isNotApplicableWhenNothingIsSecured() throws IOException {
        String spec = """
                {"openapi":"3.0.3","info":{"title":"Open","version":"1"},
                 "paths":{"/orders":{"get":{"responses":{"200":{"description":"ok"}}}}}}""";
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/openapi.json", r -> Response.json(200, spec))
                .route("GET", "*", r -> Response.json(404, "{}")).start()) {
            assertThat(CheckHarness.onlyRun(scan(server)).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        }
    }

    @Test
    void anAuthenticatedScanStillJudgesSecuredOperationsWithoutTheUsersCredentials() throws IOException {
        try (LoopbackHttpServer server = SpecFixtures.faithfulApi()) {
            var config = dev.parapet.testkit.CheckHarness.config(server.uri()).withIdentities(
                    new dev.parapet.config.Identities(new dev.parapet.config.Credentials(java.util.List.of(
                            new dev.parapet.model.Headers.Field("Authorization", "Bearer users-own-token"))),
                            dev.parapet.config.Credentials.NONE));
            var report = dev.parapet.testkit.CheckHarness.scan(config, java.util.List.of(check()));
            org.assertj.core.api.Assertions.assertThat(report.findings()).isEmpty();
            org.assertj.core.api.Assertions.assertThat(dev.parapet.testkit.CheckHarness.onlyRun(report).status())
                    .isEqualTo(dev.parapet.model.CheckStatus.COMPLETED);
        }
    }
}
