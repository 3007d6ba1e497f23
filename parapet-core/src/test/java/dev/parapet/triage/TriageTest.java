package dev.parapet.triage;

import dev.parapet.config.Gate;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.score.GateVerdict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TriageTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    final Finding sql = TriageFixtures.finding("sql", Severity.CRITICAL, "/items");
    final Finding cors = TriageFixtures.finding("cors", Severity.MEDIUM, "/items");
    final Finding banner = TriageFixtures.finding("banner", Severity.HIGH, "/");

    @Test
    void baselineKeepsKnownFindingsOutOfTheGateSoTheSameScanPasses() {
        ScanReport report = TriageFixtures.report(List.of(sql, cors));
        Triage t = Triage.of(report, Optional.of(Baseline.of(report)), Suppressions.NONE, TODAY);
        assertThat(t.gated()).isEmpty();
        assertThat(t.known()).hasSize(2);
        assertThat(GateVerdict.evaluate(report, Gate.DEFAULT).passed()).isFalse();
        assertThat(t.verdict(report, Gate.DEFAULT).passed()).isTrue();
    }

    @Test
    void findingNotInTheBaselineFailsTheGateAndSaysItIsNew() {
        ScanReport before = TriageFixtures.report(List.of(cors));
        ScanReport after = TriageFixtures.report(List.of(cors, sql));
        Triage t = Triage.of(after, Optional.of(Baseline.of(before)), Suppressions.NONE, TODAY);
        assertThat(t.gated()).containsExactly(sql);
        GateVerdict v = t.verdict(after, Gate.DEFAULT);
        assertThat(v.passed()).isFalse();
        assertThat(v.reasons()).singleElement().asString().startsWith("1 finding is at or above high")
                .contains("new against the baseline");
    }

    @Test
    void thresholdJudgesTheScoreOfNewFindingsOnly() {
        ScanReport report = TriageFixtures.report(List.of(sql, cors));
        Gate threshold = new Gate(Optional.of(95), Optional.empty());
        assertThat(GateVerdict.evaluate(report, threshold).passed()).isFalse();
        Triage t = Triage.of(report, Optional.of(Baseline.of(TriageFixtures.report(List.of(sql)))),
                Suppressions.NONE, TODAY);
        assertThat(t.verdict(report, threshold).reasons()).singleElement().asString().contains("below the threshold 95");
        Triage all = Triage.of(report, Optional.of(Baseline.of(report)), Suppressions.NONE, TODAY);
        assertThat(all.verdict(report, threshold).passed()).isTrue();
    }

    @Test
    void activeSuppressionKeepsItsFindingOutButAnExpiredOneDoesNot() {
        ScanReport report = TriageFixtures.report(List.of(banner, cors));
        Suppression active = new Suppression("", "banner", "/", "public anyway", TODAY);
        Triage ok = Triage.of(report, Optional.empty(), new Suppressions(List.of(active)), TODAY);
        assertThat(ok.suppressed()).extracting(Triage.Suppressed::finding).containsExactly(banner);
        assertThat(ok.verdict(report, Gate.DEFAULT).passed()).isTrue();

        Suppression old = new Suppression(banner.fingerprint(), "", "", "was fixed upstream", TODAY.minusDays(1));
        Triage expired = Triage.of(report, Optional.empty(), new Suppressions(List.of(old)), TODAY);
        assertThat(expired.expired()).containsExactly(old);
        assertThat(expired.gated()).contains(banner);
        assertThat(expired.verdict(report, Gate.DEFAULT).passed()).isFalse();
    }

    @Test
    void withoutBaselineOrSuppressionsTheVerdictIsTheUsualOne() {
        ScanReport report = TriageFixtures.report(List.of(sql));
        Triage t = Triage.of(report, Optional.empty(), Suppressions.NONE, TODAY);
        assertThat(t.verdict(report, Gate.DEFAULT)).isEqualTo(GateVerdict.evaluate(report, Gate.DEFAULT));
    }
}
