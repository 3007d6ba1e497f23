package dev.parapet.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One check's request allowance for one scan, or one step's within it: a screen or confirmation of an input point
 * gets a child budget of its step's cost, whose probes also count against the check's. A child's probe beyond its
 * own limit counts as refused in the check's budget too, so an input check that asks for more than it declared is
 * as visible as any other. Thread-safe.
 */
final class ProbeBudget {

    private final int limit;
    private final ProbeBudget parent;
    private final AtomicInteger used = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    ProbeBudget(int limit) {
        this(limit, null);
    }

    private ProbeBudget(int limit, ProbeBudget parent) {
        this.limit = limit;
        this.parent = parent;
    }

    /** A budget of at most {@code childLimit} probes that also draw from this one. */
    ProbeBudget child(int childLimit) {
        return new ProbeBudget(childLimit, this);
    }

    /** Takes one probe from the budget (and its parent's); false (and nothing taken) when either is spent. */
    boolean tryTake() {
        while (true) {
            int u = used.get();
            if (u >= limit) {
                noteRefused();
                return false;
            }
            if (used.compareAndSet(u, u + 1)) {
                break;
            }
        }
        if (parent != null && !parent.tryTake()) {
            used.decrementAndGet();
            refused.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a probe taken but never sent (a later guard refused it). */
    void giveBack() {
        used.decrementAndGet();
        if (parent != null) {
            parent.giveBack();
        }
    }

    private void noteRefused() {
        refused.incrementAndGet();
        if (parent != null) {
            parent.noteRefused();
        }
    }

    int used() {
        return used.get();
    }

    int refused() {
        return refused.get();
    }

    int remaining() {
        int own = limit - used.get();
        return parent == null ? own : Math.min(own, parent.remaining());
    }

    int limit() {
        return limit;
    }
}
