package dev.parapet.checks.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiParameter;
import dev.parapet.spi.Inventory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a target's own developers are likely to have built its signing key from, harvested from what the scan
 * already holds (no request is sent): the host name and its labels, the API description's title, description,
 * operation ids, tags, summaries and example values, names and short strings in discovery's JSON answers, and the
 * token's own claims ({@code iss}, {@code aud}, names), nested ones included. Bounded to {@link #MAX_WORDS}.
 * Stateless.
 */
final class TargetWords {

    /** Words per scan: each costs about a hundred HMACs once suffixes and cases are applied. */
    static final int MAX_WORDS = 400;
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{2,31}");
    private static final Set<String> GENERIC = Set.of("www", "api", "com", "net", "org", "io", "dev", "app",
            "localhost", "http", "https", "json", "application", "true", "false", "null", "the", "and", "for", "with",
            "get", "post", "put", "patch", "delete", "string", "integer", "number", "boolean", "object", "array");
    /** Characters of each recorded body read for words. */
    private static final int BODY_CHARS = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetWords() {
    }

    static Set<String> of(Inventory inventory, JwtToken token) {
        Set<String> out = new LinkedHashSet<>();
        String host = inventory.target().getHost() == null ? "" : inventory.target().getHost();
        add(out, host);
        for (String label : host.split("[.-]")) {
            add(out, label);
        }
        add(out, host.replace(".", ""));
        claims(token.claims().values(), out, 0);
        for (ApiOperation op : inventory.spec().operations()) {
            add(out, op.operationId());
            op.tags().forEach(t -> add(out, t));
            words(op.summary(), out);
            for (ApiParameter p : op.parameters()) {
                p.documentedValues().forEach(v -> add(out, v));
            }
            op.requestBody().ifPresent(b -> b.fields().forEach(f -> f.documentedValues().forEach(v -> add(out, v))));
        }
        for (Exchange e : inventory.exchanges()) {
            if (e.answered() && out.size() < MAX_WORDS) {
                answer(e, inventory, out);
            }
        }
        return out.stream().limit(MAX_WORDS).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    private static void answer(Exchange e, Inventory inventory, Set<String> out) {
        String body = e.body().length() > BODY_CHARS ? e.body().substring(0, BODY_CHARS) : e.body();
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                return;
            }
            if (e.request().uri().toString().equals(inventory.spec().source()) || root.has("openapi")
                    || root.has("swagger")) {
                JsonNode info = root.path("info");
                add(out, info.path("title").asText(""));
                add(out, info.path("title").asText("").replaceAll("\\s+", ""));
                words(info.path("description").asText(""), out);
                return;
            }
            strings(root, out, 0);
        } catch (java.io.IOException | RuntimeException notJson) {
            // only JSON answers are read for names
        }
    }

    private static void strings(JsonNode n, Set<String> out, int depth) {
        if (depth > 6 || out.size() >= MAX_WORDS) {
            return;
        }
        if (n.isTextual()) {
            add(out, n.asText());
        } else if (n.isContainerNode()) {
            n.forEach(c -> strings(c, out, depth + 1));
        }
    }

    private static void claims(Collection<?> values, Set<String> out, int depth) {
        for (Object v : values) {
            if (depth > 4) {
                return;
            }
            if (v instanceof String s) {
                add(out, s);
                words(s, out);
            } else if (v instanceof Map<?, ?> m) {
                claims(m.values(), out, depth + 1);
            } else if (v instanceof List<?> l) {
                claims(l, out, depth + 1);
            }
        }
    }

    private static void words(String text, Set<String> out) {
        Matcher m = WORD.matcher(text.length() > 2_000 ? text.substring(0, 2_000) : text);
        while (m.find() && out.size() < MAX_WORDS) {
            add(out, m.group());
        }
    }

    /** A value that could be a word of a key: short, not a URL, not a number, not a generic word. */
    private static void add(Set<String> out, String value) {
        String v = value == null ? "" : value.strip();
        if (out.size() >= MAX_WORDS || v.length() < 3 || v.length() > 40 || v.contains("://") || v.contains("/")
                || v.chars().allMatch(Character::isDigit) || GENERIC.contains(v.toLowerCase(Locale.ROOT))
                || v.chars().anyMatch(Character::isWhitespace) && v.length() > 24) {
            return;
        }
        out.add(v);
    }
}
