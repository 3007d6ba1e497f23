package dev.parapet.checks.unsafeconsumption;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The host a browser goes to when a page at {@code base} sends it to {@code reference}, resolved the way the WHATWG
 * URL standard does for the special schemes (http, https, ws, wss, ftp, file), not the way {@link URI#resolve} does:
 * leading and trailing spaces and control characters are dropped and tabs and newlines anywhere removed; a backslash
 * counts as a slash; two or more leading slashes of either kind start an authority ({@code /\host}, {@code \/host});
 * a special scheme other than the base's is followed by an authority even without slashes ({@code https:host} from
 * an http page) while the base's own scheme without two slashes is a relative path; the authority ends at the first
 * {@code / \ ? #}, its user information ends at its last {@code @}, and its host is percent-decoded and lower-cased.
 * A non-special scheme ({@code javascript:}, {@code data:}) leads to no host. Only what an open-redirect verdict needs
 * is implemented (no IDNA, no IPv4 number forms). Pure; thread-safe.
 */
final class BrowserUrls {

    private static final Set<String> SPECIAL = Set.of("http", "https", "ws", "wss", "ftp", "file");

    private BrowserUrls() {
    }

    /** The host {@code reference} leads to from {@code base}; empty when it leads to none (a script URL). */
    static Optional<String> hostOf(URI base, String reference) {
        String baseHost = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        String baseScheme = base.getScheme() == null ? "http" : base.getScheme().toLowerCase(Locale.ROOT);
        String input = cleaned(reference);
        int colon = schemeEnd(input);
        if (colon > 0) {
            String scheme = input.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = input.substring(colon + 1);
            if (!SPECIAL.contains(scheme)) {
                return Optional.empty();
            }
            if (!scheme.equals(baseScheme)) {
                return Optional.of(authorityHost(rest.substring(leadingSlashes(rest))));
            }
            input = rest;
        }
        if (leadingSlashes(input) >= 2) {
            return Optional.of(authorityHost(input.substring(leadingSlashes(input))));
        }
        return Optional.of(baseHost);
    }

    /** Whether {@code host} is {@code outside} or one of its subdomains. */
    static boolean within(String host, String outside) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return h.equals(outside) || h.endsWith("." + outside);
    }

    /** Without leading and trailing C0 controls and spaces, and without any tab, CR or LF. */
    private static String cleaned(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the colon ending a scheme ({@code ALPHA *( ALPHA / DIGIT / + / - / . ) :}), or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int leadingSlashes(String s) {
        int n = 0;
        while (n < s.length() && (s.charAt(n) == '/' || s.charAt(n) == '\\')) {
            n++;
        }
        return n;
    }

    /** The host of an authority that starts {@code s}: up to {@code / \ ? #}, after the last {@code @}, no port. */
    private static String authorityHost(String s) {
        int end = 0;
        while (end < s.length() && "/\\?#".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String authority = s.substring(0, end);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close < 0 ? hostPort : hostPort.substring(0, close + 1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        }
        return percentDecoded(host).toLowerCase(Locale.ROOT);
    }

    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
