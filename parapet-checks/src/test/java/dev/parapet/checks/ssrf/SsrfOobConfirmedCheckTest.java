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
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.OobFixtures;
import dev.parapet.testkit.fixtures.OobFixtures.Preview;
import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.bola.TwoIdentities;
import dev.parapet.testkit.fixtures.WriteFixtures;
import dev.parapet.testkit.fixtures.WriteFixtures.Weakness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

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
        assertThat(new SsrfOobConfirmedCheck().notApplicable(ctx)).hasValueSatisfying(why -> assertThat(why)
                .contains("--oob-url"));
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

    @Test
    void confirmsAJsonImageUrlTheServerFetchesInActiveModeAndLeavesNothingBehind() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.IMAGE_URL_FETCH))) {
            String before = api.state();
            ScanReport report = CheckHarness.scan(ActiveScans.config(api.uri(), TwoIdentities.aliceOnly(), false),
                    List.of(check()));
            Finding f = report.findings().stream().filter(x -> x.parameter().equals("imageUrl")).findFirst()
                    .orElseThrow(() -> new AssertionError(report.findings()));
            assertThat(f.title()).isEqualTo("Server requests any URL given in the JSON field 'imageUrl' (SSRF, "
                    + "confirmed out of band)");
            assertThat(f.endpoint().display()).isEqualTo("POST /api/avatar");
            assertThat(f.evidence()).contains("JSON field 'imageUrl' = http://127.0.0.1:", "User-Agent: avatar-fetcher/2.1");
            assertThat(f.exchanges().getFirst().request().body()).contains("\"imageUrl\":\"http://127.0.0.1:");
            assertThat(api.state()).isEqualTo(before);
        }
    }

    @Test
    void plantsNothingInARequestBodyInSafeMode() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.IMAGE_URL_FETCH))) {
            ScanReport report = CheckHarness.scan(CheckHarness.config(api.uri())
                    .withIdentities(TwoIdentities.aliceOnly()), List.of(check()));
            assertThat(report.findings()).isEmpty();
            assertThat(api.writeMethods()).isEmpty();
        }
    }
}
