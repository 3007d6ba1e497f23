package dev.parapet.checks.support;

import dev.parapet.model.Endpoint;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiParameter;
import dev.parapet.spi.Inventory;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A GET query parameter that looks as if the server fetches or calls what it names, found three ways: its recorded
 * value is an absolute http(s) URL ({@link Hint#URL_VALUE}); the API description declares it with format
 * {@code uri} or {@code url} ({@link Hint#SPEC_FORMAT}); or one of its name's words is in the caller's word list
 * ({@code avatar_url}, {@code imageUrl}, {@code webhook} — {@link Hint#NAME}). {@code uri} carries the parameter
 * (added with the spec's synthesised value when the documented URL left it out). Immutable.
 */
public record FetchParameter(Endpoint endpoint, URI uri, String name, String value, Hint hint) {

    /** Why the parameter was picked, strongest first. */
    public enum Hint { URL_VALUE, SPEC_FORMAT, NAME }

    /** {@link #uri} with this parameter's value set to {@code newValue} (form-encoded); other pairs kept raw. */
    public URI withValue(String newValue) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(newValue, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        boolean replaced = false;
        String raw = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (!replaced && decode(eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                kept.add(encoded);
                replaced = true;
            } else {
                kept.add(pair);
            }
        }
        if (!replaced) {
            kept.add(encoded);
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" :
                uri.getRawPath()) + "?" + String.join("&", kept));
    }

    /** The path, for titles: {@code /avatar}. */
    public String path() {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    /**
     * The candidate parameters of the inventory's GET endpoints and the spec's GET operations, each path and name
     * once, strongest hint first, at most {@code max}.
     */
    public static List<FetchParameter> find(Inventory inventory, Set<String> words, int max) {
        Map<String, FetchParameter> found = new LinkedHashMap<>();
        for (Endpoint e : inventory.endpoints()) {
            URI uri = e.uri();
            if (!e.method().equals("GET") || uri.getRawQuery() == null || uri.toString().contains("{")) {
                continue;
            }
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                Hint hint = isUrl(value) ? Hint.URL_VALUE : hasWord(name, words) ? Hint.NAME : null;
                if (!name.isEmpty() && hint != null) {
                    found.putIfAbsent(uri.getRawPath() + "?" + name, new FetchParameter(e, uri, name, value, hint));
                }
            }
        }
        for (ApiOperation op : inventory.spec().operations()) {
            if (!op.method().equals("GET") || op.uri().isEmpty() || op.uri().get().toString().contains("{")) {
                continue;
            }
            URI uri = op.uri().get();
            for (ApiParameter p : op.parameters()) {
                boolean format = p.format().equalsIgnoreCase("uri") || p.format().equalsIgnoreCase("url");
                if (!p.in().equals("query") || !(format || hasWord(p.name(), words))) {
                    continue;
                }
                FetchParameter fp = new FetchParameter(new Endpoint("GET", uri, Endpoint.Source.SPEC), uri, p.name(),
                        p.value(), format ? Hint.SPEC_FORMAT : Hint.NAME);
                found.putIfAbsent(uri.getRawPath() + "?" + p.name(), new FetchParameter(fp.endpoint(),
                        fp.withValue(p.value()), p.name(), p.value(), fp.hint()));
            }
        }
        return found.values().stream().sorted(Comparator.comparing(FetchParameter::hint)).limit(max).toList();
    }

    /** Whether one of the words of {@code name} (split at case changes and non-alphanumerics) is in {@code words}. */
    public static boolean hasWord(String name, Set<String> words) {
        String split = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Arrays.stream(split.split("[^a-z0-9]+")).anyMatch(words::contains);
    }

    private static boolean isUrl(String value) {
        return value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
