package dev.parapet.score;

import dev.parapet.config.Gate;
import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScanStats;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.parapet.score.ScoreFixtures.completed;
import static dev.parapet.score.ScoreFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

/** Encodes the gate rules of docs/scoring.md section 5. */
class GateVerdictTest {

    @ParameterizedTest(name = "score {0}, threshold {1}: passes = {2}")
    @CsvSource({"70, 70, true", "69, 70, false", "100, 100, true", "100, 101, false", "0, 0, true", "0, 1, false"})
    void failsWhenTheScoreIsBelowTheThreshold(int score, int threshold, boolean passes) {
        ScanReport report = report(clean(score), List.of());
        GateVerdict v = GateVerdict.evaluate(report, new Gate(Optional.of(threshold), Optional.empty()));
        assertThat(v.passed()).isEqualTo(passes);
        assertThat(v.reasons().isEmpty()).isEqualTo(passes);
        if (!passes) {
            assertThat(v.reasons().getFirst()).contains(String.valueOf(score)).contains(String.valueOf(threshold));
        }
    }

    @Test
    void thresholdOf101FailsEvenAPerfectScan() {
        ScanReport perfect = report(clean(100), List.of());
        assertThat(GateVerdict.evaluate(perfect, new Gate(Optional.of(101), Optional.empty())).passed()).isFalse();
    }

    @Test
    void aThresholdFailsWhenNothingWasAssessed() {
        ScoreCard none = Scoring.score(List.of(), List.of(), ScanContext.DEFAULT);
        GateVerdict v = GateVerdict.evaluate(report(none, List.of()), new Gate(Optional.of(0), Optional.empty()));
        assertThat(v.passed()).isFalse();
        assertThat(v.reasons().getFirst()).contains("no category could be assessed");
    }

    @ParameterizedTest(name = "a {0} finding with --fail-on {1}: passes = {2}")
    @CsvSource({"HIGH, HIGH, false", "CRITICAL, HIGH, false", "MEDIUM, HIGH, true", "INFO, INFO, false",
            "LOW, MEDIUM, true"})
    void failsOnAFindingAtOrAboveTheSeverity(Severity found, Severity failOn, boolean passes) {
        Finding f = finding("a", Category.BOLA, found, Confidence.FIRM);
        GateVerdict v = GateVerdict.evaluate(report(clean(90), List.of(f)), new Gate(Optional.empty(),
                Optional.of(failOn)));
        assertThat(v.passed()).isEqualTo(passes);
        if (!passes) {
            assertThat(v.reasons().getFirst()).contains("--fail-on " + failOn.id());
        }
    }

    @Test
    void failOnNoneIgnoresEvenCriticalFindings() {
        Finding f = finding("a", Category.BOLA, Severity.CRITICAL, Confidence.CONFIRMED);
        assertThat(GateVerdict.evaluate(report(clean(90), List.of(f)), new Gate(Optional.empty(), Optional.empty()))
                .passed()).isTrue();
    }

    @Test
    void theDefaultGateFailsOnHighAndHasNoThreshold() {
        assertThat(Gate.DEFAULT.failOn()).contains(Severity.HIGH);
        assertThat(Gate.DEFAULT.threshold()).isEmpty();
        assertThat(GateVerdict.evaluate(report(clean(10), List.of()), Gate.DEFAULT).passed()).isTrue();
    }

    @Test
    void listsEveryReasonWhenBothRulesFail() {
        Finding f = finding("a", Category.BOLA, Severity.HIGH, Confidence.FIRM);
        GateVerdict v = GateVerdict.evaluate(report(clean(50), List.of(f, finding("b", Category.BOLA, Severity.HIGH,
                Confidence.FIRM))), new Gate(Optional.of(60), Optional.of(Severity.HIGH)));
        assertThat(v.reasons()).hasSize(2);
        assertThat(v.reasons().get(1)).startsWith("2 findings are at or above high");
    }

    @Test
    void anUngradedScanNeverPassesEvenWithoutAnyRule() {
        ScanReport throttled = report(clean(100), List.of()).withVerdict(dev.parapet.model.Verdict.notGraded(
                dev.parapet.model.Verdict.Reason.THROTTLED, "every one of 82 answers was 429 Too Many Requests",
                "lower --rate or allow-list the scanner"));
        GateVerdict v = GateVerdict.evaluate(throttled, new Gate(Optional.of(0), Optional.empty()));
        assertThat(v.passed()).isFalse();
        assertThat(v.reasons()).containsExactly("not graded: every one of 82 answers was 429 Too Many Requests");
        assertThat(GateVerdict.evaluate(throttled, new Gate(Optional.empty(), Optional.empty())).passed()).isFalse();
    }

    @Test
    void anUngradedScanStillFailsOnItsPartialFindings() {
        Finding f = finding("a", Category.BOLA, Severity.HIGH, Confidence.FIRM);
        ScanReport cut = report(clean(90), List.of(f)).withVerdict(dev.parapet.model.Verdict.notGraded(
                dev.parapet.model.Verdict.Reason.TIME_BUDGET, "time budget of 2 s exhausted with 4 of 43 checks "
                        + "finished", "raise --max-time"));
        GateVerdict v = GateVerdict.evaluate(cut, Gate.DEFAULT);
        assertThat(v.reasons()).hasSize(2);
        assertThat(v.reasons().get(1)).startsWith("1 finding is at or above high");
    }

    /** A score card whose overall score is {@code score} (one assessed category, no findings needed). */
    private static ScoreCard clean(int score) {
        ScoreCard base = Scoring.score(List.of(), List.of(completed("a", Category.BOLA)), ScanContext.DEFAULT);
        return new ScoreCard(score, dev.parapet.model.Grade.of(score), "", base.categories());
    }

    private static ScanReport report(ScoreCard card, List<Finding> findings) {
        List<CheckRun> runs = List.of(completed("a", Category.BOLA));
        return new ScanReport(ScanReport.SCHEMA_VERSION, "s1", "test", "http://127.0.0.1:1/", ScanMode.SAFE,
                ScanContext.DEFAULT, Instant.EPOCH, Duration.ZERO, true, "", card, findings, List.of(), runs,
                List.of(), List.of(), new ScanStats(0, 0, 0, 0, 0, 0));
    }
}
