package dev.parapet.spec;

import io.swagger.v3.oas.models.media.Schema;

import java.util.Locale;

/** A schema's type whether declared the 3.0 way ({@code type: x}) or the 3.1 way ({@code type: [x, "null"]}). */
final class SchemaTypes {

    private SchemaTypes() {
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType().toLowerCase(Locale.ROOT);
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(t -> t != null && !t.equals("null")).findFirst()
                    .map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        }
        return "";
    }
}
