package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.testkit.Golden;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private static String markdown(ScanReport report) {
        return Reports.render(ReportFormat.MARKDOWN, report, RenderOptions.plain());
    }

    @Test
    void matchesTheGoldenFile() {
        Golden.assertMatches("report.md", markdown(ReportFixtures.full()));
    }

    @Test
    void leadsWithGradeAndScoreAndListsEveryFindingWithCollapsibleDetails() {
        ScanReport report = ReportFixtures.full();
        String md = markdown(report);
        assertThat(md).startsWith("## Parapet · Grade " + report.score().grade() + " · "
                + report.score().score() + "/100\n");
        assertThat(md).contains("| Severity | Title | Endpoint | Check |")
                .contains("### Attack paths").contains("### Categories");
        for (Finding f : report.findings()) {
            assertThat(md).contains("| " + f.severity().id() + " | " + MarkdownText.escape(f.title()) + " | ");
        }
        // one block per finding, and the endpoint list
        assertThat(md.split("<details>", -1)).hasSize(report.findings().size() + 2);
        assertThat(md).contains("```sh\ncurl -i -s").doesNotContain("Shortened");
    }

    @Test
    void countsTheEndpointsBySourceAndListsEachWithItsSource() {
        String md = markdown(ReportFixtures.full());
        assertThat(md).contains("4 endpoints (1 target · 1 crawl · 2 spec)")
                .contains("<details><summary>Endpoints by source</summary>")
                .contains("| `GET /api/.env` | crawl |").contains("| `GET /api/orders/7` | spec |");
    }

    @Test
    void countsWhatTheApiDescriptionCoveredOnlyWhenTheScanHadOne() {
        assertThat(markdown(ReportFixtures.full())).contains("API description `" + ReportFixtures.TARGET
                + "/openapi.json` (OpenAPI 3.0.3): 2 documented · 1 discovered · 2 tested · 1 skipped · 1 warning\n");
        assertThat(markdown(ReportFixtures.withoutSpec())).doesNotContain("API description");
    }

    @Test
    void neutralisesLinksImagesHtmlAndTableBreaksFromTheTarget() {
        String md = markdown(hostile("![x](https://tracker.example/p.png) [click](https://evil.example) "
                + "<img src=x onerror=alert(1)> a|b **bold** `code`"));
        assertThat(md).doesNotContain("[click](").doesNotContain("![x](").doesNotContain("<img")
                .contains("\\[click\\]").contains("&lt;img src=x onerror=alert(1)&gt;").contains("a\\|b")
                .contains("\\*\\*bold\\*\\*");
        assertThat(md).contains("<summary>high · !&#91;x&#93;(https://tracker.example/p.png) &#91;click&#93;"
                + "(https://evil.example) &lt;img");
    }

    @Test
    void keepsAFenceThatEvidenceWithBackticksCannotClose() {
        String md = markdown(hostile("ok"));
        assertThat(md).contains("````text\n``` not a fence end\n````");
    }

    @Test
    void staysUnderTheSizeBudgetForHugeReportsAndSaysWhatItLeftOut() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(Finding.builder("readable-env-file", Category.DATA_EXPOSURE).severity(Severity.MEDIUM)
                    .confidence(Confidence.FIRM).title("Backup file number " + i + " is served")
                    .endpoint(new Endpoint("GET", ReportFixtures.uri("/backup-" + i + ".sql"),
                            Endpoint.Source.DISCOVERED))
                    .evidence("x".repeat(300)).remediation("Remove it.").build());
        }
        String md = markdown(ReportFixtures.report(many, ReportFixtures.runs(), true, ""));
        assertThat(md.length()).isLessThanOrEqualTo(MarkdownRenderer.MAX_CHARS);
        assertThat(md).contains("**Shortened to stay under 60 KB:**").contains("of 3000 findings")
                .contains("### Coverage");
    }

    private static ScanReport hostile(String title) {
        Finding f = Finding.builder("server-fingerprint", Category.INVENTORY).severity(Severity.HIGH)
                .confidence(Confidence.FIRM).title(title)
                .endpoint(new Endpoint("GET", ReportFixtures.uri("/"), Endpoint.Source.TARGET))
                .evidence("``` not a fence end").build();
        return ReportFixtures.report(List.of(f), ReportFixtures.runs(), true, "");
    }
}
