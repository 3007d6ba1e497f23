package dev.parapet.checks.ratelimiting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The list of records in a JSON list response: the body itself when it is an array of objects, else the largest
 * top-level field holding an array of objects ({@code {"items":[...],"total":250}}). {@code field} is empty for a
 * bare array. Pure; thread-safe.
 */
record RecordList(String field, int count) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<RecordList> of(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        if (isRecords(root)) {
            return Optional.of(new RecordList("", root.size()));
        }
        RecordList best = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (isRecords(f.getValue()) && (best == null || f.getValue().size() > best.count())) {
                best = new RecordList(f.getKey(), f.getValue().size());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The size of the same list ({@code field}, or the bare array when empty) in another page, if it is there. */
    static Optional<Integer> countIn(String body, String field) {
        if (field.isEmpty()) {
            return of(body).filter(l -> l.field().isEmpty()).map(RecordList::count);
        }
        return fieldCount(body, field);
    }

    private static Optional<Integer> fieldCount(String body, String field) {
        try {
            JsonNode n = JSON.readTree(body).get(field);
            return n != null && n.isArray() ? Optional.of(n.size()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static boolean isRecords(JsonNode n) {
        return n.isArray() && !n.isEmpty() && n.get(0).isObject();
    }
}
