package dev.parapet.checks.authentication;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Replays forged variants of the user's own token (never anyone else's) to an endpoint that answers that token
 * differently from an anonymous request: unsigned ({@code alg:none} in four spellings), re-signed with the server's
 * public key as an HMAC secret (algorithm confusion, when discovery saw a JWKS), and, when the secret was cracked,
 * re-signed already expired. A forgery is accepted when its answer equals the authenticated one and differs from
 * the anonymous one: the control pair makes each finding firm at least. Probes go as {@link Identity#ANONYMOUS}
 * with the forged {@code Authorization} header, so the user's real credentials never mask the forgery.
 */
final class JwtReplays {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final List<String> NONE_SPELLINGS = List.of("none", "None", "NONE", "nOnE");

    private final CheckContext ctx;

    JwtReplays(CheckContext ctx) {
        this.ctx = ctx;
    }

    /** The recorded authenticated answer and a fresh anonymous one for an endpoint that tells them apart. */
    record Baseline(Exchange authenticated, Exchange anonymous) {
    }

    Optional<Baseline> baseline(JwtToken t) throws InterruptedException {
        List<Exchange> candidates = ctx.inventory().answeredGets().stream()
                .filter(e -> e.request().headers().first("Authorization").orElse("").endsWith(t.raw()))
                .filter(e -> e.status() >= 200 && e.status() < 300).limit(3).toList();
        for (Exchange authed : candidates) {
            Exchange anon = ctx.probe(ProbeRequest.get(authed.request().uri()).as(Identity.ANONYMOUS));
            if (anon.answered() && !same(authed, anon)) {
                return Optional.of(new Baseline(authed, anon));
            }
        }
        return Optional.empty();
    }

    List<Finding> replay(JwtToken t, Baseline b, Optional<String> secret) throws InterruptedException {
        List<Finding> out = new ArrayList<>();
        for (String none : NONE_SPELLINGS) {
            String forged = segment("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + t.payloadSegment() + ".";
            Optional<Exchange> hit = accepted(forged, b);
            if (hit.isPresent()) {
                out.add(finding(t, b, hit.get(), "alg-none", Severity.CRITICAL, Confidence.CONFIRMED,
                        "Unsigned JWT accepted (alg: " + none + ")",
                        "the user's token with alg '" + none + "' and no signature got the authenticated answer",
                        "Verify with an explicit allow-list of algorithms and never accept 'none' "
                                + "(jsonwebtoken: `jwt.verify(token, key, { algorithms: ['RS256'] })`)."));
                break;
            }
        }
        if (t.alg().startsWith("RS") || t.alg().startsWith("PS")) {
            confusion(t, b).ifPresent(out::add);
        }
        if (secret.isPresent()) {
            com.fasterxml.jackson.databind.node.ObjectNode claims = JSON.valueToTree(t.claims());
            claims.put("exp", Instant.now().getEpochSecond() - 3600);
            String expired = segment(claims.toString());
            String forged = HmacWordlist.signCompact(t.alg(), secret.get().getBytes(StandardCharsets.UTF_8),
                    t.signingInput().substring(0, t.signingInput().indexOf('.')) + "." + expired);
            accepted(forged, b).ifPresent(hit -> out.add(finding(t, b, hit, "expired", Severity.HIGH, Confidence.FIRM,
                    "Expired JWT accepted", "a copy of the user's token re-signed with exp an hour in the past "
                            + "got the authenticated answer",
                    "Check exp (and nbf) on every request, with at most a minute of clock skew.")));
        }
        return out;
    }

    private Optional<Finding> confusion(JwtToken t, Baseline b) throws InterruptedException {
        for (RSAKey key : rsaKeys()) {
            String pem;
            try {
                pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
            } catch (com.nimbusds.jose.JOSEException e) {
                continue;
            }
            String input = segment("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + t.payloadSegment();
            for (String secret : List.of(pem, pem.strip())) {
                String forged = HmacWordlist.signCompact("HS256", secret.getBytes(StandardCharsets.US_ASCII), input);
                Optional<Exchange> hit = accepted(forged, b);
                if (hit.isPresent()) {
                    return Optional.of(finding(t, b, hit.get(), "alg-confusion", Severity.CRITICAL,
                            Confidence.CONFIRMED, "JWT algorithm confusion: HS256 signed with the public key accepted",
                            "the user's " + t.alg() + " token re-signed as HS256 with the published RSA key got the "
                                    + "authenticated answer",
                            "Bind each key to one algorithm and pass the expected algorithm to verify; never let the "
                                    + "token's alg header choose between HMAC and RSA."));
                }
            }
        }
        return Optional.empty();
    }

    /** RSA keys of any JWKS document discovery recorded (at most two: a confusion attempt per key). */
    private List<RSAKey> rsaKeys() {
        List<RSAKey> keys = new ArrayList<>();
        for (Exchange e : ctx.inventory().answeredGets()) {
            if (!e.body().contains("\"keys\"")) {
                continue;
            }
            try {
                for (JWK k : JWKSet.parse(e.body()).getKeys()) {
                    if (k instanceof RSAKey rsa && keys.size() < 2) {
                        keys.add(rsa);
                    }
                }
            } catch (java.text.ParseException notJwks) {
                // a body that merely mentions keys
            }
        }
        return keys;
    }

    private Optional<Exchange> accepted(String forged, Baseline b) throws InterruptedException {
        Exchange e = ctx.probe(ProbeRequest.get(b.authenticated().request().uri()).as(Identity.ANONYMOUS)
                .withHeader("Authorization", "Bearer " + forged));
        return e.answered() && same(e, b.authenticated()) && !same(e, b.anonymous()) ? Optional.of(e) : Optional.empty();
    }

    /** Same status and body, ignoring digits (timestamps and request ids change between two answers). */
    static boolean same(Exchange a, Exchange b) {
        return a.status() == b.status() && a.body().replaceAll("\\d", "").equals(b.body().replaceAll("\\d", ""));
    }

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Finding finding(JwtToken t, Baseline b, Exchange hit, String kind, Severity severity,
                                   Confidence confidence, String title, String why, String remediation) {
        return Finding.builder(JwtWeaknessesCheck.DESCRIPTOR.id(), JwtWeaknessesCheck.DESCRIPTOR.category())
                .severity(severity).confidence(confidence).title(title)
                .evidence(Snippets.oneLine(why + " (" + hit.status() + ", anonymous " + b.anonymous().status() + "); "
                        + JwtEvidence.of(t), Snippets.MAX_EVIDENCE))
                .exchange(hit).exchange(b.authenticated()).exchange(b.anonymous())
                .remediation(remediation).references(JwtWeaknessesCheck.DESCRIPTOR.references())
                .tags(JwtWeaknessesCheck.DESCRIPTOR.tags()).tag("jwt").discriminator(kind).build();
    }
}
