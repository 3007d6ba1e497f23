package dev.parapet.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller (an API key's id, or the client address for attempts without a valid key): up to
 * {@code burst} calls at once, refilled at {@code perSecond}. In memory, per server process. Thread-safe.
 */
final class RateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one token for {@code caller}; false when its bucket is empty (the call is refused). */
    boolean tryAcquire(String caller) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear(); // a flood of distinct callers must not grow memory without bound
        }
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(burst, nanoTime.getAsLong()));
        synchronized (bucket) {
            long now = nanoTime.getAsLong();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / 1e9 * perSecond);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Whole seconds until {@code caller} has a token again (for {@code Retry-After}). */
    long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }
}
