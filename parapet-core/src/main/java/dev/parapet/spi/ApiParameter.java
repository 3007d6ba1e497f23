package dev.parapet.spi;

import java.util.List;

/**
 * One parameter of a documented operation, reduced to what probing and checks need.
 *
 * @param in               where it goes: {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param name             its name as documented
 * @param required         whether the spec marks it required (path parameters always are)
 * @param schemaType       the JSON schema type ({@code string}, {@code integer}, …); empty when undeclared
 * @param format           the schema format ({@code uuid}, {@code date}, …); empty when undeclared
 * @param value            the value synthesised for probing (examples, defaults, enums, formats, then type defaults)
 * @param description      the documented description (the parameter's, else its schema's); empty when none
 * @param documentedValues the values the document gives: its default, examples and enum members, in that order
 */
public record ApiParameter(String in, String name, boolean required, String schemaType, String format,
                           String value, String description, List<String> documentedValues) {

    public ApiParameter {
        schemaType = schemaType == null ? "" : schemaType;
        format = format == null ? "" : format;
        value = value == null ? "" : value;
        description = description == null ? "" : description;
        documentedValues = documentedValues == null ? List.of() : List.copyOf(documentedValues);
    }

    /** A parameter without description or documented values. */
    public ApiParameter(String in, String name, boolean required, String schemaType, String format, String value) {
        this(in, name, required, schemaType, format, value, "", List.of());
    }
}
