package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.bola.TwoIdentities;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.OperationCoverage;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Untested;
import dev.parapet.model.WriteRecord;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.WriteFixtures;
import dev.parapet.testkit.fixtures.WriteFixtures.Weakness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mass-assignment} on the creates and updates an API description documents, against {@link WriteFixtures}. */
class MassAssignmentOnDocumentedWritesTest {

    private static ScanReport scan(WriteFixtures.Api api, boolean allowDelete) {
        return CheckHarness.scan(ActiveScans.config(api.uri(), TwoIdentities.aliceOnly(), allowDelete),
                List.of(new MassAssignmentCheck()));
    }

    @Test
    void flagsASignUpThatTakesRoleFromTheBodyAndDeletesEveryAccountItMade() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.REGISTER_ROLE))) {
            String before = api.state();
            ScanReport report = scan(api, true);
            Finding f = report.findings().stream().filter(x -> x.endpoint().display().equals("POST /api/users"))
                    .findFirst().orElseThrow(() -> new AssertionError(report.findings()));
            assertThat(f.title()).startsWith("POST /api/users sets privileged properties ").contains("role",
                    "is_admin");
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.evidence()).contains("read them back", "the object undone");
            assertThat(f.exchanges().getFirst().request().body()).contains("\"role\":\"admin\"", "parapet-");
            assertThat(api.state()).as("no account is left behind").isEqualTo(before);
            assertThat(report.writes()).filteredOn(w -> w.kind() == WriteRecord.Kind.CREATED).hasSizeGreaterThan(1)
                    .allSatisfy(w -> assertThat(w.outcome()).as(w.detail()).isEqualTo(WriteRecord.Outcome.UNDONE));
            assertThat(api.writeMethods()).contains("DELETE");
        }
    }

    @Test
    void flagsAProfileUpdateThatTakesIsAdminAndRestoresIt() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.PROFILE_IS_ADMIN))) {
            String before = api.state();
            ScanReport report = scan(api, false);
            assertThat(report.findings()).extracting(Finding::title)
                    .containsExactly("Own object at /api/profile accepts privileged property isAdmin");
            assertThat(report.findings().getFirst().evidence()).contains("PATCH /api/profile {\"isAdmin\":true}",
                    "(was false)", "original written back and read again");
            assertThat(api.state()).isEqualTo(before);
        }
    }

    @Test
    void staysQuietWhereTheApiIgnoresOrRefusesPrivilegedFields() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of())) {
            String before = api.state();
            ScanReport report = scan(api, true);
            assertThat(report.findings()).isEmpty();
            assertThat(api.state()).isEqualTo(before);
            assertThat(report.writesNotUndone()).isEmpty();
        }
    }

    @Test
    void leavesCreatesUntestedWithoutAllowDelete() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.REGISTER_ROLE))) {
            String before = api.state();
            ScanReport report = scan(api, false);
            OperationCoverage signUp = report.coverage().details().stream()
                    .filter(d -> d.display().equals("POST /api/users")).findFirst().orElseThrow();
            assertThat(signUp.untestedInputs()).anySatisfy(u -> assertThat(u).contains(Untested.MODE.label()));
            assertThat(api.writeMethods()).doesNotContain("POST", "DELETE");
            assertThat(api.state()).isEqualTo(before);
        }
    }

    @Test
    void reportsARefusedBaselineAsUntestedWithTheAnswer() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.REGISTER_ROLE))) {
            ScanReport report = scan(api, true);
            OperationCoverage avatar = report.coverage().details().stream()
                    .filter(d -> d.display().equals("POST /api/avatar")).findFirst().orElseThrow();
            assertThat(avatar.untestedInputs()).anySatisfy(u -> assertThat(u)
                    .contains(Untested.BASELINE_REFUSED.label(), "400", "avatar host not allowed"));
        }
    }
}
