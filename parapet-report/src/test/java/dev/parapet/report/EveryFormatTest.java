package dev.parapet.report;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What every format promises, whatever its layout. */
class EveryFormatTest {

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void rendersEveryFindingByCheckIdAndSeverity(ReportFormat format) {
        ScanReport report = ReportFixtures.full();
        String out = Reports.render(format, report, RenderOptions.plain());
        for (Finding f : report.findings()) {
            assertThat(out).contains(f.checkId()).contains(f.severity().id());
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void endsWithANewlineAndHasNoEscapeCodesWhenPlain(ReportFormat format) {
        String out = Reports.render(format, ReportFixtures.incomplete(), RenderOptions.plain());
        assertThat(out).endsWith("\n").doesNotContain("\u001b").doesNotContain("\r");
    }
}
