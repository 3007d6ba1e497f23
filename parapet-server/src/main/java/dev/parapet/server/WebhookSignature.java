package dev.parapet.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signs webhook messages the Standard Webhooks way (standardwebhooks.com): the secret is {@code whsec_} followed by
 * base64 of 32 random bytes; the signature is {@code v1,} followed by base64 of HMAC-SHA256, keyed with those bytes,
 * over {@code <webhook-id>.<webhook-timestamp>.<body>} (the timestamp in whole seconds since the epoch). Stateless.
 */
final class WebhookSignature {

    static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(b);
    }

    /** True when {@code secret} is {@code whsec_} and base64 of 24 to 64 bytes (what a client may bring). */
    static boolean wellFormed(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
            return false;
        }
        try {
            int n = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            return n >= 24 && n <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code webhook-signature} header value for one message. */
    static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())),
                    "HmacSHA256"));
            byte[] sig = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
