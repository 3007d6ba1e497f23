package dev.parapet.engine;

import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.model.Caller;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.spi.Identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Attaches an identity's credentials to a request, and only to requests for the target's own origin (scheme, host
 * and effective port): a redirect or a probe to any other origin never carries them. A credential field replaces
 * any field of the same name the check set; other fields a check set are kept, so a check may send a token of its
 * own as {@link Identity#ANONYMOUS}. Counts the requests that carried credentials.
 *
 * <p>An identity given by {@code --auth-command} gets its field when {@link #resolveCommands()} runs the command,
 * and may {@linkplain #refreshAfter401 refresh} it once per scan. Thread-safe.
 */
final class CredentialStamp {

    /** The target's origin alone: credentials go nowhere else, whatever {@code --scope} admits. */
    private final ScopeGuard targetOrigin;
    private final Identities identities;
    private final Map<Identity, AtomicReference<Credentials>> current = new EnumMap<>(Identity.class);
    private final Map<Identity, AtomicBoolean> refreshed = new EnumMap<>(Identity.class);
    private final AtomicLong stamped = new AtomicLong();

    CredentialStamp(URI target, Identities identities) {
        this.targetOrigin = new ScopeGuard(target, List.of());
        this.identities = identities;
        current.put(Identity.PRIMARY, new AtomicReference<>(identities.primary()));
        current.put(Identity.SECONDARY, new AtomicReference<>(identities.secondary()));
        current.put(Identity.ANONYMOUS, new AtomicReference<>(Credentials.NONE));
        for (Identity who : Identity.values()) {
            refreshed.put(who, new AtomicBoolean());
        }
    }

    /** Runs each identity's {@code --auth-command}, if any, and attaches its output. Call once, before any probe. */
    void resolveCommands() throws InterruptedException {
        for (Identity who : List.of(Identity.PRIMARY, Identity.SECONDARY)) {
            Credentials creds = current.get(who).get();
            if (!creds.command().isEmpty()) {
                current.get(who).set(creds.with(command(who).run()));
            }
        }
    }

    /** The request as it goes on the wire for {@code who}. */
    HttpRequestRecord apply(HttpRequestRecord request, Identity who) {
        Credentials creds = current.get(who).get();
        if (creds.headers().isEmpty() || !targetOrigin.allows(request.uri())) {
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
        return request.withHeaders(new Headers(fields)).sentAs(switch (who) {
            case PRIMARY -> Caller.PRIMARY;
            case SECONDARY -> Caller.SECONDARY;
            case ANONYMOUS -> Caller.ANONYMOUS;
        });
    }

    /**
     * After {@code sent} (as {@code who}) was answered 401: re-runs {@code who}'s command the first time this
     * happens in the scan. Returns true when {@code who}'s credentials now differ from those {@code sent} carried,
     * so the caller should send the request once more.
     */
    boolean refreshAfter401(HttpRequestRecord sent, Identity who) throws InterruptedException {
        Credentials creds = current.get(who).get();
        if (creds.command().isEmpty() || !targetOrigin.allows(sent.uri())) {
            return false;
        }
        synchronized (refreshed.get(who)) {
            if (refreshed.get(who).compareAndSet(false, true)) {
                current.get(who).set(current.get(who).get().with(command(who).run()));
            }
        }
        Credentials now = current.get(who).get();
        return now.headers().stream().anyMatch(f -> !sent.headers().all(f.name()).contains(f.value()));
    }

    private AuthCommand command(Identity who) {
        String flag = who == Identity.SECONDARY ? "--auth2-command" : "--auth-command";
        return new AuthCommand(current.get(who).get().command(), flag);
    }

    boolean has(Identity who) {
        return switch (who) {
            case PRIMARY -> identities.primary().isPresent();
            case SECONDARY -> identities.secondary().isPresent();
            case ANONYMOUS -> true;
        };
    }

    /** Requests sent so far that carried credentials. */
    long authenticatedRequests() {
        return stamped.get();
    }
}
