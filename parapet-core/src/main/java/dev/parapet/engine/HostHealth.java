package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The host-error budget: after {@code budget} consecutive requests fail at the transport level (refused, reset,
 * timed out), the target is taken as down and the scan is stopped instead of hammering it. Any answer, whatever
 * its status, resets the count. Thread-safe.
 */
final class HostHealth {

    private final int budget;
    private final Consumer<String> onExhausted;
    private final AtomicInteger consecutive = new AtomicInteger();

    HostHealth(int budget, Consumer<String> onExhausted) {
        this.budget = budget;
        this.onExhausted = onExhausted;
    }

    void record(Exchange e) {
        if (e.outcome() == ExchangeOutcome.ANSWERED) {
            consecutive.set(0);
        } else if (e.outcome() == ExchangeOutcome.TRANSPORT_ERROR || e.outcome() == ExchangeOutcome.TIMEOUT) {
            if (consecutive.incrementAndGet() == budget) {
                onExhausted.accept("the target stopped answering: " + budget + " requests in a row failed (last: "
                        + e.error() + ")");
            }
        }
    }
}
