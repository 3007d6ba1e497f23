package dev.parapet.checks.inputvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks collection endpoints from the inventory: answered JSON GETs whose body is a list (or an object holding a
 * top-level list) and whose last path segment is not an identifier. Collections are read through GET; on a
 * read-only API nothing should replace or delete them.
 */
final class ReadOnlyResources {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers, UUIDs and long hex ids name one item, not a collection. */
    private static final Pattern ID_SEGMENT = Pattern.compile("(?i)\\d+|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{16,}");

    private ReadOnlyResources() {
    }

    static List<URI> collections(Inventory inventory, int max) {
        return inventory.answeredGets().stream()
                .filter(e -> e.response().isSuccess() && e.response().isJson())
                .filter(e -> !e.request().uri().equals(inventory.target()))
                .filter(e -> !lastSegmentIsId(e.request().uri()) && holdsList(e))
                .map(e -> e.request().uri()).distinct().limit(max).toList();
    }

    private static boolean lastSegmentIsId(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] segments = path.split("/");
        return segments.length > 0 && ID_SEGMENT.matcher(segments[segments.length - 1]).matches();
    }

    private static boolean holdsList(Exchange e) {
        try {
            JsonNode root = JSON.readTree(e.body());
            if (root == null) {
                return false;
            }
            if (root.isArray()) {
                return true;
            }
            for (JsonNode child : root) {
                if (child.isArray()) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException ex) {
            return false;
        }
    }
}
