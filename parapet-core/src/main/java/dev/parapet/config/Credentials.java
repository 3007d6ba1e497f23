package dev.parapet.config;

import dev.parapet.http.Redactor;
import dev.parapet.model.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The header fields that authenticate one identity (for example {@code Authorization: Bearer …} or
 * {@code Cookie: sid=…}), and optionally a command whose output supplies one more ({@code --auth-command}; the engine
 * runs it when the scan starts and once more to refresh after the first 401). Values are secrets:
 * {@link #toString()} never shows them, constructing credentials registers every value with the {@link Redactor}
 * so no output can carry it, and the engine sends them only to the target's origin. {@code NONE} authenticates
 * nothing.
 */
public record Credentials(List<Headers.Field> headers, String command) {

    public static final Credentials NONE = new Credentials(List.of(), "");

    public Credentials {
        headers = List.copyOf(headers);
        command = command == null ? "" : command.strip();
        headers.forEach(f -> registerSecrets(f.value()));
    }

    public Credentials(List<Headers.Field> headers) {
        this(headers, "");
    }

    public boolean isPresent() {
        return !headers.isEmpty() || !command.isEmpty();
    }

    /** The names of the fields, for logs and reports; never their values. */
    public List<String> names() {
        return headers.stream().map(Headers.Field::name).toList();
    }

    /** These credentials with {@code field} added, replacing a field of the same name. */
    public Credentials with(Headers.Field field) {
        List<Headers.Field> out = new ArrayList<>(headers.stream()
                .filter(f -> !f.name().equalsIgnoreCase(field.name())).toList());
        out.add(field);
        return new Credentials(out, command);
    }

    @Override
    public String toString() {
        return "Credentials" + names() + (command.isEmpty() ? "" : "+command");
    }

    /**
     * Registers a credential value and the parts of it that travel on their own: the token after a scheme word,
     * a Basic blob's decoded {@code user:password} and password, each cookie's value.
     */
    static void registerSecrets(String value) {
        Redactor.registerSecret(value);
        String v = value.strip();
        int space = v.indexOf(' ');
        if (space > 0) {
            String scheme = v.substring(0, space).toLowerCase(Locale.ROOT);
            String rest = v.substring(space + 1).strip();
            Redactor.registerSecret(rest);
            if (scheme.equals("basic")) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
                    Redactor.registerSecret(decoded);
                    int colon = decoded.indexOf(':');
                    if (colon >= 0) {
                        Redactor.registerSecret(decoded.substring(colon + 1));
                    }
                } catch (IllegalArgumentException notBase64) {
                    // an opaque value: registered whole above
                }
            }
        }
        for (String part : v.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && eq < part.length() - 1) {
                Redactor.registerSecret(part.substring(eq + 1));
            }
        }
    }
}
