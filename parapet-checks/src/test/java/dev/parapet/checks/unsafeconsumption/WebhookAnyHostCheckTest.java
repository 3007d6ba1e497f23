package dev.parapet.checks.unsafeconsumption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.OobFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAnyHostCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new WebhookAnyHostCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return OobFixtures.webhooks(true, false);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return OobFixtures.webhooks(false, false);
    }

    @Test
    void confirmsAGetRegistrationThroughTheVerificationPingItSends() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = scan(server).findings().getFirst();
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.title()).contains("GET callback registration through 'callback_url'");
            assertThat(f.evidence()).contains("GET /api/webhooks/subscribe?callback_url = http://127.0.0.1:");
            assertThat(f.parameter()).isEqualTo("callback_url");
            assertThat(f.evidence()).contains("was accepted (202)", "User-Agent: orders-webhooks/2.0",
                    "GET /{token}?challenge=c4f1e2 from 127.0.0.1:");
            assertThat(f.exchanges()).hasSize(2);
            assertThat(f.exchanges().getFirst().request().method()).isEqualTo("GET");
        }
    }

    @Test
    void triesPostRegistrationsOnlyInActiveMode() throws IOException {
        try (LoopbackHttpServer server = OobFixtures.webhooks(true, true)) {
            CheckRun safe = CheckHarness.onlyRun(scan(server));
            assertThat(safe.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(safe.reason()).contains("active mode");
            assertThat(safe.requests()).isZero();

            ScanConfig active = CheckHarness.config(server.uri()).withMode(ScanMode.ACTIVE, "127.0.0.1");
            ScanReport report = CheckHarness.scan(active, List.of(check()));
            Finding f = report.findings().getFirst();
            assertThat(f.title()).contains("POST callback registration through 'url'");
            assertThat(f.evidence()).contains("POST /api/webhooks {url} = http://127.0.0.1:");
            assertThat(f.exchanges().getFirst().request().method()).isEqualTo("POST");
            assertThat(f.exchanges().getFirst().request().body()).contains("\"url\":\"http://127.0.0.1:");
        }
    }

    @Test
    void staysQuietOnAnAllowListedPostRegistrationInActiveMode() throws IOException {
        try (LoopbackHttpServer server = OobFixtures.webhooks(false, true)) {
            ScanConfig active = CheckHarness.config(server.uri()).withMode(ScanMode.ACTIVE, "127.0.0.1");
            ScanReport report = CheckHarness.scan(active, List.of(check()));
            assertThat(CheckHarness.onlyRun(report).requests()).isEqualTo(1);
            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void deletesEveryRegistrationItMadeWithAllowDeleteAndListsItLeftBehindWithout() throws IOException {
        java.util.Set<Integer> registered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (LoopbackHttpServer server = OobFixtures.webhooks(true, true, registered)) {
            ScanConfig active = CheckHarness.config(server.uri()).withMode(ScanMode.ACTIVE, "127.0.0.1");
            ScanReport deleting = CheckHarness.scan(active.withAllowDelete(true), List.of(check()));
            assertThat(deleting.findings()).isNotEmpty();
            assertThat(deleting.writes()).singleElement().satisfies(w -> {
                assertThat(w.checkId()).isEqualTo("webhook-any-host");
                assertThat(w.via()).startsWith("POST /api/webhooks (http://127.0.0.1:");
                assertThat(w.outcome()).isEqualTo(dev.parapet.model.WriteRecord.Outcome.UNDONE);
            });
            assertThat(registered).isEmpty();

            ScanReport keeping = CheckHarness.scan(active, List.of(check()));
            assertThat(keeping.writes()).singleElement().satisfies(w -> {
                assertThat(w.outcome()).isEqualTo(dev.parapet.model.WriteRecord.Outcome.LEFT_BEHIND);
                assertThat(w.detail()).contains("--allow-delete");
            });
            assertThat(registered).hasSize(1);
        }
    }
}
