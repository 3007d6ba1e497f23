package dev.parapet.checks.encryption;

import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.TlsFront;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets HTTPS fixtures take part in {@link dev.parapet.checks.CheckContractTest}, whose fixtures are
 * {@link LoopbackHttpServer}s: it remembers which {@link TlsFront} fronts which backend, answers the front's
 * https:// URL as the scan target, and closes the fronts after each test. Not thread-safe (one per test instance).
 */
final class HttpsTargets {

    private final List<TlsFront> fronts = new ArrayList<>();

    /** Remembers {@code front} and hands its backend to the contract test. */
    LoopbackHttpServer register(TlsFront front) {
        fronts.add(front);
        return front.backend();
    }

    /** The https:// URL in front of {@code backend}, or the backend's own URL when it has no front. */
    URI targetOf(LoopbackHttpServer backend) {
        return fronts.stream().filter(f -> f.backend() == backend).map(TlsFront::uri).findFirst()
                .orElse(backend.uri());
    }

    void closeAll() {
        fronts.forEach(TlsFront::close);
        fronts.clear();
    }

    /**
     * The harness configuration with {@code insecure=true}, so the self-signed fixture certificate is accepted, and
     * a 15 s connect timeout: the client counts the TLS handshake as connecting, and the first handshake in a JVM
     * (provider and trust-store loading) can take seconds on a busy build machine.
     */
    static ScanConfig insecure(URI target) {
        ScanConfig c = CheckHarness.config(target);
        return new ScanConfig(c.target(), c.scope(), c.mode(), c.context(), c.rate(), c.concurrency(), c.maxTime(),
                Duration.ofSeconds(15), Duration.ofSeconds(15), c.maxBodyBytes(), c.maxRedirects(), c.hostErrorBudget(),
                c.maxDiscoveredEndpoints(), c.checks(), true);
    }
}
