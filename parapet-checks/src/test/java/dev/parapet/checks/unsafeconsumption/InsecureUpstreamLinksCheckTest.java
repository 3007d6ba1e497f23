package dev.parapet.checks.unsafeconsumption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.UnsafeConsumptionFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InsecureUpstreamLinksCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new InsecureUpstreamLinksCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return UnsafeConsumptionFixtures.vulnerable();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return UnsafeConsumptionFixtures.safe();
    }

    @Test
    void listsThePlainHttpWebhookAndFeedButNotTheSchemaOrOwnHost() throws IOException {
        try (LoopbackHttpServer server = UnsafeConsumptionFixtures.vulnerable()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.LOW);
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/integrations");
                assertThat(f.evidence()).contains("webhook_url: http://hooks.partner-shop.example/orders")
                        .contains("feed_url: http://feeds.supplier.example/catalogue.xml")
                        .doesNotContain("json-schema.org").doesNotContain("127.0.0.1");
            });
        }
    }

    @Test
    void judgesOnlyPlainHttpToOtherHosts() {
        assertThat(InsecureUpstreamLinksCheck.isThirdPartyHttp("http://cdn.example/a.png", "api.example")).isTrue();
        assertThat(InsecureUpstreamLinksCheck.isThirdPartyHttp("HTTP://cdn.example/a.png", "api.example")).isTrue();
        assertThat(InsecureUpstreamLinksCheck.isThirdPartyHttp("https://cdn.example/a.png", "api.example")).isFalse();
        assertThat(InsecureUpstreamLinksCheck.isThirdPartyHttp("http://api.example/x", "api.example")).isFalse();
        assertThat(InsecureUpstreamLinksCheck.isThirdPartyHttp("http://www.w3.org/2000/svg", "api.example")).isFalse();
        assertThat(InsecureUpstreamLinksCheck.isThirdPartyHttp("http://exa mple", "api.example")).isFalse();
    }

    @Test
    void dataFilesOfTheUnsafeConsumptionChecksLoad() {
        assertThat(InsecureUpstreamLinksCheck.RULES.get().urlField("webhook_url")).isTrue();
        assertThat(InsecureUpstreamLinksCheck.RULES.get().urlField("price")).isFalse();
        assertThat(OpenRedirectCheck.RULES.get().isRedirectParameter("RETURNTO")).isTrue();
        assertThat(OpenRedirectCheck.RULES.get().spellings()).allMatch(s -> s.build(OpenRedirectCheck.RULES.get().probeHost(), "h")
                .contains(OpenRedirectCheck.RULES.get().probeHost()));
        assertThat(JsonpCallbackCheck.RULES.get().parameters()).contains("callback", "jsonp");
    }
}
