package dev.parapet.spi;

/**
 * One parameter of a documented operation, reduced to what probing and checks need.
 *
 * @param in         where it goes: {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param name       its name as documented
 * @param required   whether the spec marks it required (path parameters always are)
 * @param schemaType the JSON schema type ({@code string}, {@code integer}, …); empty when undeclared
 * @param format     the schema format ({@code uuid}, {@code date}, …); empty when undeclared
 * @param value      the value synthesised for probing (examples, defaults, enums, formats, then type defaults)
 */
public record ApiParameter(String in, String name, boolean required, String schemaType, String format,
                           String value) {

    public ApiParameter {
        schemaType = schemaType == null ? "" : schemaType;
        format = format == null ? "" : format;
        value = value == null ? "" : value;
    }
}
