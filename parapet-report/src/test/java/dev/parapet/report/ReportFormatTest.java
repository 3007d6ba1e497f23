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
    }

    @Test
    void rejectsAnUnknownIdListingTheValidOnes() {
        assertThatThrownBy(() -> ReportFormat.parse("sarif")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'sarif' (valid: summary, table, json)");
    }

    @ParameterizedTest
    @CsvSource({
            "report.json, JSON",
            "out/REPORT.JSON, JSON",
            "scan.txt, SUMMARY",
            "findings.table, TABLE",
            "/tmp/a.b/findings.Table, TABLE"})
    void picksTheFormatFromTheFileExtension(String file, ReportFormat expected) {
        assertThat(ReportFormat.forFile(Path.of(file))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"report.tsv", "report.sarif", "report", "report.", ".json", "dir.json/report"})
    void knowsNoFormatForOtherFileNames(String file) {
        assertThat(ReportFormat.forFile(Path.of(file))).isEqualTo(Optional.empty());
    }
}
