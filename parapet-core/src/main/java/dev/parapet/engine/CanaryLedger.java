package dev.parapet.engine;

import dev.parapet.spi.Canary;
import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.CanaryToken;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The canary's memory: the tokens it issued and the hits each received, with hard caps so a target that hammers the
 * canary cannot grow it ({@value #MAX_TOKENS} tokens, {@value #MAX_HITS_PER_TOKEN} hits per token,
 * {@value #MAX_HITS} hits in all; later hits are dropped). Requests for tokens it did not issue are never stored.
 * Thread-safe: the listener records from its threads while checks wait on theirs.
 */
final class CanaryLedger {

    static final int MAX_TOKENS = 512;
    static final int MAX_HITS_PER_TOKEN = 8;
    static final int MAX_HITS = 256;

    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Guards every entry's hits and {@link #stored}; {@link #arrived} is signalled on each stored hit. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private int stored;

    /** A token and its hits (guarded by {@link #lock}). */
    private static final class Entry {
        final CanaryToken token;
        final List<CanaryHit> hits = new ArrayList<>();

        Entry(CanaryToken token) {
            this.token = token;
        }
    }

    /** A new token whose URL {@code urlOf} builds from its path segment. */
    synchronized CanaryToken mint(String purpose, Function<String, java.net.URI> urlOf) {
        if (entries.size() >= MAX_TOKENS) {
            throw new IllegalStateException("the canary has issued its " + MAX_TOKENS + " tokens for this scan");
        }
        String token = randomHex(16);
        String marker = "pcanary" + randomHex(10);
        String markup = "<b id=\"" + marker + "\" class=\"parapet-canary\">" + marker + "</b>";
        CanaryToken t = new CanaryToken(token, urlOf.apply(token), marker, markup, purpose);
        entries.put(token, new Entry(t));
        return t;
    }

    /** The token a request path names in its first segment, when this ledger issued it. */
    Optional<CanaryToken> tokenOf(String path) {
        String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        int end = p.indexOf('/');
        String segment = end < 0 ? p : p.substring(0, end);
        int cut = segment.indexOf('?');
        Entry e = entries.get(cut < 0 ? segment : segment.substring(0, cut));
        return Optional.ofNullable(e).map(x -> x.token);
    }

    /** Stores {@code hit} for {@code token} unless a cap is reached; wakes the waiters. */
    void record(CanaryToken token, CanaryHit hit) {
        Entry e = entries.get(token.token());
        if (e == null) {
            return;
        }
        lock.lock();
        try {
            if (stored >= MAX_HITS || e.hits.size() >= MAX_HITS_PER_TOKEN) {
                return;
            }
            e.hits.add(hit);
            stored++;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<CanaryHit> hits(CanaryToken token) {
        Entry e = entries.get(token.token());
        if (e == null) {
            return List.of();
        }
        lock.lock();
        try {
            return List.copyOf(e.hits);
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code max} (at most {@link Canary#MAX_WAIT}) for the first hit of {@code token}. */
    List<CanaryHit> await(CanaryToken token, Duration max) throws InterruptedException {
        Entry e = entries.get(token.token());
        if (e == null) {
            return List.of();
        }
        Duration capped = max.compareTo(Canary.MAX_WAIT) > 0 ? Canary.MAX_WAIT : max.isNegative() ? Duration.ZERO : max;
        long left = capped.toNanos();
        lock.lockInterruptibly();
        try {
            while (e.hits.isEmpty() && left > 0) {
                left = arrived.awaitNanos(left);
            }
            return List.copyOf(e.hits);
        } finally {
            lock.unlock();
        }
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HEX.formatHex(b);
    }
}
