package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.checks.authentication.JwtBaseline.Baseline;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Refusals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Replays forged variants of the user's own token (never anyone else's), where it travels, to an endpoint whose
 * authenticated answer carries data the anonymous one does not ({@link JwtBaseline}): unsigned ({@code alg:none} in
 * four spellings), its own header with the signature cut off, re-signed as HS256 with the server's public key
 * (algorithm confusion, {@link PublicKeys}), and, when the secret was cracked, re-signed with raised privilege
 * claims ({@link PrivilegeClaims}) and re-signed already expired. Every answer is judged with {@link Refusals}
 * against both the real-token answer and the anonymous one: a forgery is accepted when it is granted, unlike the
 * anonymous answer, and answered like the real token (same answer, or the same status and JSON keys); a raised
 * forgery needs only the first two. Used by one thread.
 */
final class JwtReplays {

    private static final List<String> NONE_SPELLINGS = List.of("none", "None", "NONE", "nOnE");

    private final CheckContext ctx;
    private final Supplier<PrivilegeClaims> privileges = CheckData.once(() -> PrivilegeClaims.load());

    JwtReplays(CheckContext ctx) {
        this.ctx = ctx;
    }

    List<Finding> replay(JwtToken t, Baseline b, Optional<String> secret) throws InterruptedException {
        List<Finding> out = new ArrayList<>();
        for (String none : NONE_SPELLINGS) {
            ObjectNode header = t.headerTree().put("alg", none);
            Optional<Exchange> hit = accepted(segment(header.toString()) + "." + t.payloadSegment() + ".", b, false);
            if (hit.isPresent()) {
                out.add(finding(t, b, hit.get(), "alg-none", Severity.CRITICAL, "Unsigned JWT accepted (alg: " + none + ")",
                        "the user's token with alg '" + none + "' and no signature got the authenticated answer",
                        "Verify with an explicit allow-list of algorithms and never accept 'none' "
                                + "(jsonwebtoken: `jwt.verify(token, key, { algorithms: ['RS256'] })`)."));
                break;
            }
        }
        if (out.isEmpty() && t.signature().length > 0) {
            accepted(t.signingInput() + ".", b, false).ifPresent(hit -> out.add(finding(t, b, hit, "no-signature",
                    Severity.CRITICAL, "JWT accepted with its signature removed", "the user's token with its "
                            + t.alg() + " header and an empty signature got the authenticated answer",
                    "Verify the signature of every token before reading its claims, and reject empty signatures.")));
        }
        if (t.alg().startsWith("RS") || t.alg().startsWith("PS") || t.alg().startsWith("ES")) {
            confusion(t, b).ifPresent(out::add);
        }
        if (secret.isPresent()) {
            forged(t, b, secret.get()).ifPresent(out::add);
            expired(t, b, secret.get()).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Finding> confusion(JwtToken t, Baseline b) throws InterruptedException {
        String input = segment(t.headerTree().put("alg", "HS256").toString()) + "." + t.payloadSegment();
        for (byte[] key : PublicKeys.hmacSecrets(ctx)) {
            Optional<Exchange> hit = accepted(HmacWordlist.signCompact("HS256", key, input), b, false);
            if (hit.isPresent()) {
                return Optional.of(finding(t, b, hit.get(), "alg-confusion", Severity.CRITICAL,
                        "JWT algorithm confusion: HS256 signed with the public key accepted", "the user's " + t.alg()
                                + " token re-signed as HS256 with the server's published public key got the "
                                + "authenticated answer",
                        "Bind each key to one algorithm and pass the expected algorithm to verify; never let the "
                                + "token's alg header choose between HMAC and RSA."));
            }
        }
        return Optional.empty();
    }

    /** A token of the API's own making: the cracked secret, the user's claims with every privilege raised. */
    private Optional<Finding> forged(JwtToken t, Baseline b, String secret) throws InterruptedException {
        ObjectNode claims = t.claimsTree();
        PrivilegeClaims.Raised raised = privileges.get().raise(claims);
        claims.put("parapet_forged", true);
        if (t.expiry().isPresent()) {
            claims.put("exp", Instant.now().getEpochSecond() + 3600);
        }
        String token = sign(t, secret, claims);
        boolean raisedAny = !raised.changes().isEmpty();
        return accepted(token, b, raisedAny).map(hit -> {
            boolean differs = !Refusals.sameAnswer(hit, b.authenticated());
            String why = raisedAny ? "a token forged with the cracked secret and raised claims "
                    + String.join(", ", raised.changes()) + " was accepted" + (differs
                    ? "; the answer differs from the user's own, so the raised claims took effect"
                    : "; the answer equals the user's own") : "a token forged with the cracked secret was accepted";
            return finding(t, b, hit, "forged", Severity.CRITICAL, raisedAny ? "JWT forged with the cracked secret "
                            + "and raised privileges accepted" : "JWT forged with the cracked secret accepted", why,
                    "Rotate the signing key now for a random key of at least 256 bits (e.g. `openssl rand -base64 48`) "
                            + "kept in a secrets manager, invalidate every token signed with the old one, and read "
                            + "roles from the server's records rather than from the token.");
        });
    }

    private Optional<Finding> expired(JwtToken t, Baseline b, String secret) throws InterruptedException {
        ObjectNode claims = t.claimsTree();
        claims.put("exp", Instant.now().getEpochSecond() - 3600);
        return accepted(sign(t, secret, claims), b, false).map(hit -> finding(t, b, hit, "expired", Severity.HIGH,
                "Expired JWT accepted", "a copy of the user's token re-signed with exp an hour in the past got the "
                        + "authenticated answer",
                "Check exp (and nbf) on every request, with at most a minute of clock skew.", Confidence.FIRM));
    }

    private static String sign(JwtToken t, String secret, ObjectNode claims) {
        String input = t.signingInput().substring(0, t.signingInput().indexOf('.')) + "." + segment(claims.toString());
        return HmacWordlist.signCompact(t.alg(), secret.getBytes(StandardCharsets.UTF_8), input);
    }

    /**
     * The forgery's answer when the API accepted it: granted data, not the anonymous answer, and (unless
     * {@code raised}, whose answer may rightly differ) answered like the real token.
     */
    private Optional<Exchange> accepted(String forged, Baseline b, boolean raised) throws InterruptedException {
        Exchange e = ctx.probe(b.carrier().get(b.authenticated().request().uri(), forged));
        if (!e.answered() || !Refusals.granted(e) || Refusals.sameAnswer(e, b.anonymous())) {
            return Optional.empty();
        }
        return raised || likeAuthenticated(e, b.authenticated()) ? Optional.of(e) : Optional.empty();
    }

    /** The same answer ignoring digits, or the same status and the same top-level JSON keys. */
    private static boolean likeAuthenticated(Exchange e, Exchange authenticated) {
        if (Refusals.sameAnswer(e, authenticated)) {
            return true;
        }
        return e.status() == authenticated.status() && keys(e).isPresent() && keys(e).equals(keys(authenticated));
    }

    private static Optional<List<String>> keys(Exchange e) {
        return dev.parapet.checks.support.SpecResponses.json(e).filter(n -> n.isObject() && n.size() > 0)
                .map(n -> { List<String> k = new ArrayList<>(); n.fieldNames().forEachRemaining(k::add); return k; });
    }

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Finding finding(JwtToken t, Baseline b, Exchange hit, String kind, Severity severity,
                                   String title, String why, String remediation) {
        return finding(t, b, hit, kind, severity, title, why, remediation, Confidence.CONFIRMED);
    }

    private static Finding finding(JwtToken t, Baseline b, Exchange hit, String kind, Severity severity,
                                   String title, String why, String remediation, Confidence confidence) {
        return Finding.builder(JwtWeaknessesCheck.DESCRIPTOR.id(), JwtWeaknessesCheck.DESCRIPTOR.category())
                .severity(severity).confidence(confidence).title(title)
                .evidence(Snippets.oneLine(why + " (" + b.carrier().describe() + "; " + Refusals.judge(hit).reason()
                        + "; real token " + b.authenticated().status() + ", no token " + Refusals.judge(b.anonymous())
                        .reason() + "); " + JwtEvidence.of(t), Snippets.MAX_EVIDENCE))
                .exchange(hit).exchange(b.authenticated()).exchange(b.anonymous())
                .remediation(remediation).references(JwtWeaknessesCheck.DESCRIPTOR.references())
                .tags(JwtWeaknessesCheck.DESCRIPTOR.tags()).tag("jwt").discriminator(kind).build();
    }
}
