package dev.parapet.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness per host: at most {@code concurrency} requests in flight and at most {@code ratePerSecond} request
 * starts per second (evenly spaced, no bursts), plus a pause that a 429 {@code Retry-After} imposes on every
 * later request to that host. Thread-safe; blocking waits are interruptible and virtual-thread friendly.
 */
final class HostLimiter {

    private final int concurrency;
    private final long intervalNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    private final class Host {
        final Semaphore permits = new Semaphore(concurrency, true);
        final ReentrantLock lock = new ReentrantLock(true);
        long nextStartNanos = System.nanoTime();
        volatile long pausedUntilNanos = 0;
    }

    HostLimiter(double ratePerSecond, int concurrency) {
        this.concurrency = concurrency;
        this.intervalNanos = (long) (1_000_000_000L / ratePerSecond);
    }

    /** Waits for a slot and returns it; callers must {@link #release(String)} in a finally block. */
    void acquire(String host) throws InterruptedException {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        h.permits.acquire();
        try {
            long wait;
            h.lock.lockInterruptibly();
            try {
                long now = System.nanoTime();
                long start = Math.max(Math.max(now, h.nextStartNanos), h.pausedUntilNanos);
                h.nextStartNanos = start + intervalNanos;
                wait = start - now;
            } finally {
                h.lock.unlock();
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            h.permits.release();
            throw e;
        }
    }

    void release(String host) {
        Host h = hosts.get(host);
        if (h != null) {
            h.permits.release();
        }
    }

    /** No request to {@code host} starts in the next {@code nanos}. */
    void pause(String host, long nanos) {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        long until = System.nanoTime() + nanos;
        h.lock.lock();
        try {
            if (until > h.pausedUntilNanos) {
                h.pausedUntilNanos = until;
            }
        } finally {
            h.lock.unlock();
        }
    }
}
