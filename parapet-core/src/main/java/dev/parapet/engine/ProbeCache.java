package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.spi.ProbeRequest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * De-duplicates identical probes across checks for one scan: the first caller sends, concurrent and later callers
 * wait for and share its exchange. Exchanges that were not sent (scope, mode, cancellation) or whose sender was
 * interrupted are not kept, so a later caller may try again. Thread-safe.
 */
final class ProbeCache {

    interface Sender {
        Exchange send(ProbeRequest probe) throws InterruptedException;
    }

    private final ConcurrentHashMap<ProbeRequest, CompletableFuture<Exchange>> entries = new ConcurrentHashMap<>();
    private final AtomicLong shared = new AtomicLong();

    /**
     * Makes the answers discovery and the spec stage recorded (plain GETs as the primary identity) the answers to
     * the same probes: a check that asks for an operation's baseline gets the recorded exchange, not a new request.
     */
    void seed(java.util.List<Exchange> recorded) {
        for (Exchange e : recorded) {
            // discovery and the spec stage send only plain GETs as the primary identity; the recorded request may
            // carry that identity's credential headers, which the same probe would carry too
            if (e.answered() && e.redirects() == 0 && e.request().method().equals("GET")
                    && e.request().body().isEmpty()) {
                entries.putIfAbsent(ProbeRequest.get(e.request().uri()), CompletableFuture.completedFuture(e));
            }
        }
    }

    Exchange get(ProbeRequest probe, Sender sender) throws InterruptedException {
        CompletableFuture<Exchange> mine = new CompletableFuture<>();
        CompletableFuture<Exchange> existing = entries.putIfAbsent(probe, mine);
        if (existing != null) {
            try {
                Exchange e = existing.get();
                shared.incrementAndGet();
                return e;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                entries.remove(probe, existing);
                return get(probe, sender);
            }
        }
        try {
            Exchange e = sender.send(probe);
            if (!e.answered() && e.outcome() != dev.parapet.model.ExchangeOutcome.TRANSPORT_ERROR
                    && e.outcome() != dev.parapet.model.ExchangeOutcome.TIMEOUT) {
                entries.remove(probe, mine);
            }
            mine.complete(e);
            return e;
        } catch (InterruptedException | RuntimeException e) {
            entries.remove(probe, mine);
            mine.cancel(false);
            throw e;
        }
    }

    long shared() {
        return shared.get();
    }
}
