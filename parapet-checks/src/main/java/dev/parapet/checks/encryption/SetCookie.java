package dev.parapet.checks.encryption;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header, parsed just enough to judge its flags (RFC 6265 §5.2). Attribute names compare
 * case-insensitively; {@code sameSite} is empty when the attribute is absent.
 */
record SetCookie(String name, String value, boolean httpOnly, boolean secure, Optional<String> sameSite, String raw) {

    static Optional<SetCookie> parse(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim().replaceAll("^\"|\"$", "");
        boolean httpOnly = false;
        boolean secure = false;
        String sameSite = null;
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim();
            int aeq = attr.indexOf('=');
            String key = (aeq < 0 ? attr : attr.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
            switch (key) {
                case "httponly" -> httpOnly = true;
                case "secure" -> secure = true;
                case "samesite" -> sameSite = aeq < 0 ? "" : attr.substring(aeq + 1).trim();
                default -> {
                    // Path, Domain, Expires, Max-Age and others do not affect these flags
                }
            }
        }
        return Optional.of(new SetCookie(name, value, httpOnly, secure, Optional.ofNullable(sameSite), header));
    }

    /** Whether the cookie is deleted by this header (empty value or an expiry in the past by Max-Age=0). */
    boolean isDeletion() {
        return value.isEmpty() || raw.toLowerCase(Locale.ROOT).matches(".*;\\s*max-age\\s*=\\s*0\\s*(;.*)?$");
    }

    /** SameSite=Lax or Strict: browsers withhold the cookie from cross-site sub-requests. */
    boolean hasProtectiveSameSite() {
        return sameSite.map(s -> s.equalsIgnoreCase("lax") || s.equalsIgnoreCase("strict")).orElse(false);
    }
}
