package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.event.EventBus;
import dev.parapet.http.HttpTransport;
import dev.parapet.http.TransportSettings;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckDescriptor;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Small-timeout configurations and executors for engine tests against loopback servers. */
final class EngineFixtures {

    /** Short enough to keep tests quick, long enough for a loaded two-core build machine. */
    static final Duration SHORT = Duration.ofSeconds(5);

    private EngineFixtures() {
    }

    /** Fast and generous: small timeouts, a high rate so politeness never slows a test, 30 s time budget. */
    static ScanConfig config(URI target) {
        return new ScanConfig(target, List.of(), ScanMode.SAFE, dev.parapet.model.ScanContext.DEFAULT, 1000, 8,
                Duration.ofSeconds(30), SHORT, SHORT, 64 * 1024, 5, 10, 20, Set.of(), false);
    }

    static ScanConfig withHostErrorBudget(ScanConfig c, int budget) {
        return new ScanConfig(c.target(), c.scope(), c.mode(), c.context(), c.rate(), c.concurrency(), c.maxTime(),
                c.connectTimeout(), c.readTimeout(), c.maxBodyBytes(), c.maxRedirects(), budget,
                c.maxDiscoveredEndpoints(), c.checks(), c.insecure());
    }

    static ScanConfig withMaxEndpoints(ScanConfig c, int max) {
        return new ScanConfig(c.target(), c.scope(), c.mode(), c.context(), c.rate(), c.concurrency(), c.maxTime(),
                c.connectTimeout(), c.readTimeout(), c.maxBodyBytes(), c.maxRedirects(), c.hostErrorBudget(), max,
                c.checks(), c.insecure());
    }

    static HttpTransport transport() {
        return new HttpTransport(new TransportSettings(SHORT, SHORT, 64 * 1024, false, "Parapet/test"));
    }

    /** An executor for {@code target}'s origin with the given mode, concurrency and redirect limit. */
    static RequestExecutor executor(HttpTransport transport, URI target, ScanMode mode, int concurrency,
                                    int maxRedirects) {
        return new RequestExecutor("test", transport, new ScopeGuard(target, List.of()),
                new HostLimiter(1000, concurrency), new ScanControl(Instant.now().plusSeconds(60)),
                new EventBus(List.of()), mode, maxRedirects, 10,
                new CredentialStamp(target, dev.parapet.config.Identities.NONE));
    }

    static Finding finding(CheckDescriptor d, URI uri, String title) {
        return Finding.builder(d.id(), d.category()).severity(Severity.HIGH).confidence(Confidence.FIRM)
                .title(title).endpoint(new dev.parapet.model.Endpoint("GET", uri,
                        dev.parapet.model.Endpoint.Source.DISCOVERED)).build();
    }
}
