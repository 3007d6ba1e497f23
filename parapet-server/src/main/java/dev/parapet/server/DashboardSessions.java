package dev.parapet.server;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The dashboard's sign-ins, in memory: a session id is 256 random bits (SecureRandom, URL-safe Base64) and maps to
 * the principal of the API key that signed in (its tenant and role, never the key itself) and a CSRF token of its
 * own. A session lasts {@link #LIFETIME} from sign-in, and ends at sign-out; a server restart ends them all (people
 * sign in again). Thread-safe. At most {@link #MAX_SESSIONS} live at once: the oldest are dropped beyond that.
 */
final class DashboardSessions {

    static final Duration LIFETIME = Duration.ofHours(8);
    static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One signed-in browser. {@code csrf} goes into every form it is shown. */
    record Session(String id, ApiKeys.Principal principal, String csrf, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    DashboardSessions(LongSupplier nanos) {
        this.nanos = nanos;
    }

    Session open(ApiKeys.Principal principal) {
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparingLong(Session::expiresAtNanos))
                    .ifPresent(s -> sessions.remove(s.id()));
        }
        Session s = new Session(randomToken(), principal, randomToken(), nanos.getAsLong() + LIFETIME.toNanos());
        sessions.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (nanos.getAsLong() - s.expiresAtNanos() > 0) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** 256 random bits as 43 URL-safe Base64 characters. */
    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Compares two tokens in constant time; a missing one never matches. */
    static boolean sameToken(String expected, String presented) {
        return expected != null && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
