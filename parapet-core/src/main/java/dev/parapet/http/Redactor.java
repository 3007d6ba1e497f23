package dev.parapet.http;

import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes secrets from everything Parapet writes: credential headers, cookie values, API keys, tokens, passwords and
 * connection-string passwords in bodies, URLs, evidence and curl commands. Stateless and thread-safe.
 *
 * <p>Redaction keeps a short prefix where it identifies the kind of secret ({@code AKIA}, {@code sk_live_}) so a
 * reader can tell what leaked without learning the secret.
 *
 * <p>Every pass over text is linear in its length (one multi-string search for the registered values, one for the
 * anchors of the secret shapes, and forward scanners from each anchor, see {@link SecretPatterns}); no regular
 * expression runs over target text here.
 *
 * <p>Besides these patterns, the exact values the user supplied as credentials are masked wherever they occur, in
 * headers of any name, bodies, URLs and curl lines, raw or encoded: {@link #registerSecret(String)} adds one. The
 * registry is process-wide (a value once given stays masked for the life of the process, so nothing written later
 * can leak it) and only ever grows, bounded by {@link #MAX_SECRETS}.
 */
public final class Redactor {

    public static final String MASK = "[redacted]";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "api-key", "apikey", "x-auth-token", "x-access-token", "x-csrf-token", "x-amz-security-token");

    /**
     * Shorter values are not registered: masking every occurrence of a two- or three-character string would mangle
     * ordinary words, and such a value is no secret worth the name. Credential headers are masked by name anyway.
     */
    public static final int MIN_SECRET_LENGTH = 4;
    /** Bound on registered values, so a long-running process fed credentials for every scan cannot grow forever. */
    static final int MAX_SECRETS = 4096;

    /** The registered values in all their forms; replaced whole on registration, so readers need no lock. */
    private static volatile RegisteredSecrets secrets = RegisteredSecrets.NONE;
    private static final Object REGISTRATION = new Object();

    private Redactor() {
    }

    /**
     * Masks {@code value} and its encoded forms (URL-encoded, Base64 standard and URL-safe, JSON-escaped, hex: see
     * {@link RegisteredSecrets#formsOf}) in everything redacted from now on. Values shorter than
     * {@link #MIN_SECRET_LENGTH} after stripping are ignored; once {@link #MAX_SECRETS} forms are registered, no
     * more are. Thread-safe.
     */
    public static void registerSecret(String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() < MIN_SECRET_LENGTH) {
            return;
        }
        synchronized (REGISTRATION) {
            if (secrets.size() < MAX_SECRETS) {
                secrets = secrets.with(RegisteredSecrets.formsOf(v, MIN_SECRET_LENGTH));
            }
        }
    }

    /**
     * {@code text} with secrets masked: the registered values first, then the shapes {@link SecretPatterns}
     * knows. Linear in the length of the text. Null and empty text come back as they are.
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        CharSequence out = redact(text);
        return out == text ? text : out.toString();
    }

    /** {@link #text} over any character sequence; the same instance when nothing was masked. */
    static CharSequence redact(CharSequence text) {
        return SecretPatterns.mask(secrets.mask(text, MASK), MASK);
    }

    public static Headers headers(Headers headers) {
        List<Headers.Field> out = new ArrayList<>(headers.fields().size());
        for (Headers.Field f : headers.fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (SECRET_HEADERS.contains(name)) {
                out.add(new Headers.Field(f.name(), maskKeepingScheme(f.value())));
            } else if (name.equals("set-cookie")) {
                out.add(new Headers.Field(f.name(), maskCookieValue(f.value())));
            } else {
                out.add(new Headers.Field(f.name(), text(f.value())));
            }
        }
        return new Headers(out);
    }

    private static String maskKeepingScheme(String value) {
        int space = value.indexOf(' ');
        if (space > 0 && space < 10 && value.substring(0, space).chars().allMatch(Character::isLetter)) {
            return value.substring(0, space) + " " + MASK;
        }
        return MASK;
    }

    /** {@code id=abc; Path=/; HttpOnly} becomes {@code id=[redacted]; Path=/; HttpOnly}: the flags stay visible. */
    static String maskCookieValue(String setCookie) {
        int eq = setCookie.indexOf('=');
        if (eq < 0) {
            return setCookie;
        }
        int semi = setCookie.indexOf(';', eq);
        return setCookie.substring(0, eq + 1) + MASK + (semi < 0 ? "" : setCookie.substring(semi));
    }

    public static HttpRequestRecord request(HttpRequestRecord r) {
        return new HttpRequestRecord(r.method(), uri(r.uri()), headers(r.headers()), text(r.body()), r.caller());
    }

    /** Redacts secrets in a URL's user-info and query; the result is still a valid URI. */
    public static java.net.URI uri(java.net.URI uri) {
        String redacted = text(uri.toString());
        if (redacted.equals(uri.toString())) {
            return uri;
        }
        try {
            return java.net.URI.create(redacted.replace(MASK, "REDACTED"));
        } catch (IllegalArgumentException e) {
            return java.net.URI.create(uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath());
        }
    }

    public static HttpResponseRecord response(HttpResponseRecord r) {
        if (r == null) {
            return null;
        }
        return new HttpResponseRecord(r.status(), headers(r.headers()), text(r.body()), r.bodyBytes(), r.truncated(),
                r.tlsProtocol());
    }

    public static Exchange exchange(Exchange e) {
        return new Exchange(request(e.request()), response(e.response()), e.outcome(), text(e.error()), e.elapsed(),
                e.redirects());
    }

    /** Redacts a finding's exchanges, evidence and curl command; the rest carries no secrets by construction. */
    public static Finding finding(Finding f) {
        List<Exchange> exchanges = f.exchanges().stream().map(Redactor::exchange).toList();
        String curl = exchanges.isEmpty() ? text(f.curl()) : dev.parapet.model.Curl.of(exchanges.getFirst().request());
        Finding redacted = f.withExchanges(exchanges, curl, text(f.evidence()));
        java.net.URI endpointUri = uri(f.endpoint().uri());
        if (endpointUri.equals(f.endpoint().uri())) {
            return redacted;
        }
        // The fingerprint stays: it is derived from the path, never from the query a secret could sit in.
        return new Finding(redacted.checkId(), redacted.category(), redacted.severity(), redacted.confidence(),
                redacted.title(), new dev.parapet.model.Endpoint(f.endpoint().method(), endpointUri,
                f.endpoint().source()), redacted.parameter(), redacted.evidence(), redacted.exchanges(),
                redacted.curl(), redacted.remediation(), redacted.references(), redacted.tags(),
                redacted.fingerprint());
    }
}
