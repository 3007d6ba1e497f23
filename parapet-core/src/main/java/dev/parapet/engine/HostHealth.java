package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The host-error budget: after {@code budget} consecutive requests fail at the transport level (refused, reset,
 * timed out), the target is taken as down and the scan is stopped instead of hammering it. Any answer, whatever
 * its status, resets the count. When the target had answered before it went down, the {@link Outage} names the
 * last request it answered and the first one that failed. Thread-safe; under concurrency "last answered" is the
 * last answer recorded before the failures began, which is the request that ran just before the crash.
 */
final class HostHealth {

    /** A target that answered, then stopped: {@code lastAnswered} is the last request it answered. */
    record Outage(Exchange lastAnswered, Exchange firstFailed, int failures) {
    }

    private final int budget;
    private final Consumer<String> onExhausted;
    private final AtomicInteger consecutive = new AtomicInteger();
    private final AtomicReference<Exchange> lastAnswered = new AtomicReference<>();
    private final AtomicReference<Exchange> firstFailed = new AtomicReference<>();
    private final AtomicReference<Outage> outage = new AtomicReference<>();

    HostHealth(int budget, Consumer<String> onExhausted) {
        this.budget = budget;
        this.onExhausted = onExhausted;
    }

    void record(Exchange e) {
        if (e.outcome() == ExchangeOutcome.ANSWERED) {
            consecutive.set(0);
            firstFailed.set(null);
            lastAnswered.set(e);
        } else if (e.outcome() == ExchangeOutcome.TRANSPORT_ERROR || e.outcome() == ExchangeOutcome.TIMEOUT) {
            firstFailed.compareAndSet(null, e);
            if (consecutive.incrementAndGet() == budget) {
                Exchange answered = lastAnswered.get();
                String after = "";
                if (answered != null) {
                    Exchange failed = firstFailed.get();
                    outage.compareAndSet(null, new Outage(answered, failed == null ? e : failed, budget));
                    after = " after answering " + display(answered);
                }
                onExhausted.accept("the target stopped answering" + after + ": " + budget
                        + " requests in a row failed (last: " + e.error() + ")");
            }
        }
    }

    /** {@code GET /login?next=1}: how the request is named in the stop reason and the finding. */
    static String display(Exchange e) {
        return new dev.parapet.model.Endpoint(e.request().method(), e.request().uri(),
                dev.parapet.model.Endpoint.Source.DISCOVERED).display();
    }

    /** The target's death, when it answered first and then used up the budget; empty otherwise. */
    Optional<Outage> outage() {
        return Optional.ofNullable(outage.get());
    }
}
