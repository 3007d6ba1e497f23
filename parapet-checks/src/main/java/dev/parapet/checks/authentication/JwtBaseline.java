package dev.parapet.checks.authentication;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Refusals;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoint forged tokens are replayed against: one whose answer to the user's real token carries data the
 * anonymous answer does not. Candidates are the GET endpoints whose recorded (or probed) authenticated answer
 * carried the token and was {@linkplain Refusals#granted granted}, per-user names first ({@code me},
 * {@code account}, {@code orders}…); each is asked once anonymously. The first whose anonymous answer is not
 * granted wins; failing that, the first granted differently. Used by one thread for one token.
 */
final class JwtBaseline {

    /** The authenticated answer, the anonymous one, and how the token travelled. */
    record Baseline(Exchange authenticated, Exchange anonymous, JwtCarrier carrier) {
    }

    /** Anonymous probes spent looking for a baseline per token. */
    static final int MAX_ANONYMOUS = 6;
    /** Authenticated probes of endpoints discovery did not record, per token. */
    static final int MAX_AUTHENTICATED = 3;
    private static final List<String> USER_WORDS = List.of("me", "user", "account", "profile", "order", "session",
            "admin", "private", "whoami", "dashboard", "settings", "cart", "wallet", "billing");

    private JwtBaseline() {
    }

    static Optional<Baseline> find(CheckContext ctx, JwtToken t) throws InterruptedException {
        Baseline differing = null;
        int asked = 0;
        for (Exchange authed : candidates(ctx, t)) {
            if (asked++ >= MAX_ANONYMOUS) {
                break;
            }
            Optional<JwtCarrier> carrier = JwtCarrier.in(authed.request(), t.raw());
            Exchange anon = ctx.probe(ProbeRequest.get(authed.request().uri()).as(Identity.ANONYMOUS));
            if (carrier.isEmpty() || !anon.answered()) {
                continue;
            }
            if (!Refusals.granted(anon)) {
                return Optional.of(new Baseline(authed, anon, carrier.get()));
            }
            if (differing == null && !Refusals.sameAnswer(authed, anon)) {
                differing = new Baseline(authed, anon, carrier.get());
            }
        }
        return Optional.ofNullable(differing);
    }

    /** Granted authenticated answers that carried the token, recorded first, per-user paths first. */
    private static List<Exchange> candidates(CheckContext ctx, JwtToken t) throws InterruptedException {
        Map<URI, Exchange> byUri = new LinkedHashMap<>();
        for (Exchange e : ctx.inventory().answeredGets()) {
            if (JwtCarrier.in(e.request(), t.raw()).isPresent() && Refusals.granted(e)) {
                byUri.putIfAbsent(e.request().uri(), e);
            }
        }
        int probed = 0;
        if (ctx.has(Identity.PRIMARY)) {
            List<URI> unrecorded = ctx.inventory().endpoints().stream().filter(ep -> ep.method().equals("GET"))
                    .map(Endpoint::uri).filter(u -> !u.toString().contains("{") && !byUri.containsKey(u))
                    .filter(u -> !ctx.inventory().answeredGets().stream().anyMatch(e -> e.request().uri().equals(u)))
                    .sorted(Comparator.comparingInt(JwtBaseline::userScore).reversed()).toList();
            for (URI u : unrecorded) {
                if (probed++ >= MAX_AUTHENTICATED) {
                    break;
                }
                Exchange e = ctx.probe(ProbeRequest.get(u));
                if (e.answered() && JwtCarrier.in(e.request(), t.raw()).isPresent() && Refusals.granted(e)) {
                    byUri.put(u, e);
                }
            }
        }
        List<Exchange> out = new ArrayList<>(byUri.values());
        out.sort(Comparator.comparingInt((Exchange e) -> userScore(e.request().uri())).reversed());
        return out;
    }

    private static int userScore(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return (int) USER_WORDS.stream().filter(path::contains).count();
    }
}
