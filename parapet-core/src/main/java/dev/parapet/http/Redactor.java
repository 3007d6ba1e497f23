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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from everything Parapet writes: credential headers, cookie values, API keys, tokens, passwords and
 * connection-string passwords in bodies, URLs, evidence and curl commands. Stateless and thread-safe.
 *
 * <p>Redaction keeps a short prefix where it identifies the kind of secret ({@code AKIA}, {@code sk_live_}) so a
 * reader can tell what leaked without learning the secret.
 *
 * <p>Besides these patterns, the exact values the user supplied as credentials are masked wherever they occur, in
 * headers of any name, bodies, URLs and curl lines: {@link #registerSecret(String)} adds one. The registry is
 * process-wide (a value once given stays masked for the life of the process, so nothing written later can leak it)
 * and only ever grows, bounded by {@link #MAX_SECRETS}.
 */
public final class Redactor {

    public static final String MASK = "[redacted]";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-api-key", "api-key", "apikey", "x-auth-token", "x-access-token", "x-csrf-token", "x-amz-security-token");

    private record Rule(Pattern pattern, int keepGroup) {
    }

    /** Group 1 is kept, the rest of the match becomes the mask. */
    private static final List<Rule> BODY_RULES = List.of(
            // credential headers quoted in free text (evidence, a curl -H argument): keep the scheme word
            new Rule(Pattern.compile("(?i)((?:proxy-)?authorization\\s*:\\s*(?:(?:bearer|basic|token|digest|negotiate)\\s+)?)"
                    + "[^\\s\"',;]+"), 1),
            new Rule(Pattern.compile("(?i)((?<!set-)\\b(?:cookie|x-api-key|api-key|x-auth-token)\\s*:\\s*)"
                    + "(?:[^\\s=;\"']+=[^\\s;\"']*(?:;[ \\t]*)?)+"), 1),
            // -----BEGIN ... PRIVATE KEY----- blocks
            new Rule(Pattern.compile("(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\\s\\S]*?(?=-----END [A-Z ]*PRIVATE KEY-----)"), 1),
            // JSON web tokens: keep the header segment
            new Rule(Pattern.compile("(eyJ[A-Za-z0-9_-]{5,})\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), 1),
            // scheme://user:password@host
            new Rule(Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^:/@\\s\"']{1,64}:)[^@\\s\"'/]{1,128}(?=@)"), 1),
            new Rule(Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"), 1),
            new Rule(Pattern.compile("\\b((?:sk|rk|pk)_(?:live|test)_)[0-9a-zA-Z]{10,}"), 1),
            new Rule(Pattern.compile("\\b(gh[pousr]_)[A-Za-z0-9]{30,}"), 1),
            new Rule(Pattern.compile("\\b(github_pat_)[A-Za-z0-9_]{30,}"), 1),
            new Rule(Pattern.compile("\\b(xox[abprs]-)[A-Za-z0-9-]{10,}"), 1),
            new Rule(Pattern.compile("\\b(AIza)[0-9A-Za-z_-]{35}"), 1),
            // "password": "...", "api_key": "...", token=... (JSON, form and env styles). The JSON rule also
            // matches snippets cut out of a body (key without its opening quote, value without its closing one),
            // as evidence often is; escaped quotes stay inside the masked value.
            new Rule(Pattern.compile("(?i)(\"?[\\w-]*(?:passw(?:or)?d|secret|token|api[_-]?key|apikey|private[_-]?key|"
                    + "credential|session[_-]?id|salt)[\\w-]*\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*"), 1),
            new Rule(Pattern.compile("(?i)(\\b[\\w-]*(?:passw(?:or)?d|secret|token|api[_-]?key|apikey|access[_-]?key)"
                    + "[\\w-]*=)[^&\\s\"'<,;]+"), 1));

    /**
     * Shorter values are not registered: masking every occurrence of a two- or three-character string would mangle
     * ordinary words, and such a value is no secret worth the name. Credential headers are masked by name anyway.
     */
    public static final int MIN_SECRET_LENGTH = 4;
    /** Bound on registered values, so a long-running process fed credentials for every scan cannot grow forever. */
    static final int MAX_SECRETS = 4096;

    private static final Set<String> SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The registered values, longest first, so a value that contains another is masked whole. */
    private static volatile List<String> secretsLongestFirst = List.of();

    private Redactor() {
    }

    /**
     * Masks {@code value} (and its URL-encoded form) in everything redacted from now on. Values shorter than
     * {@link #MIN_SECRET_LENGTH} after stripping are ignored. Thread-safe.
     */
    public static void registerSecret(String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() < MIN_SECRET_LENGTH || SECRETS.size() >= MAX_SECRETS) {
            return;
        }
        boolean added = SECRETS.add(v);
        added |= SECRETS.add(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        if (added) {
            synchronized (SECRETS) {
                secretsLongestFirst = SECRETS.stream()
                        .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
            }
        }
    }

    private static String maskRegistered(String text) {
        String out = text;
        for (String secret : secretsLongestFirst) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = maskRegistered(text);
        for (Rule rule : BODY_RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                any = true;
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(rule.keepGroup()) + MASK));
            }
            if (any) {
                m.appendTail(sb);
                out = sb.toString();
            }
        }
        return out;
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
