package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.testkit.Golden;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TableRendererTest {

    private static List<String> lines(ScanReport report) {
        return Reports.render(ReportFormat.TABLE, report, RenderOptions.plain()).lines().toList();
    }

    @Test
    void matchesTheGoldenTable() {
        Golden.assertMatches("table.txt", Reports.render(ReportFormat.TABLE, ReportFixtures.full(),
                RenderOptions.plain()));
    }

    @Test
    void printsOneRowPerFindingMostSevereFirstBetweenHeaderAndFooter() {
        ScanReport report = ReportFixtures.full();
        List<String> lines = lines(report);
        assertThat(lines).hasSize(report.findings().size() + 2);
        assertThat(lines.getFirst()).startsWith("SEVERITY").contains("CONFIDENCE", "CHECK", "CATEGORY", "ENDPOINT",
                "TITLE");
        List<Finding> findings = report.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            assertThat(lines.get(i + 1)).startsWith(f.severity().id()).contains(f.confidence().id(), f.checkId(),
                    f.category().id());
        }
        assertThat(lines.getLast()).isEqualTo("Grade D · " + report.score().score() + "/100 · 7 findings "
                + "(1 critical, 1 high, 2 medium, 1 low, 2 info) · 8 of 12 categories assessed");
    }

    @Test
    void alignsColumnsSoEveryRowStartsItsCellsAtTheSameOffsets() {
        List<String> lines = lines(ReportFixtures.full());
        int check = lines.getFirst().indexOf("CHECK");
        int endpoint = lines.getFirst().indexOf("ENDPOINT");
        for (String row : lines.subList(1, lines.size() - 1)) {
            assertThat(row.charAt(check - 1)).isEqualTo(' ');
            assertThat(row.charAt(check)).isNotEqualTo(' ');
            assertThat(row.substring(endpoint)).matches("(GET|POST|HEAD) /.*");
        }
    }

    @Test
    void truncatesLongCellsWithAnEllipsis() {
        String title = "A very long title that keeps going ".repeat(6).strip();
        Finding f = Finding.builder("a-check-id-that-is-much-longer-than-the-column-allows", Category.INVENTORY)
                .severity(Severity.LOW).confidence(Confidence.FIRM).title(title)
                .endpoint(new dev.parapet.model.Endpoint("GET", ReportFixtures.uri("/" + "segment/".repeat(10)),
                        dev.parapet.model.Endpoint.Source.SPEC)).build();
        String row = lines(ReportFixtures.report(List.of(f), ReportFixtures.runs(), true, "")).get(1);
        assertThat(row).contains("a-check-id-that-is-much-longer-…", "GET /api/segment/segment/segment/segmen…")
                .doesNotContain(title).endsWith("…");
        assertThat(row.substring(row.indexOf("A very long"))).hasSize(TableRenderer.MIN_TITLE);
    }

    @Test
    void marksAnIncompleteScanInTheFooter() {
        assertThat(lines(ReportFixtures.incomplete()).getLast())
                .endsWith(" · INCOMPLETE: time budget of 300 s exhausted");
    }

    @Test
    void footerOfAnUngradedScanSaysNotGradedInsteadOfAGrade() {
        assertThat(lines(ReportFixtures.notGraded()).getLast())
                .startsWith("NOT GRADED (80 of 82 answers were throttled (429, or 503 with Retry-After)) · ")
                .doesNotContain("Grade");
    }

    @Test
    void printsOnlyHeaderAndFooterWithoutFindings() {
        List<String> lines = lines(ReportFixtures.nothingAssessed());
        assertThat(lines).hasSize(2);
        assertThat(lines.getLast()).startsWith("NOT GRADED (no check ran to completion) · 0 findings");
    }

    @Test
    void emitsEscapeCodesOnlyWhenColourIsOn() {
        assertThat(Reports.render(ReportFormat.TABLE, ReportFixtures.full(), RenderOptions.plain()))
                .doesNotContain("\u001b");
        assertThat(Reports.render(ReportFormat.TABLE, ReportFixtures.full(),
                new RenderOptions(true, 100, Optional.empty()))).contains("\u001b[");
    }
}
