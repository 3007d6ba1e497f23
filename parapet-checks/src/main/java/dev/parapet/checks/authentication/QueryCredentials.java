package dev.parapet.checks.authentication;

import dev.parapet.checks.authentication.CredentialsInQueryCheck.Parameters;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Refusals;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The query-string side of {@link CredentialsInQueryCheck}: the user's token as its request headers carried it, URLs
 * with one query parameter set or removed, and discovered URLs that carry a credential. Stateless.
 */
final class QueryCredentials {

    private QueryCredentials() {
    }

    /**
     * The token an authenticated request carried: the value of {@code Authorization} after a scheme other than
     * Basic, or of an API-key or token header ({@code X-API-Key}, {@code X-Auth-Token}…). Cookies are no token.
     */
    static Optional<String> token(Exchange e) {
        if (!e.request().caller().carriedCredentials()) {
            return Optional.empty();
        }
        for (Headers.Field f : e.request().headers().fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            String v = f.value().strip();
            if (name.equals("authorization")) {
                int space = v.indexOf(' ');
                String scheme = space < 0 ? "" : v.substring(0, space);
                if (!scheme.equalsIgnoreCase("basic") && !scheme.equalsIgnoreCase("digest")) {
                    return Optional.of(space < 0 ? v : v.substring(space + 1).strip()).filter(t -> t.length() >= 8);
                }
            } else if ((name.contains("api-key") || name.contains("apikey") || name.contains("token")
                    || name.equals("x-auth")) && v.length() >= 8) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** {@code uri} with the query parameter {@code name} set to {@code value} (replacing one of that name). */
    static URI with(URI uri, String name, String value) {
        StringJoiner q = new StringJoiner("&");
        pairs(uri).stream().filter(p -> !p[0].equals(name))
                .forEach(p -> q.add(encode(p[0]) + (p[1] == null ? "" : "=" + encode(p[1]))));
        if (value != null) {
            q.add(encode(name) + "=" + encode(value));
        }
        String query = q.toString();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * Findings for discovered URLs whose query carries a credential: CONFIRMED when the URL is granted data
     * without any header and the same URL without that parameter is not, else LOW (the link itself gives it away).
     */
    static List<Finding> discovered(CheckContext ctx, Parameters names, int max) throws InterruptedException {
        Set<URI> urls = new LinkedHashSet<>();
        ctx.inventory().endpoints().stream().map(Endpoint::uri).forEach(urls::add);
        ctx.inventory().exchanges().stream().map(e -> e.request().uri()).forEach(urls::add);
        List<Finding> out = new ArrayList<>();
        for (URI u : urls) {
            if (out.size() >= max || u.toString().contains("{")) {
                continue;
            }
            Optional<String[]> carried = pairs(u).stream().filter(p -> names.credential(p[0]) && p[1] != null
                    && p[1].length() >= 4).findFirst();
            if (carried.isEmpty()) {
                continue;
            }
            String name = carried.get()[0];
            Exchange with = ctx.probe(ProbeRequest.get(u).as(Identity.ANONYMOUS));
            Exchange without = ctx.probe(ProbeRequest.get(with(u, name, null)).as(Identity.ANONYMOUS));
            boolean accepted = Refusals.granted(with) && without.answered() && !Refusals.granted(without);
            Finding.Builder b = CredentialsInQueryCheck.builder("discovered:" + u.getRawPath() + ":" + name)
                    .severity(accepted ? Severity.MEDIUM : Severity.LOW)
                    .confidence(accepted ? Confidence.CONFIRMED : Confidence.FIRM)
                    .title((accepted ? "The API accepts a credential in the query string of " : "A discovered URL "
                            + "carries a credential in its query: ") + u.getRawPath() + " (?" + name + "=)")
                    .parameter(name)
                    .evidence(Snippets.oneLine("GET " + u.getRawPath() + "?" + name + "=… -> " + Refusals.judge(with)
                            .reason() + "; without ?" + name + " -> " + Refusals.judge(without).reason(),
                            Snippets.MAX_EVIDENCE));
            if (with.answered()) {
                b.exchange(with);
            } else {
                b.endpoint(new Endpoint("GET", u, Endpoint.Source.DISCOVERED));
            }
            if (without.answered()) {
                b.exchange(without);
            }
            out.add(b.build());
        }
        return out;
    }

    /** Name and decoded value (null when the pair has no {@code =}) of each query pair. */
    private static List<String[]> pairs(URI uri) {
        List<String[]> out = new ArrayList<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                out.add(new String[] {URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)});
            } catch (IllegalArgumentException malformed) {
                // a pair that is not percent-encoded properly is no parameter to judge
            }
        }
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
