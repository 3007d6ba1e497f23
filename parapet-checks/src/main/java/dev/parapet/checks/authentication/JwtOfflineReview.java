package dev.parapet.checks.authentication;

import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a token shows without sending anything: a signature that verifies with a well-known HMAC secret, no or a
 * far-future {@code exp}, claims that should not travel readable, and key-selection headers. Every finding reads
 * the artefact itself, so its confidence is confirmed. Thread-safe.
 */
final class JwtOfflineReview {

    /**
     * Lifetimes beyond this are "far future". Access tokens live minutes to hours and refresh tokens rarely beyond
     * a month; a token valid for longer is a long-lived credential that outlives any revocation a user expects.
     */
    static final Duration FAR_FUTURE = Duration.ofDays(30);

    private final HmacWordlist wordlist;
    private final SensitiveClaims sensitive;

    JwtOfflineReview(HmacWordlist wordlist, SensitiveClaims sensitive) {
        this.wordlist = wordlist;
        this.sensitive = sensitive;
    }

    /** Findings for one token, and the cracked secret (if any) for the caller's replays. */
    record Result(List<Finding> findings, Optional<String> crackedSecret) {
    }

    Result review(JwtToken t, Instant now) {
        return review(t, now, List.of());
    }

    /** As {@link #review(JwtToken, Instant)}, also trying {@code harvested} words of the target as HMAC keys. */
    Result review(JwtToken t, Instant now, java.util.Collection<String> harvested) {
        List<Draft> out = new ArrayList<>();
        if (t.alg().equalsIgnoreCase("none")) {
            out.add(finding(t, "unsigned", Severity.CRITICAL, "Unsigned JWT in use (alg: none)",
                    "the token has alg '" + t.alg() + "' and no signature: anyone can write one",
                    "Sign every token (HS256 with a strong key, or RS256/ES256) and reject alg 'none' when verifying."));
        }
        Optional<String> secret = t.hmac() ? wordlist.crack(t, harvested) : Optional.empty();
        secret.ifPresent(s -> out.add(finding(t, "weak-secret", Severity.CRITICAL,
                "JWT signed with a guessable HMAC secret (" + t.alg() + ")",
                "signature verifies with the well-known secret '" + JwtEvidence.mask(s) + "'",
                "Sign tokens with a random key of at least 256 bits from a secrets manager (e.g. `openssl rand "
                        + "-base64 48`), rotate it now, and invalidate every token signed with the old one.")));
        Optional<Long> exp = t.expiry();
        if (exp.isEmpty()) {
            out.add(finding(t, "no-exp", Severity.MEDIUM, "JWT never expires (no exp claim)",
                    "the token carries no exp claim",
                    "Issue tokens with a short exp (minutes for access tokens) and reject tokens without one "
                            + "(jsonwebtoken: `jwt.verify(token, key, { algorithms: ['HS256'] })` with `expiresIn`)."));
        } else {
            long from = t.issuedAt().orElse(now.getEpochSecond());
            Duration life = Duration.ofSeconds(exp.get() - from);
            if (life.compareTo(FAR_FUTURE) > 0) {
                out.add(finding(t, "far-exp", Severity.LOW, "JWT valid for " + life.toDays() + " days",
                        "exp lies " + life.toDays() + " days after " + (t.issuedAt().isPresent() ? "iat" : "now"),
                        "Keep access-token lifetimes short (minutes to hours) and use refresh tokens that can be "
                                + "revoked for longer sessions."));
            }
        }
        sensitiveClaims(t).ifPresent(out::add);
        keyHeaders(t).ifPresent(out::add);
        return new Result(out.stream().map(Draft::build).toList(), secret);
    }

    private Optional<Draft> sensitiveClaims(JwtToken t) {
        List<String> names = new ArrayList<>();
        Severity worst = null;
        for (String path : t.flatClaims().keySet()) {
            Optional<SensitiveClaims.Rule> rule = sensitive.match(leaf(path));
            if (rule.isPresent()) {
                names.add(path + " (" + rule.get().label() + ")");
                worst = worst == null || rule.get().level().compareTo(worst) > 0 ? rule.get().level() : worst;
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(t, "claims", worst, "JWT carries sensitive claims: " + String.join(", ", names),
                "claims anyone holding the token can read: " + String.join(", ", names),
                "Keep tokens to an opaque subject id and the scopes needed; look personal data and roles up on the "
                        + "server. A JWT payload is only base64, not encrypted."));
    }

    /** {@code role} of {@code user.role}, {@code roles} of {@code data.roles[0]}. */
    static String leaf(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket < 0 ? last : last.substring(0, bracket);
    }

    private static Optional<Draft> keyHeaders(JwtToken t) {
        for (String h : List.of("jku", "x5u")) {
            if (t.header().get(h) != null) {
                return Optional.of(finding(t, "key-url", Severity.MEDIUM, "JWT header names a key URL (" + h + ")",
                        h + " header present: a verifier that fetches it trusts a key the token chooses",
                        "Verify tokens only against keys pinned in configuration; ignore jku/x5u, or allow-list "
                                + "their exact URLs.").withConfidence(Confidence.TENTATIVE));
            }
        }
        if (t.header().get("kid") != null) {
            return Optional.of(finding(t, "kid", Severity.INFO, "JWT selects its key by kid",
                    "kid header present: the verifier looks its key up from a value the token controls",
                    "Resolve kid only against a fixed key set; never use it in a file path or a query."));
        }
        return Optional.empty();
    }

    private static Draft finding(JwtToken t, String kind, Severity severity, String title, String why,
                                 String remediation) {
        return new Draft(t, kind, severity, title, why, remediation, Confidence.CONFIRMED);
    }

    /** A finding being built, so a rule may lower the default confidence before it is built. */
    record Draft(JwtToken t, String kind, Severity severity, String title, String why, String remediation,
                 Confidence confidence) {
        Draft withConfidence(Confidence c) {
            return new Draft(t, kind, severity, title, why, remediation, c);
        }

        Finding build() {
            String source = t.supplied() ? "supplied token" : "token issued by the API";
            return Finding.builder(JwtWeaknessesCheck.DESCRIPTOR.id(), JwtWeaknessesCheck.DESCRIPTOR.category())
                    .severity(severity).confidence(confidence).title(title)
                    .evidence(Snippets.oneLine(source + ": " + why + "; " + JwtEvidence.of(t), Snippets.MAX_EVIDENCE))
                    .exchange(t.seenIn()).remediation(remediation)
                    .references(JwtWeaknessesCheck.DESCRIPTOR.references()).tags(JwtWeaknessesCheck.DESCRIPTOR.tags())
                    .tag("jwt").tag("offline").discriminator(kind + ":" + t.handle()).build();
        }
    }
}
