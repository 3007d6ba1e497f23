package dev.parapet.config;

import dev.parapet.model.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the {@code auth-*} and {@code auth2-*} settings into {@link Identities}. Error messages name the setting
 * and what to type instead, and never repeat a value: it may be a secret.
 */
public final class CredentialOptions {

    /** The kinds of credential a setting may give; the setting's key is the prefix plus the kind. */
    public static final List<String> KINDS = List.of("bearer", "header", "basic", "cookie", "command");
    /** The keys of both identities: {@code auth-bearer} … {@code auth2-command}. */
    public static final Set<String> KEYS = Set.copyOf(KINDS.stream()
            .flatMap(k -> java.util.stream.Stream.of("auth-" + k, "auth2-" + k)).toList());

    private static final Set<String> NAMED = Set.of("authorization", "x-api-key", "api-key", "cookie");
    private static final String ALLOWED = "Authorization, X-API-Key, Api-Key, Cookie, or an X-* name";

    /** A setting's text and the words that name where it came from ({@code --auth-bearer}, {@code PARAPET_…}). */
    public record Setting(String text, String where) {
    }

    private CredentialOptions() {
    }

    /** Whether {@code name} may carry a credential: the allow-list of the README. */
    public static boolean allowedHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.matches("[a-z0-9!#$%&'*+.^_`|~-]+") && (NAMED.contains(n) || n.startsWith("x-") && n.length() > 2);
    }

    /**
     * Parses one {@code Name: value} credential line, refusing names outside the allow-list.
     *
     * @param where names the source in errors ({@code --auth-header}, {@code the --auth-command output})
     */
    public static Headers.Field headerLine(String line, String where) {
        int colon = line.indexOf(':');
        if (colon <= 0 || line.substring(colon + 1).isBlank()) {
            throw new ConfigException(where + " must be one 'Name: value' line, for example 'X-API-Key: abc123'");
        }
        String name = line.substring(0, colon).strip();
        if (!allowedHeader(name)) {
            throw new ConfigException(where + ": '" + name + "' may not carry credentials (allowed: " + ALLOWED + ")");
        }
        return new Headers.Field(name, line.substring(colon + 1).strip());
    }

    /** Both identities from {@code settings} (key to setting, absent keys to {@code null}). */
    public static Identities identities(Function<String, Setting> settings) {
        return new Identities(identity("auth-", settings), identity("auth2-", settings));
    }

    private static Credentials identity(String prefix, Function<String, Setting> settings) {
        List<Headers.Field> fields = new ArrayList<>();
        Setting bearer = settings.apply(prefix + "bearer");
        if (bearer != null && !bearer.text().isBlank()) {
            String token = bearer.text().strip();
            if (token.regionMatches(true, 0, "bearer ", 0, 7)) {
                token = token.substring(7).strip();
            }
            if (token.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigException(bearer.where() + " must be the token alone, without spaces");
            }
            add(fields, new Headers.Field("Authorization", "Bearer " + token), bearer);
        }
        Setting basic = settings.apply(prefix + "basic");
        if (basic != null && !basic.text().isBlank()) {
            if (basic.text().indexOf(':') <= 0) {
                throw new ConfigException(basic.where() + " must be user:password, for example " + basic.where()
                        + " alice:s3cret");
            }
            String blob = Base64.getEncoder().encodeToString(basic.text().strip().getBytes(StandardCharsets.UTF_8));
            add(fields, new Headers.Field("Authorization", "Basic " + blob), basic);
        }
        Setting cookie = settings.apply(prefix + "cookie");
        if (cookie != null && !cookie.text().isBlank()) {
            List<String> pairs = lines(cookie.text());
            for (String pair : pairs) {
                if (pair.indexOf('=') <= 0) {
                    throw new ConfigException(cookie.where() + " must be name=value, for example " + cookie.where()
                            + " session=abc123");
                }
            }
            add(fields, new Headers.Field("Cookie", String.join("; ", pairs)), cookie);
        }
        Setting header = settings.apply(prefix + "header");
        if (header != null && !header.text().isBlank()) {
            for (String line : header.text().split("\n")) {
                if (!line.isBlank()) {
                    add(fields, headerLine(line.strip(), header.where()), header);
                }
            }
        }
        Setting command = settings.apply(prefix + "command");
        return new Credentials(fields, command == null ? "" : command.text());
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[\n;]")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static void add(List<Headers.Field> fields, Headers.Field field, Setting from) {
        if (fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(field.name()))) {
            throw new ConfigException(from.where() + " sets " + field.name() + ", which another credential setting "
                    + "of the same identity already sets: give only one");
        }
        fields.add(field);
    }
}
