package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.HtmlForm;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Surface;
import dev.parapet.spi.TlsHandshake;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.QueryCredentialFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsInQueryCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new CredentialsInQueryCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return QueryCredentialFixtures.reports(true);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return QueryCredentialFixtures.reports(false);
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withIdentities(new Identities(new Credentials(List.of(
                new Headers.Field("Authorization", "Bearer " + QueryCredentialFixtures.USER_TOKEN))), Credentials.NONE));
    }

    private List<Finding> vulnerableFindings() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            return scan(server).findings();
        }
    }

    @Test
    void confirmsTheUsersTokenAcceptedAsAccessTokenWithoutEverShowingIt() throws IOException {
        Finding f = vulnerableFindings().stream().filter(x -> x.title().contains("user's token")).findFirst()
                .orElseThrow();
        assertThat(f.title()).isEqualTo("The API accepts the user's token in the query string (?access_token=)");
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.exchanges().getFirst().request().headers().has("Authorization")).isFalse();
        assertThat(f.evidence() + f.curl() + f.exchanges().getFirst().request().uri())
                .doesNotContain(QueryCredentialFixtures.USER_TOKEN);
    }

    @Test
    void confirmsADiscoveredLinkWhoseTokenTheApiAccepts() throws IOException {
        assertThat(vulnerableFindings()).filteredOn(f -> f.title().contains("/api/export")).singleElement()
                .satisfies(f -> {
                    assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                    assertThat(f.evidence()).contains("without ?token -> 401");
                });
    }

    @Test
    void reportsACredentialParameterTheSpecDocuments() throws IOException {
        assertThat(vulnerableFindings()).filteredOn(f -> f.title().startsWith("The API description"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.LOW);
                    assertThat(f.evidence()).contains("GET /reports ?api_key");
                });
    }

    @Test
    void reportsALoginFormThatSubmitsByGet() throws InterruptedException {
        URI page = URI.create("http://127.0.0.1:9/login");
        HtmlForm form = new HtmlForm(page, "get", URI.create("http://127.0.0.1:9/session"), null, List.of(
                new HtmlForm.Field("user", "text", ""), new HtmlForm.Field("pw", "password", "")));
        Inventory inv = new Inventory(page, List.of(new Endpoint("GET", page, Endpoint.Source.TARGET)), List.of(),
                List.of(), ApiSpec.EMPTY, List.of(form), Surface.EMPTY);
        CheckOutcome outcome = new CredentialsInQueryCheck().run(new FormsOnly(inv));
        assertThat(outcome).isInstanceOfSatisfying(CheckOutcome.Findings.class, f -> assertThat(f.findings())
                .extracting(Finding::title).containsExactly("Login form on /login sends the password in the URL "
                        + "(method GET)"));
    }

    /** A context that holds an inventory and sends nothing. */
    private record FormsOnly(Inventory inventory) implements CheckContext {
        @Override
        public ScanMode mode() {
            return ScanMode.SAFE;
        }

        @Override
        public Exchange probe(ProbeRequest request) {
            return Exchange.failed(new HttpRequestRecord(request.method(), request.uri(), request.headers(), ""),
                    ExchangeOutcome.BUDGET_EXHAUSTED, "sends nothing", Duration.ZERO);
        }

        @Override
        public int remainingBudget() {
            return 0;
        }

        @Override
        public TlsHandshake tlsHandshake(String protocol) {
            return new TlsHandshake(protocol, false, "", List.of(), "none");
        }
    }
}
