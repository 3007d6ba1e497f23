package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Data for {@code www-authenticate}: paths that usually need a login (relative, resolved against the origin) and
 * the field names an error body normally carries. Anything else in a 401/403 body is data the server should not
 * have sent. Loaded from {@code probes.json}.
 */
record DenialProbes(List<String> protectedPaths, List<String> errorFields) {

    /**
     * Fields beyond the error vocabulary that make an object a data record. Error bodies commonly add one or two
     * (a login URL, a realm); three or more look like the resource itself.
     */
    static final int RECORD_FIELDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    DenialProbes {
        protectedPaths = List.copyOf(protectedPaths);
        errorFields = List.copyOf(errorFields);
        if (protectedPaths.stream().anyMatch(p -> p.startsWith("/"))) {
            throw new IllegalArgumentException("protected paths are relative: " + protectedPaths);
        }
    }

    static DenialProbes load() {
        return CheckData.load("www-authenticate", "probes.json", DenialProbes.class);
    }

    /** Field names of the first data record in a JSON body (searched two levels deep), or an empty list. */
    List<String> recordFields(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root == null ? List.of() : find(root, 0);
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    private List<String> find(JsonNode node, int depth) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                List<String> r = find(child, depth + 1);
                if (!r.isEmpty()) {
                    return r;
                }
            }
            return List.of();
        }
        if (!node.isObject()) {
            return List.of();
        }
        List<String> dataFields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String n = f.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            if (!errorFields.contains(n) && !f.getValue().isNull()) {
                dataFields.add(f.getKey());
            }
        }
        if (dataFields.size() >= RECORD_FIELDS) {
            return dataFields;
        }
        if (depth < 2) {
            for (JsonNode child : node) {
                List<String> r = find(child, depth + 1);
                if (!r.isEmpty()) {
                    return r;
                }
            }
        }
        return List.of();
    }
}
