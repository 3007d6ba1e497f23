package dev.parapet.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object being read, with its path from the document root (e.g. {@code findings[2].endpoint}) so every
 * error names the exact place. Required fields only: a report of schema 1.x carries every field of 1.0.
 */
record JsonNodes(JsonNode node, String path) {

    static JsonNodes root(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a Parapet JSON report: the document is not a JSON object");
        }
        return new JsonNodes(node, "");
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode field(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException(at(name) + ": missing");
        }
        return value;
    }

    private IllegalArgumentException wrongType(String name, String expected) {
        return new IllegalArgumentException(at(name) + ": expected " + expected + ", found "
                + node.get(name).getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    String text(String name) {
        JsonNode v = field(name);
        if (!v.isTextual()) {
            throw wrongType(name, "a string");
        }
        return v.textValue();
    }

    long number(String name) {
        JsonNode v = field(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(name, "an integer");
        }
        return v.longValue();
    }

    int integer(String name) {
        long n = number(name);
        if (n != (int) n) {
            throw new IllegalArgumentException(at(name) + ": " + n + " is out of range");
        }
        return (int) n;
    }

    /** An integer that may be JSON {@code null}. */
    Integer integerOrNull(String name) {
        return field(name).isNull() ? null : integer(name);
    }

    double decimal(String name) {
        JsonNode v = field(name);
        if (!v.isNumber()) {
            throw wrongType(name, "a number");
        }
        return v.doubleValue();
    }

    boolean bool(String name) {
        JsonNode v = field(name);
        if (!v.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return v.booleanValue();
    }

    JsonNodes object(String name) {
        JsonNode v = field(name);
        if (!v.isObject()) {
            throw wrongType(name, "an object");
        }
        return new JsonNodes(v, at(name));
    }

    /** An object added in a later minor schema version: null when the field is absent. */
    JsonNodes optionalObject(String name) {
        return node.get(name) == null ? null : object(name);
    }

    /** An object that may be JSON {@code null}; null then. */
    JsonNodes objectOrNull(String name) {
        return field(name).isNull() ? null : object(name);
    }

    List<JsonNodes> objects(String name) {
        JsonNode v = array(name);
        List<JsonNodes> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw new IllegalArgumentException(at(name) + "[" + i + "]: expected an object");
            }
            out.add(new JsonNodes(v.get(i), at(name) + "[" + i + "]"));
        }
        return out;
    }

    List<String> texts(String name) {
        JsonNode v = array(name);
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new IllegalArgumentException(at(name) + "[" + i + "]: expected a string");
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    private JsonNode array(String name) {
        JsonNode v = field(name);
        if (!v.isArray()) {
            throw wrongType(name, "an array");
        }
        return v;
    }

    /** Whether the object has a field of this name: for objects added in a later 1.x minor version. */
    boolean has(String name) {
        return node.has(name);
    }

    /** Whether the field is present and JSON null. */
    boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    /** The names of this object's fields, in document order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** {@link #text(String)} parsed by {@code parser}; a parse failure names the path. */
    <T> T parsed(String name, java.util.function.Function<String, T> parser) {
        String text = text(name);
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(at(name) + ": cannot read '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The constant of {@code type} whose JSON id ({@link JsonIds}) is this field's text. */
    <E extends Enum<E>> E id(String name, Class<E> type, java.util.function.Function<E, String> idOf) {
        return JsonIds.parse(type, idOf, text(name), at(name));
    }
}
