package dev.parapet.checks.bola;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.AccessControlFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrossIdentityObjectAccessCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new CrossIdentityObjectAccessCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return AccessControlFixtures.shop(true);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return AccessControlFixtures.shop(false);
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withIdentities(TwoIdentities.aliceAndBob());
    }

    @Test
    void confirmsBobReadingAlicesOrderWithBothIdentitiesExchangesRedacted() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = scan(server).findings().stream().collect(java.util.stream.Collectors.collectingAndThen(
                    java.util.stream.Collectors.toList(), l -> { assertThat(l).hasSize(1); return l.getFirst(); }));
            assertThat(f.title()).isEqualTo("Identity B reads identity A's object at GET /api/orders/{id}");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.endpoint().uri().getPath()).isIn("/api/orders/5001", "/api/orders/5003");
            List<Exchange> ex = f.exchanges();
            assertThat(ex.get(0).status()).isEqualTo(200);
            assertThat(ex.get(1).status()).isEqualTo(200);
            assertThat(ex.get(0).body()).isEqualTo(ex.get(1).body()).contains("\"owner\":\"alice\"");
            assertThat(ex.get(2).status()).isEqualTo(401);
            assertThat(ex.get(2).request().headers().has("Authorization")).isFalse();
            // both identities' requests are shown, their tokens are not
            assertThat(ex.get(0).request().headers().first("Authorization")).contains("Bearer [redacted]");
            assertThat(ex.get(1).request().headers().first("Authorization")).contains("Bearer [redacted]");
            assertThat(f.toString()).doesNotContain(AccessControlFixtures.ALICE_TOKEN, AccessControlFixtures.BOB_TOKEN);
            assertThat(f.curl()).startsWith("curl ").contains("Authorization: Bearer [redacted]")
                    .contains("/api/orders/500");
            assertThat(f.evidence()).contains("identity B (secondary)", "anonymous -> 401",
                    "A's is curl -i -s -H 'Authorization: Bearer [redacted]' '" + server.uri().resolve("/api/orders/"));
        }
    }

    @Test
    void isNotApplicableWithOnlyOneIdentity() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            var report = CheckHarness.scan(CheckHarness.config(server.uri()).withIdentities(TwoIdentities.aliceOnly()),
                    List.of(check()));
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void readsObjectIdsFromTheCollectionsOwnIdField() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"order_id\":1007,\"user_id\":7,\"product_id\":3}");
        assertThat(ObjectRefs.idField(json, "orders")).contains("order_id");
        assertThat(ObjectRefs.idField(json, "things")).isEmpty();
    }
}
