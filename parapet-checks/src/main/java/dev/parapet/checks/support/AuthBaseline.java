package dev.parapet.checks.support;

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
import java.util.function.Predicate;

/**
 * An endpoint whose answer to the user's credentials carries data the anonymous answer does not: the control pair
 * for every test that sends credentials some other way (a forged token, a token in the query string). Candidates
 * are GET endpoints whose recorded (or, for a few discovery did not record, probed) authenticated answer was
 * {@linkplain Refusals#granted granted}, per-user names first ({@code me}, {@code account}, {@code orders}…); each
 * is asked once anonymously. The first whose anonymous answer is not granted wins; failing that, the first granted
 * something else. Probes go through the engine, so checks asking for the same pairs share them. Stateless.
 */
public final class AuthBaseline {

    /** The authenticated answer and the anonymous one for the same URL. */
    public record Pair(Exchange authenticated, Exchange anonymous) {
        /** Whether the anonymous caller is refused outright, the strongest control. */
        public boolean anonymousRefused() {
            return Refusals.refused(anonymous);
        }
    }

    private static final List<String> USER_WORDS = List.of("me", "user", "account", "profile", "order", "session",
            "admin", "private", "whoami", "dashboard", "settings", "cart", "wallet", "billing");

    private AuthBaseline() {
    }

    /**
     * The best pair, spending at most {@code maxAnonymous} anonymous and {@code maxAuthenticated} authenticated
     * probes; {@code usable} says which authenticated answers count (carried the credential under test).
     */
    public static Optional<Pair> find(CheckContext ctx, Predicate<Exchange> usable, int maxAnonymous,
                                      int maxAuthenticated) throws InterruptedException {
        Pair differing = null;
        int asked = 0;
        for (Exchange authed : candidates(ctx, usable, maxAuthenticated)) {
            if (asked++ >= maxAnonymous) {
                break;
            }
            Exchange anon = ctx.probe(ProbeRequest.get(authed.request().uri()).as(Identity.ANONYMOUS));
            if (!anon.answered()) {
                continue;
            }
            if (!Refusals.granted(anon)) {
                return Optional.of(new Pair(authed, anon));
            }
            if (differing == null && !Refusals.sameAnswer(authed, anon)) {
                differing = new Pair(authed, anon);
            }
        }
        return Optional.ofNullable(differing);
    }

    private static List<Exchange> candidates(CheckContext ctx, Predicate<Exchange> usable, int maxAuthenticated)
            throws InterruptedException {
        Map<URI, Exchange> byUri = new LinkedHashMap<>();
        for (Exchange e : ctx.inventory().answeredGets()) {
            if (e.request().caller().carriedCredentials() && usable.test(e) && Refusals.granted(e)) {
                byUri.putIfAbsent(e.request().uri(), e);
            }
        }
        if (ctx.has(Identity.PRIMARY)) {
            List<URI> unrecorded = ctx.inventory().endpoints().stream().filter(ep -> ep.method().equals("GET"))
                    .map(Endpoint::uri).filter(u -> !u.toString().contains("{"))
                    .filter(u -> ctx.inventory().answeredGets().stream().noneMatch(e -> e.request().uri().equals(u)))
                    .sorted(Comparator.comparingInt(AuthBaseline::userScore).reversed()).limit(maxAuthenticated)
                    .toList();
            for (URI u : unrecorded) {
                Exchange e = ctx.probe(ProbeRequest.get(u));
                if (e.answered() && e.request().caller().carriedCredentials() && usable.test(e) && Refusals.granted(e)) {
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
