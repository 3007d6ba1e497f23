package dev.parapet.checks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an OpenAPI or Swagger document reveals, in numbers for the evidence: its format and version, its title, the
 * paths and the operations (path + method pairs) it describes. Parses JSON, then YAML.
 */
record OpenApiSummary(String format, String title, int paths, int operations) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Optional<OpenApiSummary> parse(String body) {
        JsonNode root = read(JSON, body).or(() -> read(YAML, body)).orElse(null);
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String format = root.has("openapi") ? "OpenAPI " + root.path("openapi").asText()
                : root.has("swagger") ? "Swagger " + root.path("swagger").asText() : "";
        if (format.isEmpty()) {
            return Optional.empty();
        }
        int paths = 0;
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            paths++;
            for (Iterator<String> names = path.getValue().fieldNames(); names.hasNext(); ) {
                if (METHODS.contains(names.next().toLowerCase(java.util.Locale.ROOT))) {
                    operations++;
                }
            }
        }
        return Optional.of(new OpenApiSummary(format, root.path("info").path("title").asText(""), paths, operations));
    }

    private static Optional<JsonNode> read(ObjectMapper mapper, String body) {
        try {
            return Optional.ofNullable(mapper.readTree(body));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    String describe() {
        return format + (title.isBlank() ? "" : " '" + title + "'") + " describing " + operations + " operation"
                + (operations == 1 ? "" : "s") + " on " + paths + " path" + (paths == 1 ? "" : "s");
    }
}
