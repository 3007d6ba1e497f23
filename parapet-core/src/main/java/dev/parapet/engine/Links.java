package dev.parapet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The links an answer carries: string values in JSON that are absolute URLs or absolute paths (and, apart, those
 * under fields that name an API description), {@code href}/{@code src}/{@code action} attributes of HTML tags, the
 * paths of robots.txt, and {@code Link} header targets by relation (RFC 8288). Nothing here matches a regular
 * expression against the body: JSON goes through Jackson (at most {@link #MAX_JSON_NODES} nodes), HTML through
 * {@link HtmlTags}. Stateless.
 */
final class Links {

    static final int MAX_JSON_NODES = 5_000;
    static final int MAX_HTML_CHARS = 2_000_000;
    static final int MAX_TAGS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A body's links, and the subset found under a field that names an API description. */
    record Found(List<URI> all, List<URI> documents) {
    }

    private Links() {
    }

    /** The links of a JSON answer; an HTML page's are read with its tags ({@link #inTag}). */
    static Found inJson(Exchange e, Set<String> documentFields) {
        if (!e.answered() || e.body().isEmpty()) {
            return new Found(List.of(), List.of());
        }
        URI base = e.request().uri();
        List<URI> all = new ArrayList<>();
        List<URI> documents = new ArrayList<>();
        String trimmed = e.body().stripLeading();
        if (e.response().isJson() || trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                collectJson(JSON.readTree(e.body()), "", base, all, documents, documentFields, new int[]{0});
            } catch (Exception ignored) {
                // not JSON after all
            }
        }
        return new Found(all, documents);
    }

    /** The {@code href}, {@code src} and {@code action} of one HTML tag, resolved against its page. */
    static List<URI> inTag(URI page, HtmlTags.Tag t) {
        List<URI> out = new ArrayList<>();
        for (String key : List.of("href", "src", "action")) {
            if (t.has(key) && !t.attr(key).isBlank()) {
                resolve(page, t.attr(key)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static void collectJson(JsonNode node, String field, URI base, List<URI> out, List<URI> documents,
                                    Set<String> documentFields, int[] visited) {
        if (node == null || visited[0]++ > MAX_JSON_NODES) {
            return;
        }
        if (node.isTextual()) {
            String s = node.asText();
            if (s.startsWith("/") && !s.startsWith("//") && s.length() < 300 && !s.contains(" ")
                    || s.startsWith("http://") || s.startsWith("https://")) {
                resolve(base, s).ifPresent(u -> {
                    out.add(u);
                    if (documentFields.contains(field)) {
                        documents.add(u);
                    }
                });
            }
        } else if (node.isObject()) {
            node.properties().forEach(p -> collectJson(p.getValue(),
                    p.getKey().equals("href") ? field : p.getKey(), base, out, documents, documentFields, visited));
        } else if (node.isArray()) {
            node.forEach(child -> collectJson(child, field, base, out, documents, documentFields, visited));
        }
    }

    /** Paths named by robots.txt Allow/Disallow lines, wildcards dropped. */
    static List<URI> robots(String body, URI origin) {
        List<URI> out = new ArrayList<>();
        for (String line : body.lines().limit(2_000).toList()) {
            String l = line.trim();
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("disallow:") || lower.startsWith("allow:")) {
                String path = l.substring(l.indexOf(':') + 1).trim();
                int star = path.indexOf('*');
                if (star >= 0) {
                    path = path.substring(0, star);
                }
                if (path.startsWith("/") && path.length() > 1 && !path.endsWith("$")) {
                    resolve(origin, path).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /**
     * The targets of {@code Link} header entries whose {@code rel} names one of {@code relations}
     * ({@code Link: </openapi.json>; rel="service-desc"}), resolved against the request. Read by hand: entries
     * split at commas outside {@code <...>}.
     */
    static List<URI> linkHeader(Exchange e, Set<String> relations) {
        List<URI> out = new ArrayList<>();
        if (!e.answered()) {
            return out;
        }
        for (String value : e.responseHeaders().all("Link")) {
            int i = 0;
            while (i < value.length() && out.size() < 20) {
                int open = value.indexOf('<', i);
                int close = open < 0 ? -1 : value.indexOf('>', open);
                if (close < 0) {
                    break;
                }
                int next = value.indexOf(",", close);
                int lt = value.indexOf('<', close);
                int stop = next < 0 ? value.length() : lt >= 0 && lt < next ? lt : next;
                String params = value.substring(close + 1, stop).toLowerCase(Locale.ROOT);
                String ref = value.substring(open + 1, close);
                if (relationOf(params).stream().anyMatch(relations::contains)) {
                    resolve(e.request().uri(), ref).ifPresent(out::add);
                }
                i = stop;
            }
        }
        return out;
    }

    /** The relation types of one Link entry's parameters ({@code ; rel="service-desc describedby"}). */
    private static List<String> relationOf(String params) {
        int rel = params.indexOf("rel=");
        if (rel < 0) {
            return List.of();
        }
        String v = params.substring(rel + 4).trim();
        if (v.startsWith("\"")) {
            int end = v.indexOf('"', 1);
            v = v.substring(1, end < 0 ? v.length() : end);
        } else {
            int end = v.indexOf(';');
            v = end < 0 ? v : v.substring(0, end);
        }
        return List.of(v.trim().split(" +"));
    }

    /**
     * Resolves a link against the page it was found on, dropping the fragment. Built from the raw (still
     * percent-encoded) components: decoding and re-encoding would turn {@code a%2Fb} into {@code a/b} and
     * {@code q=a%26b} into two parameters, so the crawler would request URLs the API never linked to.
     */
    static Optional<URI> resolve(URI base, String ref) {
        try {
            URI u = base.resolve(ref.trim().replace("&amp;", "&"));
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getRawAuthority() == null) {
                return Optional.empty();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return Optional.of(new URI(u.getScheme() + "://" + u.getRawAuthority() + path
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())).normalize());
        } catch (IllegalArgumentException | URISyntaxException ex) {
            return Optional.empty();
        }
    }

    /** {@code uri} without its query: the path an endpoint is grouped by. */
    static URI withoutQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    }
}
