package dev.parapet.checks.authentication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token as a report may show it: the decoded header, the claims with every string value cut to its first four
 * characters, and the signature replaced by a marker. The token itself never appears. Stateless.
 */
final class JwtEvidence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtEvidence() {
    }

    static String of(JwtToken t) {
        Map<String, Object> claims = new LinkedHashMap<>();
        t.claims().forEach((k, v) -> claims.put(k, v instanceof Number || v instanceof Boolean ? v : mask(v)));
        return "JWT " + json(t.header()) + " . " + json(claims) + " . <signature masked>";
    }

    /** The first four characters of a secret-ish string, then {@code ****}. */
    static String mask(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        String s = String.valueOf(value);
        return s.length() <= 4 ? s : s.substring(0, 4) + "****";
    }

    private static String json(Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(map));
        } catch (JsonProcessingException e) {
            return map.keySet().toString();
        }
    }
}
