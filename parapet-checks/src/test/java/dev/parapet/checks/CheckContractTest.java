package dev.parapet.checks;

import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.report.JsonReport;
import dev.parapet.report.RenderOptions;
import dev.parapet.report.ReportFormat;
import dev.parapet.report.Reports;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.testkit.CheckHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every check inherits: a complete descriptor, a vulnerable fixture it flags with complete findings,
 * a safe twin it stays quiet on, and no probe beyond its request budget on either. Subclasses name the check and
 * start the two fixtures; they add their own tests for the specifics.
 */
public abstract class CheckContractTest {

    protected abstract Check check();

    /** Starts the server the check must flag. The test closes it. */
    protected abstract LoopbackHttpServer startVulnerable() throws IOException;

    /** Starts the remediated twin the check must not flag. The test closes it. */
    protected abstract LoopbackHttpServer startSafe() throws IOException;

    /** The URL to scan on a fixture; the server's root unless a check needs a deeper path. */
    protected URI targetOf(LoopbackHttpServer server) {
        return server.uri();
    }

    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target);
    }

    protected final ScanReport scan(LoopbackHttpServer server) {
        return CheckHarness.scan(configFor(targetOf(server)), List.of(check()));
    }

    @Test
    void descriptorIsComplete() {
        CheckDescriptor d = check().descriptor();
        assertThat(d.title()).isNotBlank();
        assertThat(d.summary()).isNotBlank();
        assertThat(d.remediation()).isNotBlank();
        assertThat(d.cwe()).isNotEmpty();
        if (check() instanceof InputCheck<?> input) {
            // an input check's budget grows with the inputs it is handed; its own work may need none
            assertThat(input.screenCost()).as("screen cost").isPositive();
            assertThat(input.confirmCost()).as("confirm cost").isNotNegative();
            assertThat(d.requestBudget()).isNotNegative();
        } else {
            assertThat(d.requestBudget()).isPositive();
        }
        assertThat(d.references()).isNotEmpty();
    }

    @Test
    void flagsTheVulnerableFixtureWithCompleteFindings() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            ScanReport report = scan(server);
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.COMPLETED);
            assertThat(report.findings()).isNotEmpty();
            for (Finding f : report.findings()) {
                assertThat(f.checkId()).isEqualTo(check().descriptor().id());
                assertThat(f.title()).isNotBlank();
                assertThat(f.evidence()).as("evidence of %s", f.title()).isNotBlank();
                assertThat(f.exchanges()).as("exchanges of %s", f.title()).isNotEmpty();
                assertThat(f.curl()).startsWith("curl ");
                assertThat(f.remediation()).isNotBlank();
                assertThat(f.references()).isNotEmpty();
                assertThat(f.fingerprint()).hasSize(20);
            }
        }
    }

    @Test
    void rendersInEveryOutputFormat() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            ScanReport report = scan(server);
            for (ReportFormat format : ReportFormat.values()) {
                if (format.binary()) {
                    continue; // PDF is laid out from the HTML, which is checked here; it has its own tests
                }
                // the summary's full listing: its short form gives a check's findings one line
                String text = Reports.render(format, report, RenderOptions.plain().withDetails(true));
                assertThat(text).as(format.id()).isNotBlank();
                if (format != ReportFormat.JSON) {
                    for (Finding f : report.findings()) {
                        assertThat(text).as("%s shows %s", format.id(), f.title())
                                .contains(f.title().substring(0, Math.min(30, f.title().length())));
                    }
                }
            }
            ScanReport back = JsonReport.fromJson(JsonReport.toJson(report));
            assertThat(back.findings()).extracting(Finding::fingerprint)
                    .containsExactlyElementsOf(report.findings().stream().map(Finding::fingerprint).toList());
        }
    }

    @Test
    void staysQuietOnTheSafeTwin() throws IOException {
        try (LoopbackHttpServer server = startSafe()) {
            ScanReport report = scan(server);
            assertThat(CheckHarness.onlyRun(report).status()).isIn(CheckStatus.COMPLETED, CheckStatus.NOT_APPLICABLE);
            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void staysWithinItsRequestBudget() throws IOException {
        for (boolean vulnerable : new boolean[]{true, false}) {
            try (LoopbackHttpServer server = vulnerable ? startVulnerable() : startSafe()) {
                CheckRun run = CheckHarness.onlyRun(scan(server));
                assertThat(run.refusedOverBudget()).as("probes refused over budget").isZero();
                assertThat(run.requests()).isLessThanOrEqualTo(run.budget());
                int perInput = check() instanceof InputCheck<?> input ? input.screenCost() + input.confirmCost() : 0;
                assertThat(run.requests()).as("a bounded number of probes per input point")
                        .isLessThanOrEqualTo(check().descriptor().requestBudget() + run.inputsApplicable() * perInput);
            }
        }
    }
}
