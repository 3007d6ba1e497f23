package dev.parapet.checks.bola;

import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
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

class CrossIdentityObjectWriteCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new CrossIdentityObjectWriteCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return WriteFixtures.start(Set.of(Weakness.FOREIGN_EMAIL)).server();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return WriteFixtures.start(Set.of()).server();
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return ActiveScans.config(target, TwoIdentities.aliceAndBob(), false);
    }

    @Test
    void flagsTheSecondIdentityChangingTheFirstIdentitysEmailAndWritesItBack() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.FOREIGN_EMAIL))) {
            String before = api.state();
            ScanReport report = CheckHarness.scan(configFor(api.uri()), List.of(check()));
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.endpoint().display()).isEqualTo("PATCH /api/users/2");
                assertThat(f.parameter()).isEqualTo("user_id");
                assertThat(f.evidence()).contains("PATCH /api/users/2 {\"email\":\"parapet-",
                        "as the second identity -> 200", "(was \"alice@example.com\")",
                        "the second identity's own GET -> 403", "old value undone");
                assertThat(f.exchanges().getFirst().request().headers().first("Authorization"))
                        .hasValueSatisfying(h -> assertThat(h).doesNotContain("alice"));
            });
            assertThat(api.state()).as("the fixture after the scan").isEqualTo(before);
            assertThat(report.writes()).isNotEmpty().allSatisfy(w -> assertThat(w.outcome())
                    .isIn(WriteRecord.Outcome.UNDONE, WriteRecord.Outcome.NOTHING_TO_UNDO));
            assertThat(api.writeMethods()).doesNotContain("DELETE");
        }
    }

    @Test
    void findsNothingToUndoWhereTheApiRefusesTheSecondIdentity() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of())) {
            String before = api.state();
            ScanReport report = CheckHarness.scan(configFor(api.uri()), List.of(check()));
            assertThat(report.findings()).isEmpty();
            assertThat(api.state()).isEqualTo(before);
            assertThat(report.writes()).extracting(WriteRecord::outcome)
                    .containsOnly(WriteRecord.Outcome.NOTHING_TO_UNDO);
            assertThat(report.writes()).allSatisfy(w -> assertThat(w.checkId()).isEqualTo("cross-identity-object-write"));
        }
    }

    @Test
    void needsTwoIdentitiesAndActiveMode() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.FOREIGN_EMAIL))) {
            ScanReport one = CheckHarness.scan(ActiveScans.config(api.uri(), TwoIdentities.aliceOnly(), false),
                    List.of(check()));
            assertThat(CheckHarness.onlyRun(one).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            ScanReport safe = CheckHarness.scan(CheckHarness.config(api.uri())
                    .withIdentities(TwoIdentities.aliceAndBob()), List.of(check()));
            assertThat(CheckHarness.onlyRun(safe).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(api.writeMethods()).isEmpty();
        }
    }
}
