package dev.parapet.engine;

import dev.parapet.model.Exchange;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what one scan keeps of the answers it holds on to beyond the request that asked (discovery's and the spec
 * stage's recorded answers, the probe cache): bodies are kept whole while the scan's budget of kept characters
 * lasts, and after that only their first {@link #WINDOW_CHARS} characters (marked truncated, the length read still
 * in {@code bodyBytes}). The budget fits every ordinary scan, so checks see whole bodies; a target that answers
 * thousands of requests with a megabyte each (decompression bombs) costs at most the budget plus one window per
 * answer. Which answers stay whole when the budget runs out depends on the order they arrived. Thread-safe.
 */
final class RetainedBodies {

    /** Characters of whole bodies a scan keeps: at most 128 MiB of heap even when every character needs two bytes. */
    static final long BUDGET_CHARS = 64L << 20;
    /** What is kept of a body once the budget is spent. */
    static final int WINDOW_CHARS = 16 << 10;

    private final long budget;
    private final int window;
    private final AtomicLong kept = new AtomicLong();

    RetainedBodies(long budgetChars, int windowChars) {
        this.budget = budgetChars;
        this.window = windowChars;
    }

    static RetainedBodies forScan() {
        return new RetainedBodies(BUDGET_CHARS, WINDOW_CHARS);
    }

    /** {@code e} as it may be kept: whole while the budget lasts, else with its bodies cut to the window. */
    Exchange keep(Exchange e) {
        long size = e.body().length() + (long) e.request().body().length();
        if (size <= window) {
            return e;
        }
        if (kept.addAndGet(size) <= budget) {
            return e;
        }
        kept.addAndGet(-size);
        return e.withBodyWindow(window);
    }

    /** Characters of whole bodies kept so far. */
    long keptChars() {
        return kept.get();
    }
}
