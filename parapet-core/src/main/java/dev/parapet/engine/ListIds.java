package dev.parapet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;
import dev.parapet.spi.ApiOperation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Real ids for item operations, taken from their collection's answer: {@code GET /users} listing
 * {@code [{"id":42,…}]} makes {@code GET /users/{id}} be called as {@code /users/42} instead of a synthesised
 * value that probably names nothing. Reads arrays at the top level or under {@code items}, {@code data},
 * {@code results} or {@code content}; takes the first element's {@code id} (or the parameter's own name).
 * Stateless and thread-safe.
 */
final class ListIds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRAPPERS = List.of("items", "data", "results", "content");

    private ListIds() {
    }

    /**
     * The operation with its last path segment replaced by an id from its collection's recorded answer, or the
     * operation unchanged when its template does not end in a parameter or no id was found.
     */
    static ApiOperation withListedId(ApiOperation op, List<ApiOperation> all, List<Exchange> exchanges) {
        String template = op.pathTemplate();
        int slash = template.lastIndexOf('/');
        if (op.uri().isEmpty() || slash < 0 || !template.endsWith("}") || template.charAt(slash + 1) != '{') {
            return op;
        }
        String parent = slash == 0 ? "/" : template.substring(0, slash);
        String param = template.substring(slash + 2, template.length() - 1);
        Optional<URI> listUri = all.stream().filter(o -> o.method().equals("GET") && o.pathTemplate().equals(parent))
                .flatMap(o -> o.uri().stream()).findFirst();
        if (listUri.isEmpty()) {
            return op;
        }
        Optional<String> id = exchanges.stream().filter(Exchange::answered).filter(e -> e.status() / 100 == 2)
                .filter(e -> e.request().uri().equals(listUri.get())).findFirst()
                .flatMap(e -> firstId(e.body(), param));
        if (id.isEmpty()) {
            return op;
        }
        URI u = op.uri().get();
        String path = u.getRawPath();
        String newPath = path.substring(0, path.lastIndexOf('/') + 1)
                + URLEncoder.encode(id.get(), StandardCharsets.UTF_8).replace("+", "%20");
        URI replaced = u.resolve(newPath + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        return new ApiOperation(op.method(), op.pathTemplate(), op.operationId(), op.deprecated(), op.parameters(),
                op.securityRequired(), op.responseSchemaProperties(), op.requestSchemaProperties(), op.tags(),
                Optional.of(replaced));
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
