package dev.parapet.spec;

import io.swagger.v3.oas.models.media.Schema;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The property names a schema declares, following local {@code $ref}s, {@code allOf/oneOf/anyOf}, array items and
 * nested objects. Recursive schemas are visited once; depth is bounded so a generated spec cannot exhaust the
 * stack. A schema that allows undeclared properties (or declares none) yields empty: nothing can be called
 * "undeclared" against it.
 */
final class SchemaProperties {

    /** Deep enough for real payloads; bounds the work on pathological or generated schemas. */
    private static final int MAX_DEPTH = 12;

    private final Map<String, Schema> components;
    private final List<String> danglingRefs;

    /**
     * @param components   the document's {@code components.schemas}, possibly empty
     * @param danglingRefs receives each {@code $ref} that names no schema, once per collection
     */
    SchemaProperties(Map<String, Schema> components, List<String> danglingRefs) {
        this.components = components == null ? Map.of() : components;
        this.danglingRefs = danglingRefs;
    }

    Optional<Set<String>> closedProperties(Schema<?> schema) {
        Set<String> names = new LinkedHashSet<>();
        boolean[] open = {false};
        collect(schema, 0, names, open, new IdentityHashMap<>());
        return open[0] || names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    /** Every declared name, open or not; for "what can be written" and "what is sensitive" questions. */
    Set<String> allProperties(Schema<?> schema) {
        Set<String> names = new LinkedHashSet<>();
        collect(schema, 0, names, new boolean[] {false}, new IdentityHashMap<>());
        return names;
    }

    private void collect(Schema<?> schema, int depth, Set<String> names, boolean[] open,
                         IdentityHashMap<Schema<?>, Boolean> seen) {
        if (schema == null || depth > MAX_DEPTH || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        Schema<?> s = resolve(schema);
        if (s == null) {
            open[0] = true;
            return;
        }
        if (s != schema && seen.put(s, Boolean.TRUE) != null) {
            return;
        }
        if (Boolean.TRUE.equals(s.getAdditionalProperties()) || s.getAdditionalProperties() instanceof Schema<?>) {
            open[0] = true;
        }
        if (s.getProperties() != null) {
            for (var e : s.getProperties().entrySet()) {
                names.add(e.getKey());
                collect(e.getValue(), depth + 1, names, open, seen);
            }
        }
        for (List<Schema> group : java.util.Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf())) {
            if (group != null) {
                group.forEach(g -> collect(g, depth + 1, names, open, seen));
            }
        }
        if (s.getItems() != null) {
            collect(s.getItems(), depth + 1, names, open, seen);
        }
    }

    /** The schema a local {@code $ref} names, the schema itself without one, or null when the ref dangles. */
    Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < MAX_DEPTH; hops++) {
            String ref = s.get$ref();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            Schema<?> target = ref.startsWith("#/components/schemas/") || !ref.contains("/")
                    ? components.get(name) : null;
            if (target == null) {
                danglingRefs.add(ref);
                return null;
            }
            s = target;
        }
        return s != null && s.get$ref() != null ? null : s;
    }
}
