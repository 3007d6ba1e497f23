package dev.parapet.checks.inputvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters a scan knows about, for checks that vary one parameter at a time: parsing, re-encoding a
 * URL with one value replaced, and gathering parameterised URLs from the inventory (endpoints, recorded requests and
 * links inside recorded JSON bodies). Only URLs on the target's origin are returned. Stateless and thread-safe.
 */
final class QueryParameters {

    /** One decoded parameter of a URL. */
    record Parameter(String name, String value) {
    }

    /** A parameter of one discovered URL; {@code recorded} is discovery's answer for that URL, if it has one. */
    record Candidate(URI uri, Parameter parameter, Optional<Exchange> recorded) {

        /** Stable key: one candidate per path and parameter name, as findings are fingerprinted. */
        String key() {
            return uri.getRawPath() + "?" + parameter.name();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON_NODES = 5_000;

    private QueryParameters() {
    }

    /** Decoded parameters in order; a name without {@code =} has an empty value. */
    static List<Parameter> parse(URI uri) {
        String raw = uri.getRawQuery();
        List<Parameter> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.add(new Parameter(decode(eq < 0 ? pair : pair.substring(0, eq)), value));
        }
        return out;
    }

    /**
     * {@code uri} with the first parameter called {@code name} set to {@code rawValue}, which is inserted as given:
     * the caller encodes it (see {@link #encode}) or deliberately sends characters raw. Other parameters keep their
     * original encoding.
     */
    static URI withRawValue(URI uri, String name, String rawValue) {
        List<String> pairs = new ArrayList<>();
        boolean replaced = false;
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            if (!replaced && decode(rawName).equals(name)) {
                pairs.add(rawName + "=" + rawValue);
                replaced = true;
            } else if (!pair.isEmpty()) {
                pairs.add(pair);
            }
        }
        if (!replaced) {
            pairs.add(encode(name) + "=" + rawValue);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + String.join("&", pairs));
    }

    /** {@code uri} with parameter {@code name} set to {@code value}, percent-encoded (space as %20). */
    static URI withValue(URI uri, String name, String value) {
        return withRawValue(uri, name, encode(value));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** Every parameter of every parameterised URL on the target's origin, first occurrence per path and name. */
    static List<Candidate> candidates(Inventory inventory) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (URI uri : parameterisedUrls(inventory)) {
            Optional<Exchange> recorded = recordedGet(inventory, uri);
            for (Parameter p : parse(uri)) {
                Candidate c = new Candidate(uri, p, recorded);
                out.putIfAbsent(c.key(), c);
            }
        }
        return List.copyOf(out.values());
    }

    private static Set<URI> parameterisedUrls(Inventory inventory) {
        Set<URI> urls = new LinkedHashSet<>();
        inventory.endpoints().stream().filter(e -> e.method().equals("GET")).map(Endpoint::uri).forEach(urls::add);
        inventory.answeredGets().forEach(e -> urls.add(e.request().uri()));
        for (Exchange e : inventory.answeredGets()) {
            if (e.response().isJson()) {
                jsonLinks(e).forEach(urls::add);
            }
        }
        URI target = inventory.target();
        urls.removeIf(u -> u.getRawQuery() == null || u.getRawQuery().isEmpty() || u.toString().contains("{")
                || !sameOrigin(u, target));
        return urls;
    }

    private static List<URI> jsonLinks(Exchange e) {
        List<URI> out = new ArrayList<>();
        try {
            collect(JSON.readTree(e.body()), e.request().uri(), out, new int[]{0});
        } catch (java.io.IOException | RuntimeException ignored) {
            // not JSON after all: no links
        }
        return out;
    }

    private static void collect(JsonNode node, URI base, List<URI> out, int[] visited) {
        if (node == null || visited[0]++ > MAX_JSON_NODES) {
            return;
        }
        if (node.isTextual()) {
            String s = node.asText();
            boolean link = s.startsWith("/") && !s.startsWith("//") || s.startsWith("http://")
                    || s.startsWith("https://");
            if (link && s.contains("?") && s.length() < 500 && !s.contains(" ")) {
                try {
                    out.add(base.resolve(s));
                } catch (IllegalArgumentException ignored) {
                    // not a usable URL
                }
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, base, out, visited));
        }
    }

    private static Optional<Exchange> recordedGet(Inventory inventory, URI uri) {
        return inventory.answeredGet(uri);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
