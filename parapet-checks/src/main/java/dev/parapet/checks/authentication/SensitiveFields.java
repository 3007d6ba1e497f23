package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field names that mark personal or account data in a JSON body, for {@code security-headers}. Names are compared
 * lower-cased without {@code _} and {@code -}; a name matches when it contains a fragment and no ignored fragment
 * ({@code nextPageToken} is paging, not a credential). Only fields with a non-empty scalar value count.
 */
record SensitiveFields(List<String> fragments, List<String> ignored) {

    /** Bodies bigger than this many nodes are sampled no further; the first matches are evidence enough. */
    private static final int MAX_NODES = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    SensitiveFields {
        fragments = List.copyOf(fragments);
        ignored = List.copyOf(ignored);
    }

    static SensitiveFields load() {
        return CheckData.load("security-headers", "sensitive-fields.json", SensitiveFields.class);
    }

    /** The sensitive field names in {@code json} (sorted, at most 5), or an empty set for non-JSON bodies. */
    Set<String> in(String json) {
        Set<String> found = new TreeSet<>();
        try {
            JsonNode root = JSON.readTree(json);
            walk(root, found, new int[]{0});
        } catch (java.io.IOException | RuntimeException e) {
            return Set.of();
        }
        return found;
    }

    boolean sensitive(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return fragments.stream().anyMatch(n::contains) && ignored.stream().noneMatch(n::contains);
    }

    private void walk(JsonNode node, Set<String> found, int[] visited) {
        if (node == null || visited[0]++ > MAX_NODES || found.size() >= 5) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (v.isValueNode() && !v.isNull() && !v.asText().isBlank() && sensitive(f.getKey())) {
                    found.add(f.getKey());
                }
                walk(v, found, visited);
            }
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, found, visited));
        }
    }
}
