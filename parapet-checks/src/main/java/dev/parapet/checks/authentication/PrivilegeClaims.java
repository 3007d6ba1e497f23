package dev.parapet.checks.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parapet.checks.support.CheckData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Claims that grant privileges ({@code privilege-claims.json}) and how to raise them in a forged payload, at any
 * depth. Immutable and thread-safe.
 */
record PrivilegeClaims(List<Rule> rules) {

    /** Claim names (whole, case-insensitive) and the value that raises them: a string, or {@code true}. */
    record Rule(Pattern pattern, JsonNode raise) {
        Rule {
            pattern = Pattern.compile(pattern.pattern(), Pattern.CASE_INSENSITIVE);
            if (!raise.isTextual() && !raise.isBoolean()) {
                throw new IllegalArgumentException("raise is a string or a boolean: " + raise);
            }
        }
    }

    /** A payload with its privilege claims raised, and the dotted paths changed ({@code user.role → admin}). */
    record Raised(ObjectNode claims, List<String> changes) {
    }

    PrivilegeClaims {
        rules = List.copyOf(rules);
    }

    static PrivilegeClaims load() {
        return CheckData.load("jwt-weaknesses", "privilege-claims.json", PrivilegeClaims.class);
    }

    /** {@code claims} (changed in place) with every privilege claim at any depth raised. */
    Raised raise(ObjectNode claims) {
        List<String> changes = new ArrayList<>();
        walk("", claims, changes, 0);
        return new Raised(claims, List.copyOf(changes));
    }

    private void walk(String path, ObjectNode node, List<String> changes, int depth) {
        if (depth > 6) {
            return;
        }
        for (Map.Entry<String, JsonNode> p : new ArrayList<>(node.properties())) {
            String here = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
            JsonNode v = p.getValue();
            Optional<Rule> rule = rules.stream().filter(r -> r.pattern().matcher(p.getKey()).matches()).findFirst();
            if (rule.isPresent() && (v.isValueNode() || v.isArray())) {
                raised(v, rule.get().raise()).ifPresent(nv -> {
                    node.set(p.getKey(), nv);
                    changes.add(here + " → " + nv);
                });
            } else if (v.isObject()) {
                walk(here, (ObjectNode) v, changes, depth + 1);
            } else if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isObject()) {
                        walk(here + "[" + i + "]", (ObjectNode) v.get(i), changes, depth + 1);
                    }
                }
            }
        }
    }

    /** The raised value for {@code v}, or empty when it already is raised or cannot be (numbers, nulls). */
    private static Optional<JsonNode> raised(JsonNode v, JsonNode raise) {
        if (raise.isBoolean()) {
            return v.isBoolean() && !v.asBoolean() || v.isTextual() && v.asText().matches("(?i)false|no|0|n")
                    ? Optional.of(v.isBoolean() ? BooleanNode.TRUE : TextNode.valueOf("true")) : Optional.empty();
        }
        String value = raise.asText();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (e.asText().equalsIgnoreCase(value)) {
                    return Optional.empty();
                }
            }
            ArrayNode copy = ((ArrayNode) v).deepCopy();
            copy.add(value);
            return Optional.of(copy);
        }
        if (!v.isTextual() || v.asText().equalsIgnoreCase(value)) {
            return Optional.empty();
        }
        String text = v.asText();
        return Optional.of(TextNode.valueOf(text.contains(" ") || text.contains(":") ? text + " " + value : value));
    }
}
