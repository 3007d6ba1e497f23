package dev.parapet.checks.ssrf;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.PassiveScans;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.OobFixtures;
import dev.parapet.testkit.fixtures.OobFixtures.Preview;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class SsrfOobConfirmedCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SsrfOobConfirmedCheck();
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
    void confirmsWithTheRequestTheTargetMadeToTheCanary() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = scan(server).findings().getFirst();
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.parameter()).isEqualTo("url");
            assertThat(f.endpoint().uri().getPath()).isEqualTo("/preview");
            assertThat(f.evidence()).contains("the canary received GET /{token} from 127.0.0.1:",
                    "User-Agent: reader-preview/1.4", "relayed the canary's page");
            assertThat(f.tags()).contains("out-of-band", "stage:entry");
            Exchange hit = f.exchanges().get(1);
            assertThat(hit.request().headers().first("User-Agent")).hasValue("reader-preview/1.4");
            assertThat(hit.request().uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(hit.request().uri().getPort()).isNotEqualTo(server.port());
            assertThat(f.curl()).contains("/preview?url=http%3A%2F%2F127.0.0.1%3A");
        }
    }

    @Test
    void confirmsAFetcherThatNeverShowsWhatItFetched() throws IOException {
        try (LoopbackHttpServer server = OobFixtures.preview(Preview.ESCAPING)) {
            Finding f = scan(server).findings().getFirst();
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.evidence()).contains("the canary received GET /").doesNotContain("relayed");
        }
    }

    @Test
    void sendsExactlyOneProbePerParameterAndNeverFollowsUp() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            ScanReport report = scan(server);
            assertThat(CheckHarness.onlyRun(report).requests()).isEqualTo(1);
        }
    }

    @Test
    void leavesCallbackAndWebhookParametersToTheRegistrationCheck() throws IOException {
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "{\"links\":{\"hooks\":\"/hooks?callback_url=http://127.0.0.1/x\"}}"))
                .route("GET", "/hooks", r -> Response.json(202, "{\"ok\":true}"))
                .start()) {
            ScanReport report = scan(server);
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }

    @Test
    void doesNotApplyWithoutACanary() throws InterruptedException {
        URI target = URI.create("https://api.example.com/");
        RecordingContext ctx = RecordingContext.avatarApi(target, "https://images.example.com/a.png", u -> "{}");
        CheckOutcome outcome = check().run(ctx);
        assertThat(outcome).isInstanceOf(CheckOutcome.NotApplicable.class);
        assertThat(((CheckOutcome.NotApplicable) outcome).reason()).contains("--oob-url");
        assertThat(ctx.sent).isEmpty();
    }

    @Test
    void plantsNothingInAPassiveScan() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            ScanReport report = PassiveScans.scan(server.uri(), check());
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(report.findings()).isEmpty();
        }
    }
}
