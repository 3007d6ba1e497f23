package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles and evidence quote what the target sent. A hostile target must not be able to drive the user's terminal
 * through them: control characters and bidirectional overrides come out as visible escapes.
 */
class TerminalSafetyTest {

    private static ScanReport hostile() {
        Finding f = Finding.builder("server-fingerprint", Category.INVENTORY).severity(Severity.LOW)
                .confidence(Confidence.FIRM).title("Server header reads \u001b[2J\u001b[31mpwned\u001b[0m\r")
                .endpoint(new dev.parapet.model.Endpoint("GET", ReportFixtures.uri("/"),
                        dev.parapet.model.Endpoint.Source.TARGET))
                .evidence("Server: nginx\u202e\u0007\u009b").remediation("Drop the header.").build();
        return ReportFixtures.report(List.of(f), ReportFixtures.runs(), true, "");
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"SUMMARY", "TABLE"})
    void showsControlCharactersFromTheTargetAsVisibleEscapes(ReportFormat format) {
        String out = Reports.render(format, hostile(), RenderOptions.plain());
        assertThat(out).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u202e")
                .doesNotContain("\u0007").doesNotContain("\u009b").contains("\\x1b[2J");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keepsInjectedSequencesOutOfColouredOutputToo(boolean color) {
        String out = Reports.render(ReportFormat.SUMMARY, hostile(), new RenderOptions(color, 100, Optional.empty()));
        assertThat(out).doesNotContain("\u001b[2J").contains("\\x1b[31mpwned\\x1b[0m\\x0d");
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = "JSON")
    void leavesJsonExactBecauseJsonEscapesControlCharactersItself(ReportFormat format) {
        String out = Reports.render(format, hostile(), RenderOptions.plain());
        assertThat(out).doesNotContain("\u001b").contains("\\u001B[2J");
        assertThat(JsonReport.fromJson(out).findings().getFirst().title()).contains("\u001b[2J");
    }
}
