package dev.parapet.cli;

import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

/**
 * Credentials for an authenticated scan: the main identity ({@code --auth-*}) and a second one for cross-user tests
 * ({@code --auth2-*}). Values may also come from {@code PARAPET_AUTH_*} variables and parapet.yaml; the one
 * validator in core checks them. Credentials reach only the target's origin and are masked in every output.
 */
final class AuthOptions {

    @Option(names = "--auth-bearer", paramLabel = "TOKEN", description = "Send Authorization: Bearer TOKEN.")
    String bearer;

    @Option(names = "--auth-header", paramLabel = "'NAME: VALUE'",
            description = "Send this header (Authorization, X-API-Key, Api-Key, Cookie or an X-* name). Repeatable.")
    List<String> headers;

    @Option(names = "--auth-basic", paramLabel = "USER:PASS", description = "Send HTTP Basic credentials.")
    String basic;

    @Option(names = "--auth-cookie", paramLabel = "NAME=VALUE", description = "Send this cookie. Repeatable.")
    List<String> cookies;

    @Option(names = "--auth-command", paramLabel = "CMD",
            description = "Run CMD; its output (a token, or one 'Name: value' line) authenticates. Run again once "
                    + "on the first 401 to refresh.")
    String command;

    @Option(names = "--auth2-bearer", paramLabel = "TOKEN", description = "Like --auth-bearer, for a second user.")
    String bearer2;

    @Option(names = "--auth2-header", paramLabel = "'NAME: VALUE'", description = "Like --auth-header, for a second user.")
    List<String> headers2;

    @Option(names = "--auth2-basic", paramLabel = "USER:PASS", description = "Like --auth-basic, for a second user.")
    String basic2;

    @Option(names = "--auth2-cookie", paramLabel = "NAME=VALUE", description = "Like --auth-cookie, for a second user.")
    List<String> cookies2;

    @Option(names = "--auth2-command", paramLabel = "CMD", description = "Like --auth-command, for a second user.")
    String command2;

    void into(Map<String, String> flags) {
        put(flags, "auth-bearer", bearer);
        put(flags, "auth-header", lines(headers));
        put(flags, "auth-basic", basic);
        put(flags, "auth-cookie", lines(cookies));
        put(flags, "auth-command", command);
        put(flags, "auth2-bearer", bearer2);
        put(flags, "auth2-header", lines(headers2));
        put(flags, "auth2-basic", basic2);
        put(flags, "auth2-cookie", lines(cookies2));
        put(flags, "auth2-command", command2);
    }

    private static String lines(List<String> values) {
        return values == null ? null : String.join("\n", values);
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
