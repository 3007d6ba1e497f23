package dev.parapet.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole scan's request allowance ({@code --max-requests}) as the checks share it: what discovery and the spec
 * stage left. The planner divides it before checks start, so each check's own budget fits in it and a scan's
 * requests do not depend on which check happened to run first; this is the hard stop behind that plan.
 * Thread-safe.
 */
final class ScanBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    ScanBudget(long limit) {
        this.limit = Math.max(0, limit);
    }

    boolean tryTake() {
        while (true) {
            long u = used.get();
            if (u >= limit) {
                refused.incrementAndGet();
                return false;
            }
            if (used.compareAndSet(u, u + 1)) {
                return true;
            }
        }
    }

    void giveBack() {
        used.decrementAndGet();
    }

    long limit() {
        return limit;
    }

    long remaining() {
        return limit - used.get();
    }

    /** Probes refused because the scan's budget was spent. */
    long refused() {
        return refused.get();
    }
}
