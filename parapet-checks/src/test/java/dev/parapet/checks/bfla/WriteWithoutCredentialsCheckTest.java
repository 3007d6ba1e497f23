package dev.parapet.checks.bfla;

import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.bola.TwoIdentities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.OperationCoverage;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.Untested;
import dev.parapet.model.WriteRecord;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.WriteFixtures;
import dev.parapet.testkit.fixtures.WriteFixtures.Weakness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WriteWithoutCredentialsCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new WriteWithoutCredentialsCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return WriteFixtures.start(Set.of(Weakness.ANONYMOUS_WRITES)).server();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return WriteFixtures.start(Set.of()).server();
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return ActiveScans.config(target, TwoIdentities.aliceOnly(), true);
    }

    @Test
    void flagsAnAnonymousUpdateAndAnAnonymousCreateByWhatTheUserReadsBack() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.ANONYMOUS_WRITES))) {
            String before = api.state();
            ScanReport report = CheckHarness.scan(configFor(api.uri()), List.of(check()));
            assertThat(report.findings()).extracting(Finding::title).containsExactlyInAnyOrder(
                    "PATCH /api/users/{user_id} accepts writes without credentials",
                    "POST /api/notes accepts writes without credentials");
            assertThat(report.findings()).allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.exchanges().getFirst().request().headers().first("Authorization")).isEmpty();
            });
            Finding patch = report.findings().stream().filter(f -> f.title().startsWith("PATCH")).findFirst()
                    .orElseThrow();
            assertThat(patch.evidence()).contains("without credentials -> 200", "email set to \"parapet-",
                    "change undone");
            assertThat(api.state()).as("the fixture after the scan").isEqualTo(before);
            assertThat(report.writes()).extracting(WriteRecord::outcome)
                    .containsOnly(WriteRecord.Outcome.UNDONE, WriteRecord.Outcome.NOTHING_TO_UNDO);
        }
    }

    @Test
    void takesTwoHundredWithAnErrorForTheRefusalItIs() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of())) {
            String before = api.state();
            ScanReport report = CheckHarness.scan(configFor(api.uri()), List.of(check()));
            assertThat(report.findings()).isEmpty();
            assertThat(api.state()).isEqualTo(before);
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.COMPLETED);
        }
    }

    @Test
    void leavesCreatesUntestedWithoutAllowDeleteAndSendsNoDelete() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.ANONYMOUS_WRITES))) {
            ScanReport report = CheckHarness.scan(ActiveScans.config(api.uri(), TwoIdentities.aliceOnly(), false),
                    List.of(check()));
            assertThat(report.findings()).extracting(Finding::title)
                    .containsExactly("PATCH /api/users/{user_id} accepts writes without credentials");
            OperationCoverage notes = report.coverage().details().stream()
                    .filter(d -> d.display().equals("POST /api/notes")).findFirst().orElseThrow();
            assertThat(notes.untestedInputs()).anySatisfy(u -> assertThat(u).contains(Untested.MODE.label(),
                    "--allow-delete"));
            assertThat(api.writeMethods()).doesNotContain("DELETE", "POST");
        }
    }
}
