package dev.parapet.score;

import dev.parapet.model.Category;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Grade;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static dev.parapet.score.ScoreFixtures.completed;
import static dev.parapet.score.ScoreFixtures.finding;
import static dev.parapet.score.ScoreFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Encodes the numbers of docs/scoring.md sections 1, 2 and 4. */
class ScoringTest {

    private static final Category CAT = Category.INPUT_VALIDATION;

    @ParameterizedTest(name = "{0} costs {1} points")
    @CsvSource({"CRITICAL, 40", "HIGH, 25", "MEDIUM, 10", "LOW, 3", "INFO, 0"})
    void deductsThePointsTheDocGivesPerSeverity(Severity severity, int points) {
        assertThat(Scoring.deduction(severity)).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} counts {1}")
    @CsvSource({"CONFIRMED, 1.0", "FIRM, 0.8", "TENTATIVE, 0.5"})
    void weighsEachConfidenceByTheDocsFactor(Confidence confidence, double factor) {
        assertThat(Scoring.factor(confidence)).isEqualTo(factor);
    }

    /** The example table of section 2: "SEVERITY/CONFIDENCE/check" triples separated by spaces. */
    @ParameterizedTest(name = "[{0}] scores {1}")
    @CsvSource(delimiter = '|', value = {
            "                                                      | 100",
            "CRITICAL/CONFIRMED/a                                  | 60",
            "HIGH/FIRM/a                                           | 80",
            "MEDIUM/TENTATIVE/a                                    | 95",
            "LOW/CONFIRMED/a                                       | 97",
            "INFO/CONFIRMED/a                                      | 100",
            "HIGH/CONFIRMED/a HIGH/CONFIRMED/a                     | 63",
            "HIGH/CONFIRMED/a HIGH/CONFIRMED/b                     | 50",
            "MEDIUM/CONFIRMED/a MEDIUM/CONFIRMED/a MEDIUM/CONFIRMED/a | 82",
            "CRITICAL/CONFIRMED/a CRITICAL/CONFIRMED/b CRITICAL/CONFIRMED/c | 0",
            // half a point rounds up: 10 × 0.5 = 5, then 5 ÷ 2 = 2.5; 100 − 7.5 = 92.5 → 93
            "MEDIUM/TENTATIVE/a MEDIUM/TENTATIVE/a                 | 93",
            // the most severe finding of a check counts in full, whatever the order the check reported them in
            "LOW/CONFIRMED/a CRITICAL/CONFIRMED/a                  | 59",
    })
    void scoresACategoryAsTheDocsExamplesSay(String spec, int expected) {
        List<Finding> findings = parse(spec);
        ScoreCard card = Scoring.score(findings, runsFor(findings), ScanContext.DEFAULT);
        assertThat(scoreOf(card, CAT).score()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is grade {1}")
    @CsvSource({"100, A", "90, A", "89, B", "80, B", "79, C", "70, C", "69, D", "60, D", "59, F", "0, F"})
    void gradesByTheDocsBands(int score, Grade grade) {
        assertThat(Grade.of(score)).isEqualTo(grade);
    }

    @Test
    void confirmedCriticalCapsAnOtherwiseGoodGradeAtD() {
        List<Finding> findings = List.of(finding("a", CAT, Severity.CRITICAL, Confidence.CONFIRMED));
        List<CheckRun> runs = new ArrayList<>(runsFor(findings));
        runs.add(completed("b", Category.AUTHENTICATION));
        runs.add(completed("c", Category.BOLA));
        ScoreCard card = Scoring.score(findings, runs, ScanContext.DEFAULT);
        // (60 × 10 + 100 × 15 + 100 × 12) ÷ 37 = 89.2 → 89: a B before the cap
        assertThat(card.score()).isEqualTo(89);
        assertThat(card.grade()).isEqualTo(Grade.D);
        assertThat(card.gradeCap()).contains("confirmed critical");
    }

    @Test
    void firmCriticalCostsPointsButDoesNotCapTheGrade() {
        List<Finding> findings = List.of(finding("a", CAT, Severity.CRITICAL, Confidence.FIRM));
        List<CheckRun> runs = new ArrayList<>(runsFor(findings));
        runs.add(completed("b", Category.AUTHENTICATION));
        ScoreCard card = Scoring.score(findings, runs, ScanContext.DEFAULT);
        // category: 100 − 32 = 68; overall (68 × 10 + 100 × 15) ÷ 25 = 87.2 → 87
        assertThat(card.score()).isEqualTo(87);
        assertThat(card.grade()).isEqualTo(Grade.B);
        assertThat(card.gradeCap()).isEmpty();
    }

    @Test
    void capNeverRaisesAGradeThatIsAlreadyF() {
        List<Finding> findings = List.of(finding("a", CAT, Severity.CRITICAL, Confidence.CONFIRMED),
                finding("b", CAT, Severity.CRITICAL, Confidence.CONFIRMED));
        ScoreCard card = Scoring.score(findings, runsFor(findings), ScanContext.DEFAULT);
        assertThat(card.score()).isEqualTo(20);
        assertThat(card.grade()).isEqualTo(Grade.F);
    }

    @Test
    void overallScoreIsTheWeightedMeanOfAssessedCategoriesOnly() {
        List<Finding> findings = List.of(finding("auth", Category.AUTHENTICATION, Severity.CRITICAL,
                Confidence.FIRM), finding("auth", Category.AUTHENTICATION, Severity.LOW, Confidence.FIRM));
        List<CheckRun> runs = List.of(completed("auth", Category.AUTHENTICATION),
                completed("tls", Category.ENCRYPTION),
                run("ssrf", Category.SSRF, CheckStatus.NOT_APPLICABLE),
                run("bola", Category.BOLA, CheckStatus.ERRORED));
        ScoreCard card = Scoring.score(findings, runs, ScanContext.DEFAULT);
        // authentication: 100 − 32 − 2.4 ÷ 2 = 66.8 → 67; overall (67 × 15 + 100 × 8) ÷ 23 = 78.5 → 78
        assertThat(scoreOf(card, Category.AUTHENTICATION).score()).isEqualTo(67);
        assertThat(card.score()).isEqualTo(78);
        assertThat(card.grade()).isEqualTo(Grade.C);
    }

    @Test
    void docsWeightedMeanExampleHolds() {
        List<Finding> findings = List.of(finding("auth", Category.AUTHENTICATION, Severity.CRITICAL,
                Confidence.CONFIRMED));
        List<CheckRun> runs = List.of(completed("auth", Category.AUTHENTICATION), completed("tls", Category.ENCRYPTION));
        assertThat(Scoring.score(findings, runs, ScanContext.DEFAULT).score()).isEqualTo(74);
    }

    @Test
    void categoriesWithoutACompletedCheckAreNotAssessedCarryNoScoreAndSayWhy() {
        List<CheckRun> runs = List.of(completed("tls", Category.ENCRYPTION),
                run("ssrf", Category.SSRF, CheckStatus.NOT_APPLICABLE),
                run("bola", Category.BOLA, CheckStatus.ERRORED),
                run("bfla", Category.BFLA, CheckStatus.INTERRUPTED));
        ScoreCard card = Scoring.score(List.of(), runs, ScanContext.DEFAULT);
        assertThat(card.categories()).hasSize(Category.values().length);
        for (Category c : List.of(Category.SSRF, Category.BOLA, Category.BFLA, Category.LLM_SECURITY)) {
            CategoryScore s = scoreOf(card, c);
            assertThat(s.assessed()).as(c.id()).isFalse();
            assertThat(s.score()).as(c.id()).isNull();
            assertThat(s.reason()).as(c.id()).isNotBlank();
        }
        assertThat(scoreOf(card, Category.SSRF).reason()).contains("ssrf").contains("because");
        assertThat(scoreOf(card, Category.LLM_SECURITY).reason()).contains("no check of this category");
        // only encryption counts, so a clean encryption check gives 100 overall, not a mean diluted by 100s
        assertThat(card.score()).isEqualTo(100);
    }

    @Test
    void overallScoreIsNullAndGradeFWhenNothingWasAssessed() {
        ScoreCard card = Scoring.score(List.of(), List.of(run("ssrf", Category.SSRF, CheckStatus.NOT_APPLICABLE)),
                ScanContext.DEFAULT);
        assertThat(card.score()).isNull();
        assertThat(card.assessed()).isFalse();
        assertThat(card.grade()).isEqualTo(Grade.F);
        assertThat(card.categories()).noneMatch(CategoryScore::assessed);
    }

    @Test
    void contextShiftsTheOverallScoreThroughTheWeights() {
        List<Finding> findings = List.of(finding("auth", Category.AUTHENTICATION, Severity.CRITICAL,
                Confidence.CONFIRMED));
        List<CheckRun> runs = List.of(completed("auth", Category.AUTHENTICATION), completed("tls", Category.ENCRYPTION));
        // financial: (60 × 22.5 + 100 × 12) ÷ 34.5 = 73.9 → 74; internal: (60 × 15 + 100 × 4) ÷ 19 = 68.4 → 68
        assertThat(Scoring.score(findings, runs, ScanContext.FINANCIAL).score()).isEqualTo(74);
        assertThat(Scoring.score(findings, runs, ScanContext.INTERNAL).score()).isEqualTo(68);
        assertThat(scoreOf(Scoring.score(findings, runs, ScanContext.FINANCIAL), Category.AUTHENTICATION).weight())
                .isEqualTo(22.5);
    }

    private static List<Finding> parse(String spec) {
        List<Finding> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String item : spec.trim().split("\\s+")) {
            String[] p = item.split("/");
            out.add(finding(p[2], CAT, Severity.valueOf(p[0]), Confidence.valueOf(p[1])));
        }
        return out;
    }

    /** A completed run for every check named by the findings, and one for the category when there are none. */
    private static List<CheckRun> runsFor(List<Finding> findings) {
        List<CheckRun> runs = new ArrayList<>();
        findings.stream().map(Finding::checkId).distinct().forEach(id -> runs.add(completed(id, CAT)));
        if (runs.isEmpty()) {
            runs.add(completed("a", CAT));
        }
        return runs;
    }

    private static CategoryScore scoreOf(ScoreCard card, Category c) {
        return card.categories().stream().filter(s -> s.category() == c).findFirst().orElseThrow();
    }
}
