package dev.parapet.spec;

import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Picks a plausible value for a parameter so its operation can be called: the parameter's or schema's example,
 * then its default, then its first enum value, then a value fitting its format (uuid, date, date-time, email, uri,
 * integer ranges), then a default for its type. Deterministic: the same seed, name and schema give the same value.
 * Stateless and thread-safe.
 */
final class ValueSynthesizer {

    private ValueSynthesizer() {
    }

    static String value(String name, Object parameterExample, Schema<?> schema, long seed) {
        if (parameterExample != null && !(parameterExample instanceof java.util.Map<?, ?>)) {
            return parameterExample.toString();
        }
        if (schema == null) {
            return "1";
        }
        for (Object candidate : new Object[] {schema.getExample(), schema.getDefault()}) {
            if (candidate != null && !(candidate instanceof java.util.Map<?, ?>) && !(candidate instanceof List<?>)) {
                return candidate.toString();
            }
        }
        // OpenAPI 3.1 schemas list examples (JSON Schema's keyword) instead of one example.
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            Object first = schema.getExamples().getFirst();
            if (first instanceof com.fasterxml.jackson.databind.node.ValueNode v && !v.isNull()) {
                return v.asText();
            }
            if (first instanceof String || first instanceof Number || first instanceof Boolean) {
                return first.toString();
            }
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && schema.getEnum().getFirst() != null) {
            return schema.getEnum().getFirst().toString();
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat().toLowerCase(Locale.ROOT);
        switch (format) {
            case "uuid" -> {
                return UUID.nameUUIDFromBytes((seed + ":" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString();
            }
            case "date" -> {
                return "2024-01-" + String.format(Locale.ROOT, "%02d", 1 + Math.floorMod(seed, 28));
            }
            case "date-time" -> {
                return "2024-01-01T00:00:00Z";
            }
            case "email" -> {
                return "user" + Math.floorMod(seed, 1000) + "@example.com";
            }
            case "uri", "url" -> {
                return "https://example.com/";
            }
            default -> {
            }
        }
        String type = SchemaTypes.type(schema);
        return switch (type) {
            case "integer", "number" -> integerIn(schema.getMinimum(), schema.getMaximum(), seed);
            case "boolean" -> "true";
            default -> "1";
        };
    }

    /** An integer inside [minimum, maximum], 1 when the range allows it and the seed is 0. */
    private static String integerIn(BigDecimal min, BigDecimal max, long seed) {
        long low = min == null ? 1 : min.setScale(0, java.math.RoundingMode.CEILING).longValue();
        long high = max == null ? Math.max(low, 1) + 1000 : max.setScale(0, java.math.RoundingMode.FLOOR).longValue();
        if (high < low) {
            return Long.toString(low);
        }
        long start = min == null && high >= 1 ? 1 : low;
        long span = high - start + 1;
        return Long.toString(start + (span <= 0 ? 0 : Math.floorMod(seed, span)));
    }
}
