package dev.parapet.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** One check's request allowance for one scan. Thread-safe. */
final class ProbeBudget {

    private final int limit;
    private final AtomicInteger used = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    ProbeBudget(int limit) {
        this.limit = limit;
    }

    /** Takes one probe from the budget; false (and nothing taken) when it is spent. */
    boolean tryTake() {
        while (true) {
            int u = used.get();
            if (u >= limit) {
                refused.incrementAndGet();
                return false;
            }
            if (used.compareAndSet(u, u + 1)) {
                return true;
            }
        }
    }

    int used() {
        return used.get();
    }

    int refused() {
        return refused.get();
    }

    int remaining() {
        return limit - used.get();
    }
}
