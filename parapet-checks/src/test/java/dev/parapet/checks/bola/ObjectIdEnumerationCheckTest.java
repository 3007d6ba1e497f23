package dev.parapet.checks.bola;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
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

class ObjectIdEnumerationCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new ObjectIdEnumerationCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return AccessControlFixtures.shop(true);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return AccessControlFixtures.shopWithOpaqueIds();
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withIdentities(TwoIdentities.aliceOnly());
    }

    @Test
    void readsTheNeighbouringOrderOfAnotherOwner() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = single(scan(server).findings());
            assertThat(f.title()).isEqualTo("Neighbouring ids at /api/orders/{id} serve objects the caller does not list");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
            assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/orders/5002");
            assertThat(f.evidence()).contains("owner differs: \"alice\" vs \"bob\"", "anonymous -> 401");
        }
    }

    @Test
    void findsTraversalVariantsThatPassTheOwnershipCheckOnTheFirstId() throws IOException {
        try (LoopbackHttpServer server = AccessControlFixtures.shopWithTraversableIds()) {
            Finding f = single(scan(server).findings());
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.title()).isEqualTo("Path traversal in the id at /api/orders/{id} reads objects a direct read refuses");
            assertThat(f.exchanges().getFirst().request().uri().getRawPath()).isEqualTo("/api/orders/5001/%2e%2e/5002");
            assertThat(f.exchanges().getFirst().body()).contains("\"id\":5002");
        }
    }

    @Test
    void reportsSequentialIdsAloneAsLowWhenOwnershipIsEnforced() throws IOException {
        try (LoopbackHttpServer server = AccessControlFixtures.shop(false)) {
            Finding f = single(scan(server).findings());
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.title()).isEqualTo("Login-protected objects at /api/orders/{id} use sequential numbers as ids");
        }
    }

    @Test
    void isNotApplicableWithoutCredentials() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            var report = CheckHarness.scan(server.uri(), check());
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        }
    }

    @Test
    void tellsPredictableIdsFromOpaqueOnes() {
        assertThat(IdKind.of("1007")).contains(IdKind.SEQUENTIAL);
        assertThat(IdKind.of("6f1c2a7e-8d3b-11ee-b9d1-0242ac120002")).contains(IdKind.TIME_UUID);
        assertThat(IdKind.of("3b241101-e2bb-4255-8caf-4136c566a962")).isEmpty();
        assertThat(IdKind.of("ord_Q7x2Lm9aT4")).isEmpty();
    }

    private static Finding single(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.getFirst();
    }
}
