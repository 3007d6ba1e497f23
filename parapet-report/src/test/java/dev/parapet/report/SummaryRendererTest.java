package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.score.GateVerdict;
import dev.parapet.testkit.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryRendererTest {

    private static final GateVerdict FAILED = new GateVerdict(false,
            List.of("1 finding is at or above high (--fail-on high)", "score 64 is below the threshold 70"));

    private static String plain(ScanReport report) {
        return Reports.render(ReportFormat.SUMMARY, report, RenderOptions.plain());
    }

    private static String details(ScanReport report) {
        return Reports.render(ReportFormat.SUMMARY, report, RenderOptions.plain().withDetails(true));
    }

    private static String categoryLine(String summary, Category c) {
        return Arrays.stream(summary.split("\n")).filter(l -> l.startsWith("  " + c.title()))
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + c.id() + " in\n" + summary));
    }

    @Test
    void matchesTheGoldenSummaries() {
        RenderOptions options = new RenderOptions(false, 100, Optional.of(FAILED));
        Golden.assertMatches("summary-short.txt", Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(),
                options));
        Golden.assertMatches("summary.txt", Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(),
                options.withDetails(true)));
    }

    @Test
    void theShortSummaryGivesEachCheckOneLineAndEndsWithTheRecapAndTheGate() {
        ScanReport report = ReportFixtures.full();
        String out = Reports.render(ReportFormat.SUMMARY, report, new RenderOptions(false, 100, Optional.of(FAILED)));
        for (Finding f : report.findings()) {
            assertThat(out.lines().filter(l -> l.endsWith("(" + f.checkId() + ")"))).as(f.checkId()).hasSize(1);
        }
        assertThat(out).doesNotContain("reproduce").doesNotContain("    remediation").contains("Coverage: ");
        List<String> lines = out.lines().toList();
        assertThat(lines.get(lines.size() - 2)).isEqualTo("Grade D · " + report.score().score()
                + "/100 · 7 findings: 1 critical · 1 high · 2 medium · 1 low · 2 info");
        assertThat(lines.getLast()).startsWith("FAILED: ");
        assertThat(lines.size()).isLessThan(details(report).lines().toList().size() / 2);
    }

    @Test
    void theShortSummaryShowsNoMarkdownOfTheRemediationAndTheDetailsShowItAsText() {
        Finding f = ReportFixtures.full().findings().getFirst();
        Finding withCode = new Finding(f.checkId(), f.category(), f.severity(), f.confidence(), f.title(),
                f.endpoint(), f.parameter(), f.evidence(), f.exchanges(), f.curl(),
                "Bind values, e.g. `stmt.setString(1, q)`:\n\n```java\nps.executeQuery();\n```", f.references(),
                f.tags(), f.fingerprint());
        String out = details(ReportFixtures.report(List.of(withCode), ReportFixtures.runs(), true, ""));
        assertThat(out).contains("Bind values, e.g. \"stmt.setString(1, q)\":", "ps.executeQuery();")
                .doesNotContain("`");
    }

    @Test
    void showsHeaderGradeAndEveryCategoryInOrder() {
        ScanReport report = ReportFixtures.full();
        String out = plain(report);
        assertThat(out.lines().findFirst().orElseThrow()).contains("Parapet 0.1.0-test", ReportFixtures.TARGET,
                "scan 3f9a0c2b7d1e", "12.3 s", "187 requests sent");
        assertThat(out).contains("mode safe");
        assertThat(out).contains("Grade D · " + report.score().score() + "/100",
                "a confirmed critical finding caps the grade at D");
        int last = -1;
        for (Category c : Category.values()) {
            int at = out.indexOf("\n  " + c.title());
            assertThat(at).as("position of %s", c.id()).isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void countsWhatTheApiDescriptionCoveredOnlyWhenTheScanHadOne() {
        String wide = Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(),
                new RenderOptions(false, 200, Optional.empty()).withDetails(true));
        assertThat(wide).contains("API description " + ReportFixtures.TARGET
                + "/openapi.json (OpenAPI 3.0.3): 2 documented · 1 discovered · 2 tested · 1 skipped · 1 warning");
        assertThat(details(ReportFixtures.withoutSpec())).doesNotContain("API description");
    }

    @Test
    void countsTheEndpointsByWhereEachCameFrom() {
        assertThat(Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(), new RenderOptions(false, 200,
                Optional.empty()).withDetails(true))).contains("endpoints       4 (1 target · 1 crawl · 2 spec)");
    }

    @Test
    void namesANonDefaultScoringContextInTheHeader() {
        ScanReport r = ReportFixtures.full();
        ScanReport financial = new ScanReport(r.schemaVersion(), r.scanId(), r.parapetVersion(), r.target(), r.mode(),
                ScanContext.FINANCIAL, r.startedAt(), r.duration(), true, "", r.score(), r.findings(),
                r.attackPaths(), r.checks(), r.endpoints(), r.apiDocuments(), r.stats());
        assertThat(plain(financial)).contains("context financial");
        assertThat(plain(r)).doesNotContain("context");
    }

    @Test
    void listsEveryFindingWithItsDetailsWhenAsked() {
        ScanReport report = ReportFixtures.full();
        String out = details(report);
        for (Finding f : report.findings()) {
            assertThat(out).contains(f.title(), f.checkId());
            if (f.severity() != Severity.INFO) {
                assertThat(out).contains("[" + f.severity().id() + " · " + f.confidence().id() + "]", f.curl(),
                        f.endpoint().display());
            }
        }
        assertThat(out).contains("parameter    table", "OWASP API8:2023, CWE-89",
                "Never build SQL identifiers from input.");
    }

    @Test
    void ordersSeverityGroupsFromCriticalToInfo() {
        String out = plain(ReportFixtures.full());
        assertThat(out.indexOf("\nCRITICAL · 1")).isLessThan(out.indexOf("\nHIGH · 1"));
        assertThat(out.indexOf("\nHIGH · 1")).isLessThan(out.indexOf("\nMEDIUM · 2"));
        assertThat(out.indexOf("\nMEDIUM · 2")).isLessThan(out.indexOf("\nLOW · 1"));
        assertThat(out.indexOf("\nLOW · 1")).isLessThan(out.indexOf("\nINFO · 2"));
    }

    @Test
    void marksUnassessedCategoriesAsNotAssessedWithTheirReasonNeverAsAScore() {
        ScanReport report = ReportFixtures.full();
        String out = plain(report);
        for (CategoryScore c : report.score().categories()) {
            String line = categoryLine(out, c.category());
            if (c.assessed()) {
                assertThat(line).contains(String.valueOf(c.score())).doesNotContain("not assessed");
            } else {
                assertThat(line).contains("not assessed").doesNotContain("100").doesNotContain("█");
            }
        }
        assertThat(categoryLine(out, Category.LLM_SECURITY)).contains("no LLM endpoint found");
    }

    @Test
    void neverShows100WhenNothingCouldBeAssessed() {
        String out = plain(ReportFixtures.nothingAssessed());
        assertThat(out).doesNotContain("100").doesNotContain("Grade ")
                .contains("NOT GRADED (no check ran to completion)");
        for (Category c : Category.values()) {
            assertThat(categoryLine(out, c)).contains("not assessed");
        }
    }

    @Test
    void anUngradedScanHeadlinesWhyAndShowsNoScoreAnywhere() {
        ScanReport r = ReportFixtures.notGraded();
        String out = plain(r);
        assertThat(out).contains("NOT GRADED (80 of 82 answers were throttled (429, or 503 with Retry-After))")
                .contains("lower --rate or allow-list the scanner").doesNotContain("Grade ")
                .doesNotContain("/100").doesNotContain("█");
        for (CategoryScore c : r.score().categories()) {
            String line = categoryLine(out, c.category());
            assertThat(line).contains(c.assessed() ? "not graded" : "not assessed")
                    .doesNotContain(" 100 ");
        }
    }

    @Test
    void announcesAnIncompleteScanWithItsReasonBeforeTheGrade() {
        String out = plain(ReportFixtures.incomplete());
        assertThat(out).contains("!! INCOMPLETE SCAN: time budget of 300 s exhausted");
        assertThat(out.indexOf("INCOMPLETE SCAN")).isLessThan(out.indexOf("NOT GRADED ("));
        assertThat(plain(ReportFixtures.full())).doesNotContain("INCOMPLETE");
    }

    @Test
    void emitsNoEscapeCodesWithoutColour() {
        RenderOptions options = new RenderOptions(false, 100, Optional.of(FAILED));
        assertThat(Reports.render(ReportFormat.SUMMARY, ReportFixtures.incomplete(), options)).doesNotContain("\u001b");
    }

    @Test
    void coloursSeveritiesGradeAndGateWhenAsked() {
        RenderOptions options = new RenderOptions(true, 100, Optional.of(FAILED)).withDetails(true);
        String out = Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(), options);
        assertThat(out).contains("\u001b[1m\u001b[35m[critical · confirmed]\u001b[0m")
                .contains("\u001b[1m\u001b[31mGrade D").contains("\u001b[1m\u001b[31mFAILED: ");
        assertThat(out.replaceAll("\u001b\\[[0-9;]*m", ""))
                .isEqualTo(Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(),
                        new RenderOptions(false, 100, Optional.of(FAILED)).withDetails(true)));
        String brief = Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(),
                new RenderOptions(true, 100, Optional.of(FAILED)));
        assertThat(brief.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(Reports.render(ReportFormat.SUMMARY,
                ReportFixtures.full(), new RenderOptions(false, 100, Optional.of(FAILED))));
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 72, 100, 140})
    void wrapsEveryLineButTheCurlCommandsAndTheRecapToTheWidth(int width) {
        for (boolean full : List.of(false, true)) {
            String out = Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(),
                    new RenderOptions(false, width, Optional.of(new GateVerdict(true, List.of()))).withDetails(full));
            out.lines().filter(l -> !l.startsWith("    reproduce") && !l.startsWith("Grade "))
                    .forEach(l -> assertThat(l.length()).as("length of '%s'", l).isLessThanOrEqualTo(width));
        }
    }

    @Test
    void endsWithTheGateLineOnlyWhenAGateIsGiven() {
        String failed = Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(),
                new RenderOptions(false, 100, Optional.of(FAILED)));
        assertThat(failed).endsWith("\nFAILED: 1 finding is at or above high (--fail-on high); score 64 is below "
                + "the threshold 70\n");
        String passed = Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(),
                new RenderOptions(false, 100, Optional.of(new GateVerdict(true, List.of()))));
        assertThat(passed).endsWith("\nPASSED\n");
        assertThat(plain(ReportFixtures.full())).doesNotContain("PASSED").doesNotContain("FAILED");
    }

    @Test
    void collapsesInformationalFindingsPastTheLimitIntoACount() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < FindingsSection.MAX_INFO_LINES + 5; i++) {
            findings.add(Finding.builder("server-fingerprint", Category.INVENTORY).severity(Severity.INFO)
                    .confidence(Confidence.FIRM).title("Header discloses software " + i)
                    .endpoint(new Endpoint("GET", URI.create(ReportFixtures.TARGET + "/p" + i),
                            Endpoint.Source.DISCOVERED)).discriminator("h" + i).build());
        }
        String out = details(ReportFixtures.report(findings, ReportFixtures.runs(), true, ""));
        assertThat(out).contains("INFO · 15", "… and 5 more informational findings");
        assertThat(out.lines().filter(l -> l.contains("Header discloses software"))).hasSize(10);
    }

    @Test
    void saysSoWhenThereAreNoFindings() {
        assertThat(plain(ReportFixtures.nothingAssessed())).contains("Findings\n  No findings.");
    }
}
