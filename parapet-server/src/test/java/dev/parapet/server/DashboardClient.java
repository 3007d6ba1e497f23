package dev.parapet.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client of the dashboard on 127.0.0.1 that does not follow redirects, so tests see each answer. */
final class DashboardClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    DashboardClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in with an API key the way the form does; answers the session cookie's value. */
    String signIn(String key) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login", null);
        String loginCookie = cookieValue(form.headers().firstValue("Set-Cookie").orElseThrow());
        HttpResponse<String> r = post("/login", "parapet_login=" + loginCookie, base,
                Map.of("csrf", csrf(form.body()), "key", key));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + r.statusCode() + ": " + r.body());
        }
        return cookieValue(sessionCookieHeader(r));
    }

    static String sessionCookieHeader(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Dashboard.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
    }

    static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("the page has no CSRF field: " + page);
        }
        return m.group(1);
    }

    HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            b.header("Cookie", Dashboard.SESSION_COOKIE + "=" + session);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post with this cookie header and {@code Origin} (none when null). */
    HttpResponse<String> post(String path, String cookie, String origin, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
