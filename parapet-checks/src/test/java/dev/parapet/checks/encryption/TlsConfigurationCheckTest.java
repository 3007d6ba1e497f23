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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vulnerable fixture is the self-signed HTTPS front; the safe twin is a plain-HTTP API, on which the check must
 * be not applicable (a certificate every client trusts cannot be minted for a loopback test).
 */
class TlsConfigurationCheckTest extends CheckContractTest {

    private final HttpsTargets https = new HttpsTargets();

    @AfterEach
    void closeFronts() {
        https.closeAll();
    }

    @Override
    protected Check check() {
        return new TlsConfigurationCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return https.register(TlsFixtures.withoutHsts());
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return EncryptionFixtures.plainHttpApi();
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
    void reportsTheSelfSignedCertificateAsHighAndConfirmed() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            ScanReport report = scan(server);
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.evidence()).contains("self-signed");
            });
            // three legacy offers and the TLS 1.3 handshake; TLS 1.2 is not needed once 1.3 answered
            assertThat(CheckHarness.onlyRun(report).requests()).isEqualTo(4);
        }
    }

    @Test
    void isNotApplicableToPlainHttp() throws IOException {
        try (LoopbackHttpServer server = startSafe()) {
            ScanReport report = scan(server);
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }

    @Test
    void reportsEachAcceptedLegacyVersionWithItsOwnSeverity() throws InterruptedException {
        StubContext ctx = StubContext.https(List.of("SSLv3", "TLSv1", "TLSv1.3"));
        List<Finding> findings = ((dev.parapet.spi.CheckOutcome.Findings) check().run(ctx)).findings();
        assertThat(findings).extracting(Finding::title)
                .containsExactly("Server accepts deprecated SSLv3", "Server accepts deprecated TLSv1");
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.MEDIUM);
        assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
        assertThat(ctx.handshakes()).containsExactly("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.3");
    }
}
