package dev.parapet.checks.inventory;

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

class DeprecatedOperationServedCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new DeprecatedOperationServedCheck();
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
    void reportsOnlyTheDeprecatedOperation() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            assertThat(scan(server).findings()).extracting(Finding::title)
                    .containsExactly("Deprecated operation GET /legacy/products is still served");
        }
    }

    @Test
    void staysQuietWhenEveryPathAnswersTheSame() throws IOException {
        String spec = """
                {"openapi":"3.0.3","info":{"title":"SPA","version":"1"},
                 "paths":{"/old":{"get":{"deprecated":true,"responses":{"200":{"description":"ok"}}}}}}""";
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/openapi.json", r -> Response.json(200, spec))
                .route("GET", "*", r -> Response.json(200, "{\"app\":\"shell\"}")).start()) {
            assertThat(scan(server).findings()).isEmpty();
        }
    }

    @Test
    void isNotApplicableWithoutASpec() throws IOException {
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "{\"ok\":true}")).start()) {
            assertThat(CheckHarness.onlyRun(scan(server)).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        }
    }
}
