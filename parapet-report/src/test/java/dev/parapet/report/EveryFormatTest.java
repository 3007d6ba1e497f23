package dev.parapet.report;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every format promises, whatever its layout. */
class EveryFormatTest {

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "PDF")
    void rendersEveryFindingByCheckIdAndSeverity(ReportFormat format) {
        ScanReport report = ReportFixtures.full();
        String out = Reports.render(format, report, RenderOptions.plain());
        for (Finding f : report.findings()) {
            assertThat(out).contains(f.checkId()).contains(f.severity().id());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "PDF")
    void endsWithANewlineAndHasNoEscapeCodesWhenPlain(ReportFormat format) {
        String out = Reports.render(format, ReportFixtures.incomplete(), RenderOptions.plain());
        assertThat(out).endsWith("\n").doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void refusesToPrintTheBinaryPdfAsText() {
        assertThatThrownBy(() -> Reports.render(ReportFormat.PDF, ReportFixtures.full(), RenderOptions.plain()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pdf is a file format: use -o report.pdf");
    }
}
