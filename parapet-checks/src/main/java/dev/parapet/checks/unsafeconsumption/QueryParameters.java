package dev.parapet.checks.unsafeconsumption;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads and rewrites query parameters of a URL, keeping every other pair byte for byte. Pure; thread-safe. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** Decoded parameter names in order of appearance. */
    static List<String> names(URI uri) {
        List<String> out = new ArrayList<>();
        for (String pair : pairs(uri)) {
            int eq = pair.indexOf('=');
            out.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** {@code uri} with the value of {@code name} set to {@code value} (URL-encoded), added when absent. */
    static URI with(URI uri, String name, String value) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        boolean replaced = false;
        for (String pair : pairs(uri)) {
            int eq = pair.indexOf('=');
            String n = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (!replaced && n.equals(name)) {
                kept.add(encoded);
                replaced = true;
            } else {
                kept.add(pair);
            }
        }
        if (!replaced) {
            kept.add(encoded);
        }
        String s = uri.toString();
        int cut = s.indexOf('?') >= 0 ? s.indexOf('?') : s.indexOf('#') >= 0 ? s.indexOf('#') : s.length();
        return URI.create(s.substring(0, cut) + "?" + String.join("&", kept));
    }

    private static List<String> pairs(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        return List.of(raw.split("&")).stream().filter(p -> !p.isEmpty()).toList();
    }
}
