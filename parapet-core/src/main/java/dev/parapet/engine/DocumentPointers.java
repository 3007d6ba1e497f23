package dev.parapet.engine;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.parapet.spi.ApiDocument;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a documentation page or script says its API description is, and descriptions it carries inline: the quoted
 * value of a pointer key ({@code SwaggerUIBundle({url: "/v1/api-docs"})}, {@code urls: [{url: ...}]},
 * swagger-ui-express's {@code "swaggerUrl"}, {@code <redoc spec-url="...">}, Scalar's {@code data-url}, a
 * {@code Redoc.init("...")}), the value of a configuration key ({@code configUrl}, whose JSON names the document in
 * turn), and the object under an inline key ({@code "swaggerDoc": {...}}, {@code spec: {...}},
 * {@code Redoc.init({...})}), cut out with {@link JsonObjectText} and kept only when it parses as an OpenAPI or
 * Swagger document. Keys come from {@code discovery/documents.json}; every pattern is RE2. Stateless.
 */
final class DocumentPointers {

    /** Inline objects tried per text; swagger-ui-init.js carries one. */
    static final int MAX_INLINE = 4;
    /** Pointers kept per text. */
    static final int MAX_POINTERS = 16;

    private static final Pattern DOCUMENT_HEAD =
            Pattern.compile("[\"']?(?:openapi|swagger)[\"']?\\s*:\\s*[\"']?[23]\\.\\d");
    private static final JsonMapper STRICT = new JsonMapper();
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    /** What one text points at. */
    record Found(List<URI> documents, List<URI> configs, List<ApiDocument> inline) {
    }

    private final Pattern pointer;
    private final Pattern config;
    private final Pattern inlineObject;

    DocumentPointers(DiscoveryData.Documents data) {
        this.pointer = Pattern.compile(keyed(data.pointerKeys())
                + "|Redoc\\.init\\(\\s*[\"'`]([^\"'`\\s<>]{1,500})[\"'`]");
        this.config = Pattern.compile(keyed(data.configKeys()));
        String keys = data.inlineKeys().stream().map(k -> k.endsWith("(") ? Pattern.quote(k) + "\\s*"
                : "[\"']?" + Pattern.quote(k) + "[\"']?\\s*:\\s*").collect(Collectors.joining("|"));
        this.inlineObject = Pattern.compile("(?:" + keys + ")\\{");
    }

    /** {@code key: "value"}, {@code "key": 'value'}, {@code key="value"} for any of {@code keys}; group 1 the value. */
    private static String keyed(List<String> keys) {
        String alternatives = keys.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return "(?:^|[^A-Za-z0-9_$.-])[\"']?(?:" + alternatives
                + ")[\"']?\\s*[:=]\\s*[\"'`]([^\"'`\\s<>]{1,500})[\"'`]";
    }

    /**
     * What {@code text} (found at {@code base}) points at. Pointer keys count only in a documentation context (a page
     * with a documentation tool's marker or one of its scripts), where {@code url:} names the document; inline
     * documents count anywhere, since they prove themselves by parsing.
     */
    Found in(String text, URI base, boolean documentationContext, int maxChars) {
        String t = text.length() > maxChars ? text.substring(0, maxChars) : text;
        List<ApiDocument> inline = new ArrayList<>();
        List<int[]> inside = new ArrayList<>();
        Matcher m = inlineObject.matcher(t);
        int tried = 0;
        while (tried < MAX_INLINE && m.find()) {
            tried++;
            int start = m.end() - 1;
            JsonObjectText.at(t, start, t.length()).ifPresent(object -> asDocument(object).ifPresent(doc -> {
                inline.add(new ApiDocument(base, doc, true));
                inside.add(new int[]{start, start + object.length()});
            }));
        }
        List<URI> documents = new ArrayList<>();
        List<URI> configs = new ArrayList<>();
        if (documentationContext) {
            // a url inside an inline document is one of its servers or links, not where the page loads it from
            collect(pointer, t, base, inside, documents);
            collect(config, t, base, inside, configs);
        }
        return new Found(dedupe(documents), dedupe(configs), inline);
    }

    private static void collect(Pattern p, String text, URI base, List<int[]> skip, List<URI> into) {
        Matcher m = p.matcher(text);
        while (into.size() < MAX_POINTERS && m.find()) {
            int at = m.start();
            if (skip.stream().anyMatch(r -> at >= r[0] && at < r[1])) {
                continue;
            }
            String value = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
            if (value != null && !value.startsWith("#") && !value.startsWith("data:")) {
                Links.resolve(base, value).ifPresent(into::add);
            }
        }
    }

    private static List<URI> dedupe(List<URI> uris) {
        return List.copyOf(new LinkedHashSet<>(uris));
    }

    /**
     * The object as a JSON document when it is an OpenAPI or Swagger description: the text itself when it is JSON,
     * re-written as JSON when it is a JavaScript object literal (unquoted keys, single quotes, trailing commas).
     */
    static Optional<String> asDocument(String objectText) {
        if (!looksLikeApiDocument(objectText)) {
            return Optional.empty();
        }
        for (JsonMapper mapper : List.of(STRICT, LENIENT)) {
            try {
                JsonNode node = mapper.readTree(objectText);
                if (node == null || !node.isObject()
                        || !node.path("openapi").isTextual() && !node.path("swagger").isTextual()) {
                    return Optional.empty();
                }
                return Optional.of(mapper == STRICT ? objectText : STRICT.writeValueAsString(node));
            } catch (Exception notThisSyntax) {
                // try the next syntax; a literal neither reads is not a document we can use
            }
        }
        return Optional.empty();
    }

    /** Whether the first 4 KiB declare an OpenAPI 3.x or Swagger 2.0 version. */
    static boolean looksLikeApiDocument(String body) {
        String head = body.length() > 4096 ? body.substring(0, 4096) : body;
        return DOCUMENT_HEAD.matcher(head).find();
    }

    /**
     * The base paths a description declares: the path of each {@code servers[].url} (OpenAPI 3) and
     * {@code basePath} (Swagger 2). JSON is read with Jackson; YAML by its {@code basePath:} and {@code url:} lines.
     */
    static List<String> serverPaths(String document) {
        Set<String> out = new LinkedHashSet<>();
        String trimmed = document.stripLeading();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode root = LENIENT.readTree(trimmed);
                root.path("servers").forEach(s -> pathOf(s.path("url").asText("")).ifPresent(out::add));
                pathOf(root.path("basePath").asText("")).ifPresent(out::add);
            } catch (Exception ignored) {
                // unreadable here; the spec stage reports it
            }
        } else {
            boolean inServers = false;
            for (String line : document.lines().limit(20_000).toList()) {
                String l = line.strip();
                if (!line.startsWith(" ") && !line.startsWith("-")) {
                    inServers = l.startsWith("servers:");
                    if (l.startsWith("basePath:")) {
                        pathOf(unquote(l.substring(9))).ifPresent(out::add);
                    }
                } else if (inServers && (l.startsWith("- url:") || l.startsWith("url:"))) {
                    pathOf(unquote(l.substring(l.indexOf(':') + 1))).ifPresent(out::add);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String unquote(String v) {
        String s = v.strip();
        return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
    }

    private static Optional<String> pathOf(String url) {
        if (url.isBlank()) {
            return Optional.empty();
        }
        try {
            String path = URI.create(url.replace("{", "%7B").replace("}", "%7D")).getRawPath();
            return path == null || path.isEmpty() || path.equals("/") || path.contains("%7B") ? Optional.empty()
                    : Optional.of(path);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
