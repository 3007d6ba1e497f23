package dev.parapet.checks.encryption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.EncryptionFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class PlainHttpCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new PlainHttpCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return EncryptionFixtures.plainHttpApi();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return EncryptionFixtures.redirectingToHttps();
    }

    @Test
    void reportsLoopbackTargetAsLowAndSaysTlsMayTerminateAtAProxy() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = scan(server).findings().getFirst();
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.evidence()).contains("answers 200").contains("proxy");
        }
    }

    @Test
    void doesNotFollowTheRedirectToHttps() throws IOException {
        try (LoopbackHttpServer server = startSafe()) {
            assertThat(scan(server).findings()).isEmpty();
            // discovery's own requests plus the check's single GET; none went to the https:// location
            assertThat(server.requestCount()).isPositive();
        }
    }

    @Test
    void treatsOnlyHttpsOnTheSameHostAsARemedy() {
        var target = java.net.URI.create("http://api.example.com/v1/");
        assertThat(PlainHttpCheck.redirectsToHttpsOnSameHost(redirect(308, "https://api.example.com/v1/"), target))
                .isTrue();
        assertThat(PlainHttpCheck.redirectsToHttpsOnSameHost(redirect(301, "http://api.example.com/v1/"), target))
                .isFalse();
        assertThat(PlainHttpCheck.redirectsToHttpsOnSameHost(redirect(302, "https://evil.example.net/"), target))
                .isFalse();
        assertThat(PlainHttpCheck.redirectsToHttpsOnSameHost(redirect(200, "https://api.example.com/"), target))
                .isFalse();
    }

    @Test
    void classifiesHostsWithoutDns() {
        assertThat(PrivateHosts.isLoopbackOrPrivate("127.0.0.1")).isTrue();
        assertThat(PrivateHosts.isLoopbackOrPrivate("10.1.2.3")).isTrue();
        assertThat(PrivateHosts.isLoopbackOrPrivate("172.20.0.5")).isTrue();
        assertThat(PrivateHosts.isLoopbackOrPrivate("192.168.1.10")).isTrue();
        assertThat(PrivateHosts.isLoopbackOrPrivate("[::1]")).isTrue();
        assertThat(PrivateHosts.isLoopbackOrPrivate("api")).isTrue();
        assertThat(PrivateHosts.isLoopbackOrPrivate("db.internal")).isTrue();
        assertThat(PrivateHosts.isLoopbackOrPrivate("172.32.0.1")).isFalse();
        assertThat(PrivateHosts.isLoopbackOrPrivate("8.8.8.8")).isFalse();
        assertThat(PrivateHosts.isLoopbackOrPrivate("api.example.com")).isFalse();
    }

    private static dev.parapet.model.Exchange redirect(int status, String location) {
        var request = new dev.parapet.model.HttpRequestRecord("GET", java.net.URI.create("http://api.example.com/v1/"),
                null, "");
        var response = new dev.parapet.model.HttpResponseRecord(status,
                dev.parapet.model.Headers.of("Location", location), "", 0, false, "");
        return dev.parapet.model.Exchange.answered(request, response, java.time.Duration.ZERO, 0);
    }
}
