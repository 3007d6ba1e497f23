package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.bola.TwoIdentities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.WriteRecord;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.AccessControlFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MassAssignmentCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new MassAssignmentCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return AccessControlFixtures.shop(true);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return AccessControlFixtures.shop(false);
    }

    /** Active mode against the loopback host the test owns, with Alice as the primary identity. */
    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withIdentities(TwoIdentities.aliceOnly())
                .withMode(ScanMode.ACTIVE, target.getHost());
    }

    @Test
    void confirmsRoleEscalationOnTheCallersOwnProfileAndRestoresIt() throws Exception {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).hasSize(1);
            Finding f = findings.getFirst();
            assertThat(f.title()).isEqualTo("Own object at /api/me accepts privileged property role");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.exchanges().getFirst().request().method()).isEqualTo("PATCH");
            assertThat(f.exchanges().getFirst().request().body()).isEqualTo("{\"role\":\"admin\"}");
            assertThat(f.exchanges().get(1).body()).contains("\"role\":\"admin\"");
            assertThat(f.evidence()).contains("(was \"customer\")", "original written back and read again");
            assertThat(f.curl()).contains("-X PATCH", "--data-raw '{\"role\":\"admin\"}'");
            assertThat(aliceProfile(server)).contains("\"role\":\"customer\"");
        }
    }

    @Test
    void neverWritesInSafeMode() throws IOException {
        AtomicInteger writes = new AtomicInteger();
        try (LoopbackHttpServer server = AccessControlFixtures.shop(true, writes)) {
            ScanReport report = CheckHarness.scan(CheckHarness.config(server.uri())
                    .withIdentities(TwoIdentities.aliceOnly()), List.of(check()));
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
            assertThat(writes).hasValue(0);
        }
    }

    @Test
    void sendsNoRestoreWhereTheSafeTwinKeptNothing() throws IOException {
        AtomicInteger writes = new AtomicInteger();
        try (LoopbackHttpServer server = AccessControlFixtures.shop(false, writes)) {
            ScanReport report = CheckHarness.scan(configFor(server.uri()), List.of(check()));
            assertThat(writes).as("the escalation only: the ledger's read showed the old role").hasValue(1);
            assertThat(report.writes()).singleElement().satisfies(w -> {
                assertThat(w.outcome()).isEqualTo(WriteRecord.Outcome.NOTHING_TO_UNDO);
                assertThat(w.field()).isEqualTo("/role");
                assertThat(w.oldValue()).isEqualTo("\"customer\"");
            });
        }
    }

    @Test
    void listsTheEscalationItUndidInTheReport() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            ScanReport report = scan(server);
            assertThat(report.writes()).singleElement().satisfies(w -> {
                assertThat(w.checkId()).isEqualTo("mass-assignment");
                assertThat(w.kind()).isEqualTo(WriteRecord.Kind.CHANGED);
                assertThat(w.via()).isEqualTo("PATCH /api/me");
                assertThat(w.outcome()).isEqualTo(WriteRecord.Outcome.UNDONE);
                assertThat(w.detail()).contains("PATCH /api/me -> 200");
            });
        }
    }

    @Test
    void escalatesOnlyKnownPrivilegedPropertiesOfTheSameType() throws Exception {
        MassAssignmentTargets t = MassAssignmentTargets.load();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(t.escalationFor(json.readTree("{\"name\":\"x\",\"is_admin\":false}")))
                .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("is_admin"));
        assertThat(t.escalationFor(json.readTree("{\"role\":\"admin\"}"))).isEmpty();
        assertThat(t.escalationFor(json.readTree("{\"role\":7,\"user_id\":3}"))).isEmpty();
    }

    private static String aliceProfile(LoopbackHttpServer server) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(server.uri().resolve("/api/me"))
                    .header("Authorization", "Bearer " + AccessControlFixtures.ALICE_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
