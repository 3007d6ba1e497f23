package dev.parapet.checks.ssrf;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query parameter that looks as if the server fetches what it names: its name reads as URL-accepting, or its
 * recorded value is an absolute http(s) URL. {@code baseline} is discovery's recorded exchange for {@code uri} (the
 * original value), when there is one. Immutable.
 */
record UrlParameter(Endpoint endpoint, URI uri, String name, String value, Optional<Exchange> baseline) {

    /** Whether the recorded value is itself a URL: the strongest hint that the server fetches it. */
    boolean valueIsUrl() {
        return value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8);
    }

    /** {@link #uri} with this parameter's value replaced by {@code newValue} (form-encoded); other parameters kept raw. */
    URI withValue(String newValue) {
        StringBuilder query = new StringBuilder();
        boolean replaced = false;
        for (String pair : uri.getRawQuery().split("&")) {
            String rawName = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!replaced && decode(rawName).equals(name)) {
                pair = rawName + "=" + URLEncoder.encode(newValue, StandardCharsets.UTF_8);
                replaced = true;
            }
            query.append(query.isEmpty() ? "" : "&").append(pair);
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query);
    }

    /**
     * The URL-accepting parameters of the inventory's GET endpoints, each path and name once, parameters whose value
     * is a URL first (then in discovery order).
     */
    static List<UrlParameter> find(Inventory inventory, InternalTargets data) {
        Map<String, UrlParameter> found = new LinkedHashMap<>();
        for (Endpoint e : inventory.endpoints()) {
            URI uri = e.uri();
            if (!e.method().equals("GET") || uri.getRawQuery() == null || uri.toString().contains("{")) {
                continue;
            }
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                UrlParameter p = new UrlParameter(e, uri, name, value, recorded(inventory, uri));
                if (!name.isEmpty() && (data.acceptsUrl(name) || p.valueIsUrl())) {
                    found.putIfAbsent(uri.getRawPath() + "?" + name, p);
                }
            }
        }
        List<UrlParameter> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparing((UrlParameter p) -> !p.valueIsUrl()));
        return out;
    }

    private static Optional<Exchange> recorded(Inventory inventory, URI uri) {
        return inventory.answeredGets().stream().filter(x -> x.request().uri().equals(uri)).findFirst();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
