package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * HMAC keys known to be used in the wild ({@code hmac-secrets.json}), tried offline against a token's signature.
 * Signing is done here with the JDK, not a JOSE library, because those refuse keys shorter than the hash, and a
 * short key is exactly what this list holds. Immutable and thread-safe.
 */
record HmacWordlist(List<String> secrets) {

    HmacWordlist {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("the wordlist needs non-empty secrets");
        }
    }

    static HmacWordlist load() {
        return CheckData.load("jwt-weaknesses", "hmac-secrets.json", HmacWordlist.class);
    }

    /** The wordlist entry that signed {@code token}, if any; only HS256/384/512 tokens can match. */
    Optional<String> crack(JwtToken token) {
        String javaName = javaName(token.alg());
        if (javaName == null || token.signature().length == 0) {
            return Optional.empty();
        }
        byte[] input = token.signingInput().getBytes(StandardCharsets.US_ASCII);
        for (String secret : secrets) {
            if (MessageDigest.isEqual(sign(javaName, secret.getBytes(StandardCharsets.UTF_8), input),
                    token.signature())) {
                return Optional.of(secret);
            }
        }
        return Optional.empty();
    }

    /** {@code header.payload.signature} with an HMAC signature over the first two segments. */
    static String signCompact(String alg, byte[] key, String signingInput) {
        byte[] sig = sign(javaName(alg), key, signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    private static String javaName(String alg) {
        return switch (alg) {
            case "HS256" -> "HmacSHA256";
            case "HS384" -> "HmacSHA384";
            case "HS512" -> "HmacSHA512";
            default -> null;
        };
    }

    private static byte[] sign(String javaName, byte[] key, byte[] input) {
        try {
            Mac mac = Mac.getInstance(javaName);
            mac.init(new SecretKeySpec(key, javaName));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always provides " + javaName, e);
        }
    }
}
