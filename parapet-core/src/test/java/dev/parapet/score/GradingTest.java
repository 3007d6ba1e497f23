package dev.parapet.score;

import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Verdict;
import dev.parapet.model.Verdict.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.parapet.score.ScoreFixtures.completed;
import static dev.parapet.score.ScoreFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Encodes "When a scan is not graded" of docs/scoring.md. */
class GradingTest {

    private static final List<CheckRun> FINISHED = List.of(completed("a", Category.BOLA),
            completed("b", Category.DATA_EXPOSURE));

    private static Grading.Evidence evidence(Grading.Answers answers) {
        return new Grading.Evidence(answers, Optional.empty(), Optional.empty(), "", false, FINISHED);
    }

    private static Grading.Answers healthy() {
        return new Grading.Answers(200, 3, 3, 1, 150);
    }

    @Test
    void gradesAScanThatReachedAnApiAndFinished() {
        assertThat(Grading.verdict(evidence(healthy()))).isEqualTo(Verdict.GRADED);
    }

    @Test
    void everyAnswerA429IsThrottledAndSaysHowMany() {
        Verdict v = Grading.verdict(evidence(new Grading.Answers(82, 82, 82, 0, 0)));
        assertThat(v.reason()).isEqualTo(Reason.THROTTLED);
        assertThat(v.line()).isEqualTo("every one of 82 answers was 429 Too Many Requests; lower --rate or "
                + "allow-list the scanner");
    }

    @Test
    void mostAnswersThrottledIsNotGradedButAFewAreTolerated() {
        assertThat(Grading.verdict(evidence(new Grading.Answers(100, 51, 40, 0, 30))).detail())
                .isEqualTo("51 of 100 answers were throttled (429, or 503 with Retry-After)");
        assertThat(Grading.verdict(evidence(new Grading.Answers(100, 49, 49, 0, 30))).graded()).isTrue();
    }

    @Test
    void everyAnswerAGatewayErrorIsNotGraded() {
        Verdict v = Grading.verdict(evidence(new Grading.Answers(40, 0, 0, 40, 0)));
        assertThat(v.reason()).isEqualTo(Reason.GATEWAY_ERRORS);
        assertThat(v.detail()).isEqualTo("every one of 40 answers was a gateway error (502, 503 or 504)");
    }

    @Test
    void aTargetThatDiedComesFirstAndNamesTheRequest() {
        Verdict v = Grading.verdict(new Grading.Evidence(new Grading.Answers(5, 5, 5, 0, 0), Optional.of("GET /login"),
                Optional.of(Reason.TARGET_DIED), "the target stopped answering", true, FINISHED));
        assertThat(v.reason()).isEqualTo(Reason.TARGET_DIED);
        assertThat(v.detail()).isEqualTo("the target stopped answering after GET /login");
    }

    @Test
    void aTimeBudgetThatRanOutSaysHowManyChecksFinished() {
        List<CheckRun> runs = List.of(completed("a", Category.BOLA), run("b", Category.SSRF, CheckStatus.INTERRUPTED),
                run("c", Category.SSRF, CheckStatus.PARTIAL));
        Verdict v = Grading.verdict(new Grading.Evidence(healthy(), Optional.empty(), Optional.of(Reason.TIME_BUDGET),
                "time budget of 2 s exhausted", true, runs));
        assertThat(v.line()).isEqualTo("time budget of 2 s exhausted with 1 of 3 checks finished; raise --max-time");
    }

    @Test
    void aUserStopIsNotGraded() {
        Verdict v = Grading.verdict(new Grading.Evidence(healthy(), Optional.empty(),
                Optional.of(Reason.STOPPED_BY_USER), "interrupted by user (Ctrl-C)", true, FINISHED));
        assertThat(v.reason()).isEqualTo(Reason.STOPPED_BY_USER);
    }

    @Test
    void noApiAnswerAndNoDescriptionIsNotGraded() {
        Verdict v = Grading.verdict(evidence(new Grading.Answers(60, 0, 0, 0, 0)));
        assertThat(v.reason()).isEqualTo(Reason.NO_API);
        assertThat(v.advice()).contains("--spec");
        assertThat(Grading.verdict(new Grading.Evidence(new Grading.Answers(60, 0, 0, 0, 0), Optional.empty(),
                Optional.empty(), "", true, FINISHED)).graded()).as("an API description counts").isTrue();
    }

    @Test
    void noCompletedCheckIsNotGraded() {
        Verdict v = Grading.verdict(new Grading.Evidence(healthy(), Optional.empty(), Optional.empty(), "", true,
                List.of(run("a", Category.BOLA, CheckStatus.NOT_APPLICABLE))));
        assertThat(v.reason()).isEqualTo(Reason.NOTHING_COMPLETED);
    }

    @Test
    void inputChecksThatTestedUnderATenthOfTheirInputsAreNotGraded() {
        CheckRun starved = new CheckRun("sql", Category.INPUT_VALIDATION, CheckStatus.PARTIAL, "budget", 0, 10, 0,
                Duration.ZERO, 10, 40, 3);
        Verdict v = Grading.verdict(new Grading.Evidence(healthy(), Optional.empty(), Optional.empty(), "", true,
                List.of(completed("a", Category.BOLA), starved)));
        assertThat(v.reason()).isEqualTo(Reason.TOO_FEW_INPUTS);
        assertThat(v.detail()).isEqualTo("the input checks tested 3 of 40 input points they apply to (under 10 %)");
        CheckRun enough = new CheckRun("sql", Category.INPUT_VALIDATION, CheckStatus.PARTIAL, "budget", 0, 10, 0,
                Duration.ZERO, 10, 40, 4);
        assertThat(Grading.verdict(new Grading.Evidence(healthy(), Optional.empty(), Optional.empty(), "", true,
                List.of(completed("a", Category.BOLA), enough))).graded()).isTrue();
    }
}
