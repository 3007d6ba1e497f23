package dev.parapet.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFormatTest {

    @Test
    void parsesEveryIdIgnoringCaseAndBlanks() {
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(ReportFormat.parse(f.id())).isEqualTo(f);
            assertThat(ReportFormat.parse(" " + f.id().toUpperCase() + " ")).isEqualTo(f);
        }
        assertThat(ReportFormat.SUMMARY.id()).isEqualTo("summary");
        assertThat(ReportFormat.TABLE.id()).isEqualTo("table");
        assertThat(ReportFormat.JSON.id()).isEqualTo("json");
        assertThat(ReportFormat.SARIF.id()).isEqualTo("sarif");
        assertThat(ReportFormat.JUNIT.id()).isEqualTo("junit");
        assertThat(ReportFormat.MARKDOWN.id()).isEqualTo("markdown");
        assertThat(ReportFormat.HTML.id()).isEqualTo("html");
        assertThat(ReportFormat.PDF.id()).isEqualTo("pdf");
    }

    @Test
    void onlyPdfIsBinary() {
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.binary()).as(f.id()).isEqualTo(f == ReportFormat.PDF);
        }
    }

    @Test
    void rejectsAnUnknownIdListingTheValidOnes() {
        assertThatThrownBy(() -> ReportFormat.parse("docx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'docx' (valid: summary, table, json, sarif, junit, markdown, html, "
                        + "pdf)");
    }

    @ParameterizedTest
    @CsvSource({
            "report.json, JSON",
            "out/REPORT.JSON, JSON",
            "scan.txt, SUMMARY",
            "findings.table, TABLE",
            "/tmp/a.b/findings.Table, TABLE",
            "scan.sarif, SARIF",
            "scan.sarif.json, SARIF",
            "out/Scan.SARIF.JSON, SARIF",
            "junit.xml, JUNIT",
            "TEST-parapet.xml, JUNIT",
            "summary.md, MARKDOWN",
            "report.html, HTML",
            "report.htm, HTML",
            "report.PDF, PDF"})
    void picksTheFormatFromTheFileExtension(String file, ReportFormat expected) {
        assertThat(ReportFormat.forFile(Path.of(file))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"report.tsv", "report.markdown", "report.xhtml", "report", "report.", ".json",
            "dir.json/report"})
    void knowsNoFormatForOtherFileNames(String file) {
        assertThat(ReportFormat.forFile(Path.of(file))).isEqualTo(Optional.empty());
    }
}
