package dev.parapet.checks.authentication;

import dev.parapet.model.Category;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Refusals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses every JWT discovery saw, in responses (issued by the API) or in the user's own requests
 * ({@code --auth-bearer}, a cookie, a custom header): offline, a guessable HMAC secret (HS256/384/512 against tens
 * of thousands of bundled candidates and words harvested from the target, {@link TargetWords}), missing or
 * far-future {@code exp}, readable sensitive claims at any depth and key-selection headers; then, for the user's
 * own token only, forged variants replayed where the token travels against an endpoint whose authenticated answer
 * carries data the anonymous one does not ({@link JwtBaseline}, {@link JwtReplays}): {@code alg:none}, a stripped
 * signature, algorithm confusion, and with a cracked secret raised privilege claims and an expired copy. An already
 * expired user token that still gets the authenticated answer is reported too. Stateless and thread-safe.
 */
public final class JwtWeaknessesCheck implements Check {

    /**
     * Probes for one supplied token: the baseline search ({@link JwtBaseline}), the key search
     * ({@link PublicKeys}), then 4 unsigned spellings, a stripped signature, 4 confusion keys, a forged and an
     * expired copy.
     */
    private static final int REPLAY_PROBES = JwtBaseline.MAX_ANONYMOUS + JwtBaseline.MAX_AUTHENTICATED
            + PublicKeys.MAX_PROBES + 4 + 1 + PublicKeys.MAX_SECRETS + 2;
    /** Supplied tokens replayed: the user's identities give at most two. */
    private static final int MAX_REPLAYED = 2;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("jwt-weaknesses", Category.AUTHENTICATION,
            "Weak JSON Web Tokens",
            "Finds JWTs in discovery's traffic and the user's own requests; cracks HMAC secrets offline against a "
                    + "large wordlist and the target's own words, flags missing or far-future expiry, sensitive "
                    + "claims and key URLs, and replays the user's own token unsigned, stripped, algorithm-confused, "
                    + "re-signed with raised claims or expired where authenticated and anonymous answers differ.",
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
        Set<String> cracked = new LinkedHashSet<>();
        int replayed = 0;
        for (JwtToken t : tokens) {
            // a secret that signed one token of the API most likely signed the others: tried first
            Set<String> words = new LinkedHashSet<>(cracked);
            words.addAll(TargetWords.of(ctx.inventory(), t));
            JwtOfflineReview.Result r = review.review(t, now, words);
            r.crackedSecret().ifPresent(cracked::add);
            findings.addAll(r.findings());
            if (t.supplied() && replayed < MAX_REPLAYED) {
                replayed++;
                Optional<JwtBaseline.Baseline> b = JwtBaseline.find(ctx, t);
                if (b.isPresent()) {
                    findings.addAll(replays.replay(t, b.get(), r.crackedSecret()));
                    expiredButAccepted(t, b.get(), now).ifPresent(findings::add);
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** The user's token is past its exp, yet the endpoint still answers it as authenticated. */
    private static Optional<Finding> expiredButAccepted(JwtToken t, JwtBaseline.Baseline b, Instant now) {
        if (t.expiry().isEmpty() || t.expiry().get() >= now.getEpochSecond() - 60) {
            return Optional.empty();
        }
        return Optional.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(dev.parapet.model.Confidence.FIRM)
                .title("Expired JWT accepted")
                .evidence(dev.parapet.checks.support.Snippets.oneLine("the supplied token expired "
                        + (now.getEpochSecond() - t.expiry().get()) / 60 + " min ago, yet got " + b.authenticated()
                        .status() + " (without it " + Refusals.judge(b.anonymous()).reason() + "); "
                        + JwtEvidence.of(t), dev.parapet.checks.support.Snippets.MAX_EVIDENCE))
                .exchange(b.authenticated()).exchange(b.anonymous())
                .remediation("Check exp (and nbf) on every request, with at most a minute of clock skew.")
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags()).tag("jwt")
                .discriminator("expired-supplied").build());
    }
}
