package dev.parapet.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A documented request body: its media type, a body synthesised from its schema (every property filled with a
 * plausible value, optional ones included), and its fields, each addressable as an input point.
 *
 * @param mediaType {@code application/json}, {@code application/x-www-form-urlencoded},
 *                  {@code multipart/form-data}, {@code application/xml}…
 * @param example   the synthesised body, in that media type (JSON text, form pairs, XML)
 * @param required  whether the operation requires a body
 * @param fields    the schema's leaf properties, nested objects and array items included
 */
public record ApiRequestBody(String mediaType, String example, boolean required, List<Field> fields) {

    /**
     * One leaf of the body schema.
     *
     * @param pointer          RFC 6901 pointer into {@code example} ({@code /address/city}, {@code /tags/0})
     * @param name             dotted path ({@code address.city}) — for a form body, the field name
     * @param schemaType       JSON schema type; empty when undeclared
     * @param format           schema format; empty when none
     * @param required         whether its object requires it
     * @param readOnly         whether the schema marks it readOnly (a server-set field: a mass-assignment target)
     * @param value            the value {@code example} carries
     * @param description      the documented description; empty when none
     * @param documentedValues default, examples and enum members, in that order
     */
    public record Field(String pointer, String name, String schemaType, String format, boolean required,
                        boolean readOnly, String value, String description, List<String> documentedValues) {
        public Field {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(name, "name");
            schemaType = schemaType == null ? "" : schemaType;
            format = format == null ? "" : format;
            value = value == null ? "" : value;
            description = description == null ? "" : description;
            documentedValues = documentedValues == null ? List.of() : List.copyOf(documentedValues);
        }
    }

    public ApiRequestBody {
        Objects.requireNonNull(mediaType, "mediaType");
        example = example == null ? "" : example;
        fields = List.copyOf(fields);
    }

    public boolean json() {
        return mediaType.toLowerCase(Locale.ROOT).contains("json");
    }

    public boolean form() {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    public boolean xml() {
        return mediaType.toLowerCase(Locale.ROOT).contains("xml");
    }
}
