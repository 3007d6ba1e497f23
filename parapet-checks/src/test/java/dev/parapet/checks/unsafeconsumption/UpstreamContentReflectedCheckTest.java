package dev.parapet.checks.unsafeconsumption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.OobFixtures;
import dev.parapet.testkit.fixtures.OobFixtures.Preview;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamContentReflectedCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new UpstreamContentReflectedCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return OobFixtures.preview(Preview.RELAYING);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return OobFixtures.preview(Preview.ALLOW_LIST);
    }

    @Test
    void flagsAPreviewThatRelaysTheCanarysMarkupVerbatim() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = scan(server).findings().getFirst();
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.parameter()).isEqualTo("url");
            assertThat(f.evidence()).contains("Content-Type: text/html", "<b id=\"pcanary", "class=\"parapet-canary\"");
            assertThat(f.exchanges().getFirst().body()).contains("class=\"parapet-canary\"");
            assertThat(f.exchanges().get(1).request().headers().first("User-Agent")).hasValue("reader-preview/1.4");
        }
    }

    @Test
    void staysQuietWhenTheFetchedPageComesBackEscaped() throws IOException {
        try (LoopbackHttpServer server = OobFixtures.preview(Preview.ESCAPING)) {
            ScanReport report = scan(server);
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.COMPLETED);
            assertThat(CheckHarness.onlyRun(report).requests()).isEqualTo(1);
            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void leavesRegistrationParametersAlone() throws IOException {
        try (LoopbackHttpServer server = OobFixtures.webhooks(true, false)) {
            ScanReport report = scan(server);
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }
}
