package dev.parapet.engine;

import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.spi.Identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attaches an identity's credentials to a request, and only to requests for the target's own origin (scheme, host
 * and effective port): a redirect or a probe to any other origin never carries them. A credential field replaces
 * any field of the same name the check set; other fields a check set are kept, so a check may send a token of its
 * own as {@link Identity#ANONYMOUS}. Counts the requests that carried credentials. Thread-safe.
 */
final class CredentialStamp {

    private final String targetOrigin;
    private final Identities identities;
    private final AtomicLong stamped = new AtomicLong();

    CredentialStamp(URI target, Identities identities) {
        this.targetOrigin = origin(target);
        this.identities = identities;
    }

    /** The request as it goes on the wire for {@code who}. */
    HttpRequestRecord apply(HttpRequestRecord request, Identity who) {
        Credentials creds = credentialsOf(who);
        if (!creds.isPresent() || !origin(request.uri()).equals(targetOrigin)) {
            return request;
        }
        List<Headers.Field> fields = new ArrayList<>();
        for (Headers.Field f : request.headers().fields()) {
            if (creds.names().stream().noneMatch(n -> n.equalsIgnoreCase(f.name()))) {
                fields.add(f);
            }
        }
        fields.addAll(creds.headers());
        stamped.incrementAndGet();
        return new HttpRequestRecord(request.method(), request.uri(), new Headers(fields), request.body());
    }

    boolean has(Identity who) {
        return who == Identity.ANONYMOUS || credentialsOf(who).isPresent();
    }

    /** Requests sent so far that carried credentials. */
    long authenticatedRequests() {
        return stamped.get();
    }

    private Credentials credentialsOf(Identity who) {
        return switch (who) {
            case PRIMARY -> identities.primary();
            case SECONDARY -> identities.secondary();
            case ANONYMOUS -> Credentials.NONE;
        };
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }
}
