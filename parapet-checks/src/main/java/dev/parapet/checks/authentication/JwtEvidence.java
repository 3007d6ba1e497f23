package dev.parapet.checks.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * A token as a report may show it: the decoded header, the claims with every string value at any depth cut to its
 * first four characters, and the signature replaced by a marker. The token itself never appears. Stateless.
 */
final class JwtEvidence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtEvidence() {
    }

    static String of(JwtToken t) {
        return "JWT " + sorted(JSON.valueToTree(t.header())) + " . " + sorted(masked(t.claimsTree())) + " . <signature masked>";
    }

    /** The first four characters of a secret-ish string, then {@code ****}. */
    static String mask(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        String s = String.valueOf(value);
        return s.length() <= 4 ? s : s.substring(0, 4) + "****";
    }

    private static JsonNode masked(JsonNode n) {
        if (n.isTextual()) {
            return TextNode.valueOf(mask(n.asText()));
        }
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            n.properties().forEach(p -> out.set(p.getKey(), masked(p.getValue())));
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            n.forEach(c -> out.add(masked(c)));
            return out;
        }
        return n;
    }

    private static String sorted(JsonNode n) {
        if (!n.isObject()) {
            return n.toString();
        }
        Map<String, JsonNode> m = new java.util.TreeMap<>();
        n.properties().forEach(p -> m.put(p.getKey(), p.getValue()));
        return JSON.valueToTree(m).toString();
    }
}
