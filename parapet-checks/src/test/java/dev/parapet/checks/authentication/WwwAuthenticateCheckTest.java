package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.AuthFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WwwAuthenticateCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new WwwAuthenticateCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return AuthFixtures.sloppyRefusals();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return AuthFixtures.bearerChallenges();
    }

    private Finding titled(String fragment) throws IOException {
        try (LoopbackHttpServer server = AuthFixtures.sloppyRefusals()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            return findings.stream().filter(f -> f.title().contains(fragment)).findFirst()
                    .orElseThrow(() -> new AssertionError("no finding titled '" + fragment + "' in " + findings));
        }
    }

    @Test
    void flags401WithoutChallengeAsLow() throws IOException {
        Finding f = titled("without a WWW-Authenticate");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.evidence()).contains("/api/customers").doesNotContain("/api/me");
    }

    @Test
    void flagsBasicOverPlainHttpAsLowOnLoopback() throws IOException {
        Finding f = titled("Basic");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.evidence()).contains("Basic realm=\"shop\"").contains("loopback");
    }

    @Test
    void ratesBasicOverPlainHttpHighBeyondLoopback() {
        assertThat(WwwAuthenticateCheck.basicOverHttpSeverity(URI.create("http://api.example.com/me")))
                .isEqualTo(Severity.HIGH);
        assertThat(WwwAuthenticateCheck.basicOverHttpSeverity(URI.create("http://10.0.0.5:8080/me")))
                .isEqualTo(Severity.HIGH);
        assertThat(WwwAuthenticateCheck.basicOverHttpSeverity(URI.create("http://localhost:8080/me")))
                .isEqualTo(Severity.LOW);
        assertThat(WwwAuthenticateCheck.basicOverHttpSeverity(URI.create("http://[::1]:8080/me")))
                .isEqualTo(Severity.LOW);
    }

    @Test
    void flagsForbiddenResponseThatStillSendsTheRecords() throws IOException {
        Finding f = titled("still carries data");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.title()).startsWith("403");
        assertThat(f.evidence()).contains("id, customer, total, shipTo");
    }

    @Test
    void treatsErrorVocabularyAsNoData() {
        DenialProbes data = DenialProbes.load();
        assertThat(data.recordFields("{\"error\":\"unauthorized\",\"message\":\"x\",\"status\":401,"
                + "\"timestamp\":\"t\",\"path\":\"/a\",\"request_id\":\"r\"}")).isEmpty();
        assertThat(data.recordFields("{\"error\":\"denied\",\"login_url\":\"/login\",\"docs\":\"/d\"}")).isEmpty();
        assertThat(data.recordFields("[{\"id\":1,\"email\":\"a@b.c\",\"name\":\"A\"}]"))
                .containsExactly("id", "email", "name");
        assertThat(data.protectedPaths()).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void anAuthenticatedScanStillMeetsTheRefusalsAnAnonymousCallerGets() throws IOException {
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/", r -> LoopbackHttpServer.Response.json(200, "{\"api\":\"accounts\"}"))
                .route("GET", "/api/me", r -> r.header("Authorization") != null
                        ? LoopbackHttpServer.Response.json(200, "{\"id\":7,\"name\":\"Ann\",\"plan\":\"pro\"}")
                        : LoopbackHttpServer.Response.json(401, "{\"error\":\"unauthorized\"}"))
                .start()) {
            var config = CheckHarness.config(server.uri()).withIdentities(new dev.parapet.config.Identities(
                    new dev.parapet.config.Credentials(List.of(new dev.parapet.model.Headers.Field("Authorization",
                            "Bearer users-own-token"))), dev.parapet.config.Credentials.NONE));
            List<Finding> findings = CheckHarness.scan(config, List.of(check())).findings();
            assertThat(findings).extracting(Finding::title).anyMatch(t -> t.contains("without a WWW-Authenticate"));
        }
    }
}
