package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.score.GateVerdict;
import dev.parapet.testkit.Golden;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryRendererTest {

    private static String plain(ScanReport report) {
        return Reports.render(ReportFormat.SUMMARY, report, RenderOptions.plain());
    }

    @Test
    void matchesTheGoldenSummary() {
        RenderOptions options = new RenderOptions(false, 100,
                Optional.of(new GateVerdict(false, List.of("1 finding is at or above high (--fail-on high)"))));
        Golden.assertMatches("summary.txt", Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(), options));
    }
}
