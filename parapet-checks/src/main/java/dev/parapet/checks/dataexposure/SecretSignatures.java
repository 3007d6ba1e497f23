package dev.parapet.checks.dataexposure;

import dev.parapet.model.Confidence;
import dev.parapet.model.Severity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secret formats {@link SecretExposureCheck} knows, loaded from {@code checks/secret-exposure/signatures.json}.
 * Immutable once loaded; safe to share between threads.
 *
 * @param placeholder      a captured secret matching this is a template placeholder, not a secret
 * @param example          a captured secret containing this is a published example value
 * @param tokenIssuingPath request paths whose answers carry tokens by design
 * @param signatures       the formats, in the order they are tried
 * @param environment      what an environment-variable dump looks like
 */
record SecretSignatures(Pattern placeholder, Pattern example, Pattern tokenIssuingPath, List<Signature> signatures,
                        Environment environment) {

    /** What a secret of this kind lets an attacker do, which decides tags and remediation. */
    enum Kind {
        API_KEY, PRIVATE_KEY, CONNECTION_STRING, JWT, PASSWORD_HASH;

        /** What to do about a leaked secret of this kind, named {@code name}. */
        String remediation(String name) {
            return switch (this) {
                case API_KEY -> "Revoke and rotate the " + name + " now, then remove it from the response: keys"
                        + " belong in a secret store read by server-side code, never in data sent to clients.";
                case PRIVATE_KEY -> "Treat the key as compromised: revoke whatever it signs or decrypts, issue a new"
                        + " key pair, and make sure no route serves key files or configuration objects.";
                case CONNECTION_STRING -> "Rotate the database password, stop serialising configuration into"
                        + " responses (remove the config/debug route), and connect with a least-privilege database"
                        + " user, e.g. `DATABASE_URL` read from a secret, never echoed.";
                case JWT -> "Return tokens only from the authentication flow, not in ordinary resources; revoke the"
                        + " exposed tokens (rotate the signing key if they cannot be revoked individually).";
                case PASSWORD_HASH -> "Never serialise credential columns: select explicit columns or map rows to a"
                        + " response DTO without the hash (e.g. `SELECT id, name, email FROM users`), and force a"
                        + " password reset for the exposed accounts - hashes can be cracked offline.";
            };
        }
    }

    /**
     * One format. {@code secretGroup} is the capture group holding the secret; {@code keep} how many of its first
     * characters the evidence may show.
     */
    record Signature(String id, String name, Pattern pattern, int secretGroup, int keep, Severity severity,
                     Confidence confidence, Kind kind) {
    }

    /** Variable names (exact, upper case) and prefixes of a process environment; {@code minimum} distinct ones. */
    /** {@link Environment#patterns()} of each set of names loaded (one in practice). */
    private static final Map<Environment, List<Pattern>> COMPILED_ENVIRONMENTS = new ConcurrentHashMap<>();

    record Environment(int minimum, List<String> names, List<String> prefixes) {

        /** The variable names (for a prefix: the first full name with it) that appear in {@code body} with a value. */
        Set<String> namesIn(String body) {
            Set<String> found = new LinkedHashSet<>();
            List<Pattern> patterns = patterns();
            for (int i = 0; i < patterns.size(); i++) {
                // every pattern needs its name or prefix literally: most bodies hold none of them, and a substring
                // search is far cheaper than running the pattern over the whole body to learn that
                String literal = i < names.size() ? names.get(i) : prefixes.get(i - names.size());
                if (!body.contains(literal)) {
                    continue;
                }
                Matcher m = patterns.get(i).matcher(body);
                if (m.find()) {
                    found.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
            return found;
        }

        /**
         * One pattern per name or prefix, matching it as a JSON key or as a {@code NAME=value} line with a value;
         * compiled once per set of names, not once per response judged. The i-th pattern is the i-th name, then
         * the prefixes in their order ({@link #namesIn} relies on it).
         */
        List<Pattern> patterns() {
            return COMPILED_ENVIRONMENTS.computeIfAbsent(this, Environment::compile);
        }

        private List<Pattern> compile() {
            var names = this.names.stream().map(Pattern::quote);
            var prefixed = prefixes.stream().map(p -> Pattern.quote(p) + "[A-Za-z0-9_]+");
            return Stream.concat(names, prefixed).map(n -> Pattern.compile(
                    "\"(" + n + ")\"\\s*:\\s*(?:\"[^\"\\s]|[0-9tf\\[{])|(?:^|[\\u0000\\s])(" + n + ")=[^\\s\\u0000]",
                    Pattern.MULTILINE)).toList();
        }
    }

    boolean isPlaceholder(String secret) {
        return placeholder.matcher(secret).matches() || example.matcher(secret).find();
    }

    /** A JWT is only believed when its first segment decodes to a JSON object naming an {@code alg}. */
    static boolean hasJwtHeader(String token) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8).trim();
            return header.startsWith("{") && header.endsWith("}")
                    && header.toLowerCase(Locale.ROOT).matches("(?s).*\"alg\"\\s*:\\s*\".*");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
