package dev.parapet.checks.ratelimiting;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.PassiveScans;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.RateLimitFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitAbsentCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new RateLimitAbsentCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return RateLimitFixtures.unthrottled();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return RateLimitFixtures.throttledWithHeaders();
    }

    @Test
    void reportsAnUnthrottledBurstAsTentativeMediumAndSaysTheEvidenceIsWeak() throws IOException {
        try (LoopbackHttpServer server = RateLimitFixtures.unthrottled()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.confidence()).isEqualTo(Confidence.TENTATIVE);
                assertThat(f.evidence()).contains("20 back-to-back GET requests").contains("weak evidence");
            });
        }
    }

    @Test
    void burstsOnAListStyleReadRatherThanTheRootWithDistinctUrls() throws IOException {
        try (LoopbackHttpServer server = RateLimitFixtures.unthrottled()) {
            ScanReport report = CheckHarness.scan(server.uri(), check());
            Finding f = report.findings().getFirst();
            assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/products");
            assertThat(f.exchanges()).extracting(e -> e.request().uri().getQuery())
                    .containsExactly("_parapet=1", "_parapet=20");
            CheckRun run = CheckHarness.onlyRun(report);
            assertThat(run.requests()).isEqualTo(RateLimitAbsentCheck.BURST);
        }
    }

    @Test
    void neverBurstsAGetThatLooksStateChanging() throws IOException {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        try (LoopbackHttpServer server = RateLimitFixtures.unthrottledWithStateChangingGet(calls)) {
            ScanReport report = CheckHarness.scan(server.uri(), check());
            assertThat(report.findings()).singleElement()
                    .satisfies(f -> assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/products"));
            assertThat(calls.get()).as("the one plain request discovery made, nothing more").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void sendsNoBurstWhenDiscoveryAlreadySawRateLimitHeaders() throws IOException {
        try (LoopbackHttpServer server = RateLimitFixtures.throttledWithHeaders()) {
            CheckRun run = CheckHarness.onlyRun(CheckHarness.scan(server.uri(), check()));
            assertThat(run.requests()).isZero();
        }
    }

    @Test
    void staysQuietWhenTheBurstIsThrottledWithABare429() throws IOException {
        try (LoopbackHttpServer server = RateLimitFixtures.throttledSilently()) {
            ScanReport report = CheckHarness.scan(server.uri(), check());
            assertThat(report.findings()).isEmpty();
            assertThat(CheckHarness.onlyRun(report).requests()).isLessThan(RateLimitAbsentCheck.BURST);
        }
    }

    @Test
    void recognisesDraftAndVendorRateLimitHeaders() {
        RateLimitSignals signals = RateLimitSignals.load();
        assertThat(signals.in(Headers.of("RateLimit-Remaining", "3"))).contains("RateLimit-Remaining: 3");
        assertThat(signals.in(Headers.of("x-ratelimit-limit", "60"))).isPresent();
        assertThat(signals.in(Headers.of("Retry-After", "5"))).isPresent();
        assertThat(signals.in(Headers.of("Content-Type", "application/json", "X-Request-Id", "1"))).isEmpty();
    }

    @Test
    void addsTheCacheBustingParameterAfterAnExistingQuery() {
        assertThat(RateLimitAbsentCheck.withParameter(URI.create("http://h/a?x=1"), 3))
                .isEqualTo(URI.create("http://h/a?x=1&_parapet=3"));
        assertThat(RateLimitAbsentCheck.withParameter(URI.create("http://h/a"), 1))
                .isEqualTo(URI.create("http://h/a?_parapet=1"));
    }

    @Test
    void sendsNoBurstInPassiveMode() throws IOException {
        try (LoopbackHttpServer server = RateLimitFixtures.unthrottled()) {
            ScanReport report = PassiveScans.scan(server.uri(), check());
            assertThat(report.findings()).isEmpty();
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }
}
