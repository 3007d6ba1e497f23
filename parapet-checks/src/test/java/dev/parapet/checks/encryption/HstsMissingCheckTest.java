package dev.parapet.checks.encryption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.EncryptionFixtures;
import dev.parapet.testkit.fixtures.TlsFixtures;
import dev.parapet.testkit.fixtures.TlsFront;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HstsMissingCheckTest extends CheckContractTest {

    private final HttpsTargets https = new HttpsTargets();

    @AfterEach
    void closeFronts() {
        https.closeAll();
    }

    @Override
    protected Check check() {
        return new HstsMissingCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return https.register(TlsFixtures.withoutHsts());
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return https.register(TlsFixtures.withHsts("max-age=31536000; includeSubDomains"));
    }

    @Override
    protected URI targetOf(LoopbackHttpServer server) {
        return https.targetOf(server);
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return HttpsTargets.insecure(target);
    }

    @Test
    void reportsMissingHeaderAsMediumAndFirmWhenSeveralResponsesLackIt() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
                assertThat(f.exchanges().getFirst().request().uri().getScheme()).isEqualTo("https");
            });
        }
    }

    @Test
    void reportsMaxAgeBelow180DaysAsLow() throws IOException {
        try (TlsFront front = TlsFixtures.withHsts("max-age=86400")) {
            Finding f = scanHttps(front).findings().getFirst();
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.evidence()).contains("max-age=86400");
        }
    }

    @Test
    void isNotApplicableToPlainHttpTargets() throws IOException {
        try (LoopbackHttpServer server = EncryptionFixtures.plainHttpApi()) {
            ScanReport report = CheckHarness.scan(server.uri(), check());
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(CheckHarness.onlyRun(report).reason()).isEqualTo("target is not HTTPS");
        }
    }

    @Test
    void readsMaxAgeInAnyCaseAndQuoted() {
        assertThat(HstsMissingCheck.maxAge("includeSubDomains; Max-Age=\"31536000\"")).hasValue(31536000L);
        assertThat(HstsMissingCheck.maxAge("max-age=0")).hasValue(0L);
        assertThat(HstsMissingCheck.maxAge("includeSubDomains")).isEmpty();
    }

    private ScanReport scanHttps(TlsFront front) {
        return CheckHarness.scan(HttpsTargets.insecure(front.uri()), List.of(check()));
    }
}
