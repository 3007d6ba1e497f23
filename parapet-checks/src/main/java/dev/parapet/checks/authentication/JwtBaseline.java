package dev.parapet.checks.authentication;

import dev.parapet.checks.support.AuthBaseline;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;

import java.util.Optional;

/**
 * The endpoint forged tokens are replayed against ({@link AuthBaseline}): one whose answer to the user's real
 * token carries data the anonymous answer does not, among the answers that carried the token, and how the token
 * travelled there. Stateless.
 */
final class JwtBaseline {

    /** The authenticated answer, the anonymous one, and how the token travelled. */
    record Baseline(Exchange authenticated, Exchange anonymous, JwtCarrier carrier) {
    }

    /** Anonymous probes spent looking for a baseline per token. */
    static final int MAX_ANONYMOUS = 6;
    /** Authenticated probes of endpoints discovery did not record, per token. */
    static final int MAX_AUTHENTICATED = 3;

    private JwtBaseline() {
    }

    static Optional<Baseline> find(CheckContext ctx, JwtToken t) throws InterruptedException {
        Optional<AuthBaseline.Pair> pair = AuthBaseline.find(ctx,
                e -> JwtCarrier.in(e.request(), t.raw()).isPresent(), MAX_ANONYMOUS, MAX_AUTHENTICATED);
        return pair.map(p -> new Baseline(p.authenticated(), p.anonymous(),
                JwtCarrier.in(p.authenticated().request(), t.raw()).orElseThrow()));
    }
}
