package dev.parapet.spec;

import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a document gives for a parameter or field: its default, its examples (the parameter's own, the
 * schema's {@code example} and 3.1 {@code examples}) and its enum members, in that order, each once, scalar values
 * only, at most {@link #MAX} of them. Stateless.
 */
final class DocumentedValues {

    /** Enough to test what the document names; an enum of thousands still yields a bounded list. */
    static final int MAX = 16;

    private DocumentedValues() {
    }

    static List<String> of(Object parameterExample, Schema<?> schema) {
        Set<String> out = new LinkedHashSet<>();
        if (schema != null) {
            add(out, schema.getDefault());
        }
        add(out, parameterExample);
        if (schema != null) {
            add(out, schema.getExample());
            if (schema.getExamples() != null) {
                schema.getExamples().forEach(e -> add(out, e));
            }
            if (schema.getEnum() != null) {
                schema.getEnum().forEach(e -> add(out, e));
            }
        }
        return new ArrayList<>(out).subList(0, Math.min(MAX, out.size()));
    }

    private static void add(Set<String> out, Object v) {
        if (v == null || v instanceof Map<?, ?> || v instanceof List<?> || out.size() >= MAX) {
            return;
        }
        if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
            if (n.isValueNode() && !n.isNull()) {
                out.add(n.asText());
            }
            return;
        }
        out.add(v.toString());
    }
}
