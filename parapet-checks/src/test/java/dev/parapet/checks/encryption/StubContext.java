package dev.parapet.checks.encryption;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.TlsHandshake;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A check context for an HTTPS target that exists only in memory: its server "accepts" exactly the TLS versions it
 * is given, with a certificate clients trust. For testing how a check judges handshakes the JDK cannot produce in a
 * test (a server accepting SSLv3). Sends no HTTP request.
 */
final class StubContext implements CheckContext {

    private static final URI TARGET = URI.create("https://api.example.com/");

    private final List<String> accepted;
    private final List<String> handshakes = new ArrayList<>();
    private final Inventory inventory;

    private StubContext(List<String> accepted) {
        this.accepted = List.copyOf(accepted);
        Exchange root = Exchange.answered(new HttpRequestRecord("GET", TARGET, Headers.EMPTY, ""),
                new HttpResponseRecord(200, Headers.of("Content-Type", "application/json"), "{}", 2, false, "TLSv1.3"),
                Duration.ZERO, 0);
        inventory = new Inventory(TARGET, List.of(new Endpoint("GET", TARGET, Endpoint.Source.TARGET)),
                List.of(root), List.of());
    }

    static StubContext https(List<String> acceptedVersions) {
        return new StubContext(acceptedVersions);
    }

    List<String> handshakes() {
        return handshakes;
    }

    @Override
    public Inventory inventory() {
        return inventory;
    }

    @Override
    public ScanMode mode() {
        return ScanMode.SAFE;
    }

    @Override
    public Exchange probe(ProbeRequest request) {
        return Exchange.failed(new HttpRequestRecord(request.method(), request.uri(), request.headers(),
                request.body()), ExchangeOutcome.BUDGET_EXHAUSTED, "the stub sends nothing", Duration.ZERO);
    }

    @Override
    public int remainingBudget() {
        return 0;
    }

    @Override
    public TlsHandshake tlsHandshake(String protocol) {
        handshakes.add(protocol);
        boolean ok = accepted.contains(protocol);
        return new TlsHandshake(protocol, ok, ok ? protocol : "", List.of(),
                ok ? "server completed a " + protocol + " ServerHello" : "server refused " + protocol + " with an alert");
    }
}
