package dev.parapet.checks.bola;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the objects the scanning identity can read in discovery's recorded answers: elements of list responses
 * ({@code GET /orders} answering {@code {"orders":[{"order_id":1007,…}]}} names {@code /orders/1007}) and objects
 * served at a URL whose last segment is their own id. Stateless and thread-safe.
 */
final class ObjectRefs {

    /** One readable object: the URL that reads it, the field holding its id, the id, and its collection's URL. */
    record ObjectRef(URI uri, String idField, String id, URI collection) {
    }

    /** Array wrappers read when a list is not the top-level value. */
    private static final List<String> WRAPPERS = List.of("items", "data", "results", "content", "records");

    /** Fields naming whose object it is; equal owners with equal ids mean the same object. */
    static final Pattern OWNER = Pattern.compile("(?i)owner|owner_?id|user|user_?id|username|customer|customer_?id"
            + "|account_?id|tenant_?id|email|created_?by");

    private ObjectRefs() {
    }

    /**
     * At most {@code max} objects and {@code perCollection} of each collection (so one long list cannot crowd the
     * others out), each URL once, in recorded order.
     */
    static List<ObjectRef> readable(Inventory inv, int perCollection, int max) {
        Map<URI, ObjectRef> out = new LinkedHashMap<>();
        for (Exchange e : inv.answeredGets()) {
            if (e.status() / 100 != 2) {
                continue;
            }
            URI base = withoutQuery(e.request().uri());
            String last = lastSegment(base);
            Optional<JsonNode> root = SpecResponses.json(e);
            root.flatMap(ObjectRefs::listIn).ifPresent(list -> {
                for (JsonNode element : list) {
                    idField(element, last).ifPresent(f -> {
                        URI uri = child(base, element.get(f).asText());
                        out.putIfAbsent(uri, new ObjectRef(uri, f, element.get(f).asText(), base));
                    });
                }
            });
            root.filter(JsonNode::isObject).flatMap(o -> idField(o, "")
                    .filter(f -> o.get(f).asText().equals(last))
                    .map(f -> new ObjectRef(base, f, last, parent(base)))).ifPresent(r -> out.putIfAbsent(base, r));
        }
        Map<URI, Integer> taken = new java.util.HashMap<>();
        return out.values().stream().filter(r -> taken.merge(r.collection(), 1, Integer::sum) <= perCollection)
                .limit(max).toList();
    }

    /** The array of objects a list answer holds: top level, under a known wrapper, or its only array property. */
    static Optional<JsonNode> listIn(JsonNode root) {
        if (root.isArray()) {
            return objects(root);
        }
        for (String w : WRAPPERS) {
            if (root.path(w).isArray()) {
                return objects(root.path(w));
            }
        }
        List<JsonNode> arrays = new ArrayList<>();
        root.properties().forEach(p -> {
            if (p.getValue().isArray()) {
                arrays.add(p.getValue());
            }
        });
        return arrays.size() == 1 ? objects(arrays.getFirst()) : Optional.empty();
    }

    private static Optional<JsonNode> objects(JsonNode array) {
        return !array.isEmpty() && array.get(0).isObject() ? Optional.of(array) : Optional.empty();
    }

    /**
     * The field holding an object's own id: {@code id}, {@code uuid}, then {@code <singular>_id} or
     * {@code <singular>Id} for collection {@code <singular>s}; scalar values only.
     */
    static Optional<String> idField(JsonNode object, String collection) {
        String singular = collection.toLowerCase(Locale.ROOT).replaceAll("s$", "");
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String n = name.toLowerCase(Locale.ROOT).replace("_", "");
            boolean scalar = object.get(name).isValueNode() && !object.get(name).asText().isBlank();
            if (scalar && (n.equals("id") || n.equals("uuid") || !singular.isEmpty() && n.equals(singular + "id"))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Same id and same values in every owner field both carry, or equal outright. */
    static boolean sameObject(JsonNode a, JsonNode b, String idField) {
        if (a.equals(b)) {
            return true;
        }
        if (!a.isObject() || !b.isObject() || !a.path(idField).isValueNode()
                || !a.path(idField).asText().equals(b.path(idField).asText())) {
            return false;
        }
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (OWNER.matcher(name).matches() && b.has(name) && !a.get(name).equals(b.get(name))) {
                return false;
            }
        }
        return true;
    }

    static URI child(URI collection, String id) {
        String path = collection.getRawPath().endsWith("/") ? collection.getRawPath() : collection.getRawPath() + "/";
        return collection.resolve(path + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    static URI parent(URI uri) {
        String p = uri.getRawPath();
        return uri.resolve(p.substring(0, Math.max(1, p.lastIndexOf('/'))));
    }

    static String lastSegment(URI uri) {
        String p = uri.getRawPath() == null ? "" : uri.getRawPath();
        String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static URI withoutQuery(URI uri) {
        return uri.getRawQuery() == null ? uri : uri.resolve(uri.getRawPath());
    }
}
