package dev.parapet.checks.authentication;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's public keys as a verifier confused into HMAC would use them: the PEM text itself is the HMAC key.
 * Found in what discovery recorded (JWKS documents, PEM blocks in any answer or in the API description, JSON-escaped
 * or not), else asked for at a few well-known places on the target's origin ({@code /.well-known/jwks.json}, the
 * OpenID configuration's same-origin {@code jwks_uri}, {@code /jwks.json}). Each key yields its PEM with and without
 * the final newline. Used by one thread for one token.
 */
final class PublicKeys {

    /** HMAC keys tried per token: two keys, two spellings each. */
    static final int MAX_SECRETS = 4;
    /** Probes spent looking for keys when discovery recorded none. */
    static final int MAX_PROBES = 3;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA |EC )?PUBLIC KEY-----(?:\\\\n|\\\\r|[\\r\\n]|[A-Za-z0-9+/= ]){40,4000}?-----END \\1?PUBLIC KEY-----");
    private static final List<String> WELL_KNOWN = List.of("/.well-known/jwks.json", "/.well-known/openid-configuration",
            "/jwks.json");

    private PublicKeys() {
    }

    static List<byte[]> hmacSecrets(CheckContext ctx) throws InterruptedException {
        Set<String> pems = new LinkedHashSet<>();
        ctx.inventory().exchanges().stream().filter(Exchange::answered).forEach(e -> collect(e.body(), pems));
        URI origin = ctx.inventory().target().resolve("/");
        int probes = 0;
        for (String path : WELL_KNOWN) {
            if (!pems.isEmpty() || probes >= MAX_PROBES) {
                break;
            }
            Exchange e = ctx.probe(ProbeRequest.get(origin.resolve(path)));
            probes++;
            if (!ok(e)) {
                continue;
            }
            collect(e.body(), pems);
            java.util.Optional<URI> jwks = jwksUri(e.body(), origin);
            if (pems.isEmpty() && jwks.isPresent() && probes < MAX_PROBES) {
                Exchange keys = ctx.probe(ProbeRequest.get(jwks.get()));
                probes++;
                if (ok(keys)) {
                    collect(keys.body(), pems);
                }
            }
        }
        List<byte[]> out = new ArrayList<>();
        for (String pem : pems) {
            for (String spelling : List.of(pem.endsWith("\n") ? pem : pem + "\n", pem.strip())) {
                if (out.size() < MAX_SECRETS) {
                    out.add(spelling.getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        return out;
    }

    private static boolean ok(Exchange e) {
        return e.answered() && e.status() / 100 == 2;
    }

    private static void collect(String body, Set<String> pems) {
        Matcher m = PEM.matcher(body);
        while (m.find() && pems.size() < 2) {
            pems.add(m.group().replace("\\r", "").replace("\\n", "\n").replace("\r", ""));
        }
        if (pems.size() < 2 && body.contains("\"keys\"")) {
            try {
                for (JWK k : JWKSet.parse(body).getKeys()) {
                    if (k instanceof RSAKey rsa && pems.size() < 2) {
                        pems.add(pem(rsa));
                    }
                }
            } catch (java.text.ParseException | JOSEException notJwks) {
                // a body that merely mentions keys
            }
        }
    }

    private static String pem(RSAKey key) throws JOSEException {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** An OpenID configuration's {@code jwks_uri}, when it is on the target's origin. */
    private static java.util.Optional<URI> jwksUri(String body, URI origin) {
        Matcher m = Pattern.compile("\"jwks_uri\"\\s*:\\s*\"([^\"]{1,500})\"").matcher(body);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        URI u;
        try {
            u = origin.resolve(m.group(1));
        } catch (IllegalArgumentException notAUri) {
            return java.util.Optional.empty();
        }
        boolean same = origin.getScheme().equalsIgnoreCase(u.getScheme()) && origin.getAuthority().equalsIgnoreCase(
                String.valueOf(u.getAuthority()));
        return same ? java.util.Optional.of(u) : java.util.Optional.empty();
    }
}
