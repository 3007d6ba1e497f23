package dev.parapet.checks.encryption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.InventoryFixtures;
import dev.parapet.testkit.fixtures.SpecFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class SpecInsecureServerCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SpecInsecureServerCheck();
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
    void namesThePlainHttpServerAndTheDocumentThatDeclaresIt() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = scan(server).findings().getFirst();
            assertThat(f.evidence()).contains("http://api.shop.example/api");
            assertThat(f.exchanges().getFirst().request().uri().getPath()).isEqualTo("/openapi.json");
        }
    }

    @Test
    void ignoresLoopbackDevelopmentServers() {
        assertThat(SpecInsecureServerCheck.plainRemote("http://localhost:8080")).isFalse();
        assertThat(SpecInsecureServerCheck.plainRemote("http://127.0.0.1/v1")).isFalse();
        assertThat(SpecInsecureServerCheck.plainRemote("https://api.example.com")).isFalse();
        assertThat(SpecInsecureServerCheck.plainRemote("http://api.example.com")).isTrue();
    }

    @Test
    void isNotApplicableWithoutServers() throws IOException {
        try (LoopbackHttpServer server = InventoryFixtures.publishedDocs()) {
            assertThat(CheckHarness.onlyRun(scan(server)).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        }
    }
}
