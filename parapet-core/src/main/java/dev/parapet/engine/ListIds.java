package dev.parapet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;
import dev.parapet.spi.ApiOperation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real ids for item operations, taken from their collection's answer: {@code GET /users} listing
 * {@code [{"id":42,…}]} makes {@code GET /users/{id}} be called as {@code /users/42} instead of a synthesised
 * value that probably names nothing. Reads arrays at the top level or under {@code items}, {@code data},
 * {@code results} or {@code content}; takes the first element's {@code id} (or the parameter's own name).
 * Immutable once indexed; thread-safe.
 */
final class ListIds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRAPPERS = List.of("items", "data", "results", "content");

    private final Map<String, URI> collections = new HashMap<>();
    private final Map<URI, Exchange> answers = new HashMap<>();

    /**
     * Indexes the documented GET collections and the successful answers once, so mapping every item operation of
     * a large spec is linear, not quadratic, in the number of operations.
     */
    private ListIds(List<ApiOperation> all, List<Exchange> exchanges) {
        for (ApiOperation o : all) {
            if (o.method().equals("GET") && o.uri().isPresent()) {
                collections.putIfAbsent(o.pathTemplate(), o.uri().get());
            }
        }
        for (Exchange e : exchanges) {
            if (e.answered() && e.status() / 100 == 2) {
                answers.putIfAbsent(e.request().uri(), e);
            }
        }
    }

    static ListIds index(List<ApiOperation> all, List<Exchange> exchanges) {
        return new ListIds(all, exchanges);
    }

    /**
     * The operation with its last path segment replaced by an id from its collection's recorded answer, or the
     * operation unchanged when its template does not end in a parameter or no id was found.
     */
    static ApiOperation withListedId(ApiOperation op, List<ApiOperation> all, List<Exchange> exchanges) {
        return index(all, exchanges).withListedId(op);
    }

    ApiOperation withListedId(ApiOperation op) {
        String template = op.pathTemplate();
        int slash = template.lastIndexOf('/');
        if (op.uri().isEmpty() || slash < 0 || !template.endsWith("}") || template.charAt(slash + 1) != '{') {
            return op;
        }
        String parent = slash == 0 ? "/" : template.substring(0, slash);
        String param = template.substring(slash + 2, template.length() - 1);
        URI listUri = collections.get(parent);
        Exchange listed = listUri == null ? null : answers.get(listUri);
        Optional<String> id = listed == null ? Optional.empty() : firstId(listed.body(), param);
        if (id.isEmpty()) {
            return op;
        }
        URI u = op.uri().get();
        String path = u.getRawPath();
        String newPath = path.substring(0, path.lastIndexOf('/') + 1)
                + URLEncoder.encode(id.get(), StandardCharsets.UTF_8).replace("+", "%20");
        return op.withUri(u.resolve(newPath + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())));
    }

    static Optional<String> firstId(String body, String param) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode list = root != null && root.isArray() ? root : null;
            for (String w : WRAPPERS) {
                if (list == null && root != null && root.path(w).isArray()) {
                    list = root.path(w);
                }
            }
            if (list == null || list.isEmpty() || !list.get(0).isObject()) {
                return Optional.empty();
            }
            JsonNode first = list.get(0);
            JsonNode id = first.hasNonNull(param) ? first.get(param) : first.get("id");
            return id != null && id.isValueNode() && !id.asText().isBlank() ? Optional.of(id.asText())
                    : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
