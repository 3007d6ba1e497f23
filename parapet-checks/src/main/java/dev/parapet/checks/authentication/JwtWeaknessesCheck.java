package dev.parapet.checks.authentication;

import dev.parapet.model.Category;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses every JWT discovery saw, in responses (issued by the API) or in the user's own requests
 * ({@code --auth-bearer}): offline, a guessable HMAC secret (bundled wordlist), missing or far-future {@code exp},
 * readable sensitive claims and key-selection headers; then, for the user's own token only, forged variants
 * replayed against an endpoint that answers it differently from anonymous requests ({@code alg:none}, algorithm
 * confusion, an expired copy re-signed with a cracked secret). An already expired user token that still gets the
 * authenticated answer is reported too. Stateless and thread-safe.
 */
public final class JwtWeaknessesCheck implements Check {

    /** Replays for one supplied token: 3 baseline probes, 4 unsigned spellings, 4 confusion tries, 1 expired. */
    private static final int REPLAY_PROBES = 12;
    /** Supplied tokens replayed: the user's identities give at most two. */
    private static final int MAX_REPLAYED = 2;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("jwt-weaknesses", Category.AUTHENTICATION,
            "Weak JSON Web Tokens",
            "Finds JWTs in discovery's traffic and the user's own requests; cracks HMAC secrets offline against a "
                    + "wordlist, flags missing or far-future expiry, sensitive claims and key URLs, and replays the "
                    + "user's own token unsigned, algorithm-confused or expired.",
            Severity.CRITICAL, List.of(347, 327, 613, 522), REPLAY_PROBES * MAX_REPLAYED, Set.of("jwt", "authentication"),
            "Verify every token with a fixed algorithm and a strong key, require a short exp, and keep personal data "
                    + "and secrets out of the payload.");

    private final JwtOfflineReview review = new JwtOfflineReview(HmacWordlist.load(), SensitiveClaims.load());

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<JwtToken> tokens = JwtSightings.collect(ctx.inventory());
        if (tokens.isEmpty()) {
            return CheckOutcome.notApplicable("no JSON Web Token was seen in discovery's traffic or supplied");
        }
        Instant now = Instant.now();
        JwtReplays replays = new JwtReplays(ctx);
        List<Finding> findings = new ArrayList<>();
        int replayed = 0;
        for (JwtToken t : tokens) {
            JwtOfflineReview.Result r = review.review(t, now);
            findings.addAll(r.findings());
            if (t.supplied() && replayed < MAX_REPLAYED) {
                replayed++;
                Optional<JwtReplays.Baseline> b = replays.baseline(t);
                if (b.isPresent()) {
                    findings.addAll(replays.replay(t, b.get(), r.crackedSecret()));
                    expiredButAccepted(t, b.get(), now).ifPresent(findings::add);
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** The user's token is past its exp, yet the endpoint still answers it as authenticated. */
    private static Optional<Finding> expiredButAccepted(JwtToken t, JwtReplays.Baseline b, Instant now) {
        if (t.expiry().isEmpty() || t.expiry().get() >= now.getEpochSecond() - 60) {
            return Optional.empty();
        }
        return Optional.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(dev.parapet.model.Confidence.FIRM)
                .title("Expired JWT accepted")
                .evidence(dev.parapet.checks.support.Snippets.oneLine("the supplied token expired "
                        + (now.getEpochSecond() - t.expiry().get()) / 60 + " min ago, yet got " + b.authenticated()
                        .status() + " (anonymous " + b.anonymous().status() + "); " + JwtEvidence.of(t),
                        dev.parapet.checks.support.Snippets.MAX_EVIDENCE))
                .exchange(b.authenticated()).exchange(b.anonymous())
                .remediation("Check exp (and nbf) on every request, with at most a minute of clock skew.")
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags()).tag("jwt")
                .discriminator("expired-supplied").build());
    }
}
