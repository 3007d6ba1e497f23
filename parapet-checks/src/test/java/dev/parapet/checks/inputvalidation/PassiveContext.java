package dev.parapet.checks.inputvalidation;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.TlsHandshake;

import java.net.URI;
import java.util.List;

/** A passive-mode context over recorded exchanges that fails the test if the check tries to send anything. */
record PassiveContext(Inventory inventory) implements CheckContext {

    static PassiveContext of(URI target, List<Exchange> recorded) {
        return new PassiveContext(new Inventory(target, List.of(new Endpoint("GET", target, Endpoint.Source.TARGET)),
                recorded, List.of()));
    }

    @Override
    public ScanMode mode() {
        return ScanMode.PASSIVE;
    }

    @Override
    public Exchange probe(ProbeRequest request) {
        throw new AssertionError("a passive scan must not send " + request.method() + " " + request.uri());
    }

    @Override
    public int remainingBudget() {
        return 0;
    }

    @Override
    public TlsHandshake tlsHandshake(String protocol) {
        throw new AssertionError("a passive scan must not handshake");
    }
}
