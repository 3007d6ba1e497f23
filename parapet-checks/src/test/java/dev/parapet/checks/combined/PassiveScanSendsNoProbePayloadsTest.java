package dev.parapet.checks.combined;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Request;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Endpoint;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.CombinedFixtures;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of {@code --mode passive}, held for a whole scan with every registered check against the combined
 * fixture: the server receives nothing but plain GET, HEAD and OPTIONS requests without a body, carrying no header
 * discovery's own requests do not carry, to URLs discovery itself requested or found. Discovery's requests are
 * learnt from a scan without checks, so the test names no header and no path itself.
 */
class PassiveScanSendsNoProbePayloadsTest {

    private static final Set<String> PLAIN_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * What the server received of one request, as a test can compare it across scans: header fields without
     * {@code Host}, whose port differs from one fixture server to the next.
     */
    private record Received(String method, String target, Set<Map.Entry<String, String>> headers, String body) {

        static Received of(Request r) {
            Set<Map.Entry<String, String>> headers = r.headers().entrySet().stream()
                    .filter(e -> !e.getKey().equals("host"))
                    .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v)))
                    .collect(Collectors.toSet());
            return new Received(r.method(), r.uri().toString(), headers, r.body());
        }
    }

    /** The requests a passive scan with {@code checks} made the combined fixture receive, and its report. */
    private record Scan(List<Received> received, ScanReport report) {
    }

    private static Scan scan(ScanMode mode, List<Check> checks) throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        try (LoopbackHttpServer server = CombinedFixtures.vulnerable(r -> received.add(Received.of(r)))) {
            ScanReport report = CheckHarness.scan(CheckHarness.config(server.uri()).withMode(mode, ""), checks);
            return new Scan(List.copyOf(received), report);
        }
    }

    @Test
    void sendsOnlyPlainRequestsToUrlsDiscoveryFound() throws Exception {
        Scan discoveryOnly = scan(ScanMode.PASSIVE, List.of());
        Scan full = scan(ScanMode.PASSIVE, CombinedFixtureScanTest.allChecks());

        assertThat(full.received().size()).as("the checks sent requests of their own")
                .isGreaterThan(discoveryOnly.received().size());
        List<Received> payloads = full.received().stream().filter(r -> !plain(r, discoveryOnly, full.report()))
                .toList();
        assertThat(payloads).as("requests a passive scan must not send").isEmpty();
        assertThat(full.report().checks()).filteredOn(run -> run.checkId().equals("llm-prompt-injection"))
                .singleElement().satisfies(run -> assertThat(run.status()).isEqualTo(CheckStatus.NOT_APPLICABLE));
    }

    @Test
    void theSameScanInSafeModeWouldFailThatRule() throws Exception {
        Scan discoveryOnly = scan(ScanMode.PASSIVE, List.of());
        Scan safe = scan(ScanMode.SAFE, CombinedFixtureScanTest.allChecks());
        assertThat(safe.received()).as("safe mode probes with payloads, so the passive rule can fail")
                .anyMatch(r -> !plain(r, discoveryOnly, safe.report()))
                .anyMatch(r -> r.method().equals("POST"));
    }

    /**
     * A plain request: a read-only method, no body, only header fields (name and value) that discovery's own
     * requests carry, to a URL discovery requested or listed as an endpoint.
     */
    private static boolean plain(Received r, Scan discoveryOnly, ScanReport report) {
        Set<Map.Entry<String, String>> discoveryHeaders = new HashSet<>();
        discoveryOnly.received().forEach(d -> discoveryHeaders.addAll(d.headers()));
        Set<String> knownTargets = new HashSet<>();
        discoveryOnly.received().forEach(d -> knownTargets.add(d.target()));
        for (Endpoint e : report.endpoints()) {
            URI u = e.uri();
            knownTargets.add(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        }
        return PLAIN_METHODS.contains(r.method()) && r.body().isEmpty()
                && discoveryHeaders.containsAll(r.headers()) && knownTargets.contains(r.target());
    }
}
