package dev.parapet.engine;

import dev.parapet.model.Headers;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The share of its announced request limit a target says is left: the IETF {@code RateLimit} header
 * ({@code limit=300, remaining=12, reset=30}, or the structured form {@code "default";r=12;t=30} with
 * {@code RateLimit-Policy: "default";q=300;w=60}), {@code RateLimit-Limit}/{@code RateLimit-Remaining}, and the
 * common {@code X-RateLimit-*} and {@code X-Rate-Limit-*} pairs. Read by hand, no pattern; a header that does not
 * parse announces nothing. Stateless.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    /** Remaining over limit, in [0, 1], when the answer announces both. */
    static OptionalDouble remainingShare(Headers h) {
        long remaining = -1;
        long limit = -1;
        String combined = h.first("RateLimit").orElse("");
        if (!combined.isEmpty()) {
            remaining = number(combined, "remaining=", "r=");
            limit = number(combined, "limit=", "q=");
            if (limit < 0) {
                limit = number(h.first("RateLimit-Policy").orElse(""), "q=", "");
                if (limit < 0) {
                    limit = leadingNumber(h.first("RateLimit-Policy").orElse(""));
                }
            }
        }
        for (String prefix : new String[]{"RateLimit-", "X-RateLimit-", "X-Rate-Limit-"}) {
            if (remaining < 0 || limit < 0) {
                long r = leadingNumber(h.first(prefix + "Remaining").orElse(""));
                long l = leadingNumber(h.first(prefix + "Limit").orElse(""));
                if (r >= 0 && l > 0) {
                    remaining = r;
                    limit = l;
                }
            }
        }
        if (remaining < 0 || limit <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(1.0, (double) remaining / limit));
    }

    /** The number after the first of the keys found in {@code value} (a key must start a parameter), or -1. */
    private static long number(String value, String key, String shortKey) {
        String v = value.toLowerCase(Locale.ROOT);
        for (String k : new String[]{key, shortKey}) {
            if (k.isEmpty()) {
                continue;
            }
            int at = v.indexOf(k);
            while (at > 0 && Character.isLetterOrDigit(v.charAt(at - 1))) {
                at = v.indexOf(k, at + 1);
            }
            if (at >= 0) {
                return leadingNumber(v.substring(at + k.length()));
            }
        }
        return -1;
    }

    /** The digits a value starts with (after spaces), or -1; at most 12 digits. */
    private static long leadingNumber(String value) {
        String v = value.strip();
        int end = 0;
        while (end < v.length() && end < 12 && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(v.substring(0, end));
    }
}
