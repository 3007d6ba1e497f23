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
 * interrupted are not kept, so a later caller may try again. What is kept has its bodies bounded by the scan's
 * {@link RetainedBodies}, and at most {@link #MAX_KEPT} answers of checks' probes are kept beyond the recorded ones
 * (a scan of tens of thousands of operations sends a hundred thousand probes, nearly all of them unique payloads that
 * no one asks for again: keeping each would hold hundreds of megabytes); past that an answer is still shared with
 * the callers waiting for it, and a later identical probe is sent again. Thread-safe.
 */
final class ProbeCache {

    interface Sender {
        Exchange send(ProbeRequest probe) throws InterruptedException;
    }

    private final ConcurrentHashMap<ProbeRequest, CompletableFuture<Exchange>> entries = new ConcurrentHashMap<>();
    /** Checks' answers kept for later identical probes, beyond what {@link #seed} recorded. */
    static final int MAX_KEPT = 16_384;

    private final AtomicLong shared = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();
    private final int maxKept;
    private final RetainedBodies retained;

    /** A cache that keeps bodies as {@code retained} allows: whole while the scan's budget lasts. */
    ProbeCache(RetainedBodies retained) {
        this(retained, MAX_KEPT);
    }

    /** A cache that keeps at most {@code maxKept} checks' answers for later callers. */
    ProbeCache(RetainedBodies retained, int maxKept) {
        this.retained = retained;
        this.maxKept = maxKept;
    }

    /** A cache that keeps every body whole (for tests of the sharing itself). */
    ProbeCache() {
        this(new RetainedBodies(Long.MAX_VALUE, Integer.MAX_VALUE));
    }

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

    /**
     * The shared exchange for {@code probe}, sending it when no identical probe was sent before. Writes (any method
     * but GET, HEAD, OPTIONS and TRACE) are always sent and never kept: two identical writes are two changes, and
     * a restore that repeats an earlier request must reach the target.
     */
    Exchange get(ProbeRequest probe, Sender sender) throws InterruptedException {
        if (!RequestExecutor.READ_ONLY_METHODS.contains(probe.method())) {
            return sender.send(probe);
        }
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
            } else if (kept.incrementAndGet() > maxKept) {
                // full: those already waiting still share it below, later callers send again
                kept.decrementAndGet();
                entries.remove(probe, mine);
            }
            // the sender gets the whole answer; what stays for later callers is bounded
            mine.complete(retained.keep(e));
            return e;
        } catch (InterruptedException | RuntimeException e) {
            entries.remove(probe, mine);
            mine.cancel(false);
            throw e;
        }
    }

    /**
     * Sends {@code probe} whatever the cache holds (a read-back after a write), and keeps its answer for later
     * identical probes in place of the old one.
     */
    Exchange refresh(ProbeRequest probe, Sender sender) throws InterruptedException {
        Exchange e = sender.send(probe);
        if (e.answered() && RequestExecutor.READ_ONLY_METHODS.contains(probe.method())) {
            CompletableFuture<Exchange> fresh = CompletableFuture.completedFuture(retained.keep(e));
            if (entries.put(probe, fresh) == null && kept.incrementAndGet() > maxKept) {
                kept.decrementAndGet();
                entries.remove(probe, fresh);
            }
        }
        return e;
    }

    long shared() {
        return shared.get();
    }
}
