package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.AuthBypassFixtures;
import dev.parapet.testkit.fixtures.AuthFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthBypassVariantsCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new AuthBypassVariantsCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return AuthBypassFixtures.naiveGuard();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return AuthBypassFixtures.strictGuard();
    }

    @Test
    void findsEveryVariantTheLenientRouterLetsThroughWithTheRefusalAsControl() throws IOException {
        try (LoopbackHttpServer server = AuthBypassFixtures.naiveGuard()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).extracting(Finding::title).containsExactlyInAnyOrder(
                    "Authentication on /api/me bypassed with HEAD instead of GET",
                    "Authentication on /api/me bypassed with OPTIONS instead of GET",
                    "Authentication on /api/me bypassed with OPTIONS with X-HTTP-Method-Override: GET",
                    "Authentication on /api/me bypassed with a trailing slash",
                    "Authentication on /api/me bypassed with the path in upper case",
                    "Authentication on /api/me bypassed with an encoded dot segment (%2e)",
                    "Authentication on /api/me bypassed with a doubled slash");
            Finding slash = findings.stream().filter(f -> f.title().endsWith("trailing slash")).findFirst().orElseThrow();
            assertThat(slash.severity()).isEqualTo(Severity.HIGH);
            assertThat(slash.evidence()).contains("GET /api/me without credentials -> 401")
                    .contains("GET /api/me/ -> 200 with fields id, name, email, plan");
            assertThat(slash.exchanges()).extracting(e -> e.status()).containsExactly(200, 401);
        }
    }

    @Test
    void aCatchAllThatAnswersEveryVariantWithoutDataIsNoBypass() throws IOException {
        try (LoopbackHttpServer server = AuthFixtures.bearerChallenges()) {
            assertThat(CheckHarness.findings(server.uri(), check())).isEmpty();
        }
    }

    @Test
    void variantsKeepTheQueryAndBuildTheDocumentedShapes() {
        URI uri = URI.create("http://h:1/api/me?x=1");
        assertThat(BypassVariant.DOT_SEGMENT.probe(uri).uri().toString()).isEqualTo("http://h:1/api/%2e/me?x=1");
        assertThat(BypassVariant.DOUBLE_SLASH.probe(uri).uri().toString()).isEqualTo("http://h:1/api//me?x=1");
        assertThat(BypassVariant.METHOD_OVERRIDE.probe(uri).headers().first("X-HTTP-Method-Override")).contains("GET");
    }
}
