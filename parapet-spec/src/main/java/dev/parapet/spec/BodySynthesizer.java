package dev.parapet.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.spi.ApiRequestBody;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A valid-looking request body for a documented operation: every property of the body schema filled (optional
 * ones included, readOnly ones left out of the body but listed as fields, since a client that sends them is what
 * mass assignment is about), one item per array, {@code $ref}s and {@code allOf} followed, depth and size bounded.
 * JSON is preferred, then form-encoded, then XML. Deterministic for a seed. Not thread-safe (one per operation).
 */
final class BodySynthesizer {

    /** Deep enough for real payloads; bounds generated or recursive schemas. */
    private static final int MAX_DEPTH = 8;
    /** Fields per body: a generated schema with thousands of properties still yields a bounded body. */
    private static final int MAX_FIELDS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SchemaProperties schemas;
    private final long seed;
    private final List<ApiRequestBody.Field> fields = new ArrayList<>();
    private final IdentityHashMap<Schema<?>, Boolean> path = new IdentityHashMap<>();

    BodySynthesizer(SchemaProperties schemas, long seed) {
        this.schemas = schemas;
        this.seed = seed;
    }

    Optional<ApiRequestBody> synthesise(RequestBody body) {
        if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
            return Optional.empty();
        }
        boolean required = Boolean.TRUE.equals(body.getRequired());
        Map.Entry<String, MediaType> chosen = choose(body.getContent());
        if (chosen == null) {
            return Optional.empty();
        }
        String mediaType = chosen.getKey().toLowerCase(Locale.ROOT);
        Schema<?> schema = chosen.getValue().getSchema();
        if (schema == null && chosen.getValue().getExample() == null) {
            return Optional.empty();
        }
        JsonNode value = schema == null ? JSON.valueToTree(chosen.getValue().getExample())
                : node(schema, "", "", 0, true);
        if (mediaType.contains("json")) {
            return Optional.of(new ApiRequestBody(chosen.getKey(), value.toString(), required, fields));
        }
        if (mediaType.startsWith("application/x-www-form-urlencoded")) {
            return Optional.of(new ApiRequestBody(chosen.getKey(), form(value), required, formFields()));
        }
        return Optional.of(new ApiRequestBody(chosen.getKey(), xml(rootName(schema), value), required, fields));
    }

    private static Map.Entry<String, MediaType> choose(Content content) {
        Map.Entry<String, MediaType> form = null;
        Map.Entry<String, MediaType> xml = null;
        for (var e : content.entrySet()) {
            String type = e.getKey() == null ? "" : e.getKey().toLowerCase(Locale.ROOT);
            if (e.getValue() == null) {
                continue;
            }
            if (type.contains("json") || type.equals("*/*")) {
                return type.equals("*/*") ? Map.entry("application/json", e.getValue()) : e;
            }
            if (type.startsWith("application/x-www-form-urlencoded") && form == null) {
                form = e;
            }
            if (type.contains("xml") && xml == null) {
                xml = e;
            }
        }
        return form != null ? form : xml;
    }

    private JsonNode node(Schema<?> declared, String pointer, String name, int depth, boolean requiredHere) {
        Schema<?> s = schemas.resolve(declared);
        if (s == null || depth > MAX_DEPTH || path.containsKey(s) || fields.size() >= MAX_FIELDS) {
            return NODES.nullNode();
        }
        path.put(s, Boolean.TRUE);
        try {
            Map<String, Schema> properties = properties(s);
            String type = SchemaTypes.type(s);
            if (!properties.isEmpty() || type.equals("object")) {
                ObjectNode object = NODES.objectNode();
                Set<String> required = requiredOf(s);
                for (var p : properties.entrySet()) {
                    if (fields.size() >= MAX_FIELDS) {
                        break;
                    }
                    String childPointer = pointer + "/" + p.getKey().replace("~", "~0").replace("/", "~1");
                    String childName = name.isEmpty() ? p.getKey() : name + "." + p.getKey();
                    Schema<?> child = schemas.resolve(p.getValue());
                    boolean readOnly = child != null && Boolean.TRUE.equals(child.getReadOnly());
                    JsonNode v = node(p.getValue(), childPointer, childName, depth + 1, required.contains(p.getKey()));
                    if (!readOnly) {
                        object.set(p.getKey(), v);
                    }
                }
                return object;
            }
            if (type.equals("array") || s.getItems() != null) {
                ArrayNode array = NODES.arrayNode();
                if (s.getItems() != null) {
                    array.add(node(s.getItems(), pointer + "/0", name + "[0]", depth + 1, true));
                }
                return array;
            }
            String text = leafValue(name, s);
            fields.add(new ApiRequestBody.Field(pointer.isEmpty() ? "/" : pointer, name.isEmpty() ? "body" : name,
                    type, s.getFormat(), requiredHere, Boolean.TRUE.equals(s.getReadOnly()), text,
                    s.getDescription(), DocumentedValues.of(null, s)));
            return typed(type, text);
        } finally {
            path.remove(s);
        }
    }

    /** Properties of the schema and of every {@code allOf} member, in declaration order. */
    private Map<String, Schema> properties(Schema<?> s) {
        Map<String, Schema> out = new LinkedHashMap<>();
        if (s.getAllOf() != null) {
            for (Schema<?> part : s.getAllOf()) {
                Schema<?> r = schemas.resolve(part);
                if (r != null && r != s) {
                    out.putAll(properties(r));
                }
            }
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(s.getOneOf(), s.getAnyOf())) {
            if (alternatives != null && !alternatives.isEmpty() && out.isEmpty() && s.getProperties() == null) {
                Schema<?> first = schemas.resolve(alternatives.getFirst());
                if (first != null && first != s) {
                    out.putAll(properties(first));
                }
            }
        }
        if (s.getProperties() != null) {
            out.putAll(s.getProperties());
        }
        return out;
    }

    private Set<String> requiredOf(Schema<?> s) {
        Set<String> out = new java.util.HashSet<>();
        if (s.getRequired() != null) {
            out.addAll(s.getRequired());
        }
        if (s.getAllOf() != null) {
            for (Schema<?> part : s.getAllOf()) {
                Schema<?> r = schemas.resolve(part);
                if (r != null && r.getRequired() != null) {
                    out.addAll(r.getRequired());
                }
            }
        }
        return out;
    }

    /** The documented value, else one that fits the field's name and format, else the synthesiser's. */
    private String leafValue(String name, Schema<?> s) {
        boolean documented = s.getExample() != null || s.getDefault() != null
                || s.getEnum() != null && !s.getEnum().isEmpty()
                || s.getExamples() != null && !s.getExamples().isEmpty();
        String type = SchemaTypes.type(s);
        String leaf = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!documented && (type.equals("string") || type.isEmpty()) && s.getFormat() == null) {
            if (leaf.contains("password") || leaf.equals("pass") || leaf.equals("pwd")) {
                return "Parapet-" + Math.floorMod(seed, 1000) + "-Pw!";
            }
            if (leaf.contains("email") || leaf.contains("mail")) {
                return "parapet" + Math.floorMod(seed, 1000) + "@example.com";
            }
            if (leaf.endsWith("url") || leaf.endsWith("uri") || leaf.equals("link") || leaf.equals("href")) {
                return "https://example.com/";
            }
            return "parapet";
        }
        return ValueSynthesizer.value(leaf, null, s, seed);
    }

    private static JsonNode typed(String type, String text) {
        try {
            return switch (type) {
                case "integer" -> NODES.numberNode(Long.parseLong(text));
                case "number" -> NODES.numberNode(new java.math.BigDecimal(text));
                case "boolean" -> NODES.booleanNode(Boolean.parseBoolean(text));
                default -> NODES.textNode(text);
            };
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    /** Top-level properties as form pairs; nested values as their JSON text. */
    private static String form(JsonNode value) {
        if (!value.isObject()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        value.fields().forEachRemaining(e -> pairs.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString(),
                StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** Form fields are the top-level properties, named and located by their own name. */
    private List<ApiRequestBody.Field> formFields() {
        List<ApiRequestBody.Field> out = new ArrayList<>();
        for (ApiRequestBody.Field f : fields) {
            if (!f.name().contains(".") && !f.name().contains("[")) {
                out.add(new ApiRequestBody.Field(f.name(), f.name(), f.schemaType(), f.format(), f.required(),
                        f.readOnly(), f.value(), f.description(), f.documentedValues()));
            }
        }
        return out;
    }

    private static String rootName(Schema<?> schema) {
        if (schema != null && schema.getXml() != null && schema.getXml().getName() != null) {
            return schema.getXml().getName();
        }
        if (schema != null && schema.get$ref() != null) {
            return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        }
        return "request";
    }

    private static String xml(String root, JsonNode value) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        element(sb, root, value);
        return sb.toString();
    }

    private static void element(StringBuilder sb, String name, JsonNode value) {
        String tag = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        sb.append('<').append(tag).append('>');
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> element(sb, e.getKey(), e.getValue()));
        } else if (value.isArray()) {
            value.forEach(v -> element(sb, "item", v));
        } else if (!value.isNull()) {
            sb.append(value.asText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
        sb.append("</").append(tag).append('>');
    }
}
