package dev.parapet.engine;

import dev.parapet.model.AuthSummary;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Identity;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Refusals;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The auth-validity probe: after discovery, asks a handful of discovered endpoints the same GET with and without
 * each supplied identity's credentials and judges whether the target honoured them, reading every answer with
 * {@link Refusals} (so {@code 200 {"error":"invalid token"}} or a login page is a refusal, and an empty envelope no
 * data). Accepted when an endpoint grants the identity data and the anonymous request is not granted the same;
 * rejected when the identity is refused and nothing differs in its favour; unverified otherwise (every sampled
 * endpoint answers both alike).
 * Its requests go through the shared probe cache, so checks comparing the same answers send nothing more.
 */
final class AuthProbe {

    /** Endpoints sampled: enough to meet a protected one in a small API, few enough to stay a footnote in the stats. */
    static final int SAMPLE = 6;
    private static final List<String> USER_WORDS = List.of("me", "user", "account", "profile", "order", "session",
            "admin", "private", "token", "whoami");

    /** What one identity's sample showed. */
    record Verdict(AuthSummary.State state, String detail) {
    }

    private final ProbeCache cache;
    private final RequestExecutor executor;

    AuthProbe(ProbeCache cache, RequestExecutor executor) {
        this.cache = cache;
        this.executor = executor;
    }

    /** The summary for every identity with credentials; {@link AuthSummary#NONE} when there are none. */
    AuthSummary probe(Inventory inventory, CredentialStamp stamp) throws InterruptedException {
        List<Identity> identities = new ArrayList<>();
        for (Identity who : List.of(Identity.PRIMARY, Identity.SECONDARY)) {
            if (stamp.has(who)) {
                identities.add(who);
            }
        }
        if (identities.isEmpty()) {
            return AuthSummary.NONE;
        }
        List<URI> sample = sample(inventory);
        Verdict overall = null;
        for (Identity who : identities) {
            Verdict v = judge(sample, who);
            if (overall == null || rank(v.state()) > rank(overall.state())) {
                overall = v;
            }
        }
        return new AuthSummary(overall.state(), identities.size(), stamp.authenticatedRequests(), overall.detail());
    }

    /** Worse news wins when two identities disagree: a rejected second identity must not hide behind the first. */
    private static int rank(AuthSummary.State s) {
        return switch (s) {
            case REJECTED -> 3;
            case UNVERIFIED -> 2;
            case ACCEPTED -> 1;
            case NONE -> 0;
        };
    }

    Verdict judge(List<URI> sample, Identity who) throws InterruptedException {
        String label = who == Identity.SECONDARY ? "the second identity's credentials" : "the supplied credentials";
        String rejectedAt = null;
        String rejectedHow = "";
        for (URI uri : sample) {
            Exchange auth = send(ProbeRequest.get(uri).as(who));
            Exchange anon = send(ProbeRequest.get(uri).as(Identity.ANONYMOUS));
            if (!auth.answered() || !anon.answered()) {
                continue;
            }
            Refusals.Judgement authJudged = Refusals.judge(auth);
            if (authJudged.refused() && (!Refusals.refused(anon) || rejectedAt == null)) {
                rejectedAt = pathOf(uri);
                rejectedHow = authJudged.reason();
            }
            if (grants(auth, anon)) {
                return new Verdict(AuthSummary.State.ACCEPTED, "authenticated and anonymous answers differ on "
                        + pathOf(uri) + " (" + anon.status() + " without credentials, " + auth.status() + " with "
                        + label.substring(4) + ")");
            }
        }
        if (rejectedAt != null) {
            return new Verdict(AuthSummary.State.REJECTED, "the target answered " + rejectedHow + " to " + label
                    + " on " + rejectedAt + " — check the token (expired, revoked or for another environment?)");
        }
        return new Verdict(AuthSummary.State.UNVERIFIED, "credentials were sent, but the " + sample.size()
                + " endpoints sampled answered " + label + " and anonymous requests alike");
    }

    private Exchange send(ProbeRequest probe) throws InterruptedException {
        return cache.get(probe, executor::execute);
    }

    /** Data granted to the identity where the anonymous request gets none, or other data than it. */
    private static boolean grants(Exchange auth, Exchange anon) {
        if (!Refusals.granted(auth)) {
            return false;
        }
        return !Refusals.granted(anon) || !Refusals.sameAnswer(auth, anon);
    }

    /** Endpoints whose names suggest per-user data first, then the rest in discovery order; the target last. */
    static List<URI> sample(Inventory inventory) {
        Set<URI> uris = new LinkedHashSet<>();
        inventory.endpoints().stream().filter(e -> e.method().equals("GET")).map(e -> e.uri())
                .filter(u -> !u.equals(inventory.target()))
                .sorted(Comparator.comparingInt(AuthProbe::userScore).reversed()).forEach(uris::add);
        uris.add(inventory.target());
        return uris.stream().limit(SAMPLE).toList();
    }

    private static int userScore(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return (int) USER_WORDS.stream().filter(path::contains).count();
    }

    private static String pathOf(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }
}
