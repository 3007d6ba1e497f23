package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.OpenSiblingFixtures;
import dev.parapet.testkit.fixtures.TokenApiFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataWithoutCredentialsCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new DataWithoutCredentialsCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return OpenSiblingFixtures.exportLeft();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return OpenSiblingFixtures.exportGuarded();
    }

    @Test
    void flagsTheOpenExportBesideTheRefusedOrdersButNotThePublicCatalogue() throws IOException {
        try (LoopbackHttpServer server = OpenSiblingFixtures.exportLeft()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.title()).isEqualTo("GET /api/orders/export serves personal data without credentials");
                assertThat(f.evidence()).contains("address, email").contains("GET /api/orders -> 401");
                assertThat(f.exchanges()).extracting(e -> e.status()).containsExactly(200, 401);
            });
        }
    }

    @Test
    void aPublicStatusWithoutPersonalDataBesideRefusedResourcesIsNoFinding() throws IOException {
        try (LoopbackHttpServer server = TokenApiFixtures.requiringBearer("t0ken-xyz")) {
            assertThat(CheckHarness.findings(server.uri(), check())).isEmpty();
        }
    }

    @Test
    void relatesSiblingsParentsAndChildrenOnly() {
        assertThat(DataWithoutCredentialsCheck.related(URI.create("http://h/api/orders"),
                URI.create("http://h/api/orders/export"))).isTrue();
        assertThat(DataWithoutCredentialsCheck.related(URI.create("http://h/api/orders"),
                URI.create("http://h/api/users"))).isTrue();
        assertThat(DataWithoutCredentialsCheck.related(URI.create("http://h/admin/orders"),
                URI.create("http://h/shop/products"))).isFalse();
    }
}
